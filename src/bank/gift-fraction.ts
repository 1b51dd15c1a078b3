/** Moodle's grade fractions (1 for full credit, -0.5 for a half penalty) as GIFT import reports them. */

/** A fraction as a percentage, up to two decimals: 0.333333 reads 33.33%. */
export const percent = (fraction: number) => `${Number((fraction * 100).toFixed(2))}%`;

/** Equal within 0.05 percentage points, so Moodle's 33.33333% is a third. */
export const near = (a: number, b: number) => Math.abs(a - b) < 0.0005;

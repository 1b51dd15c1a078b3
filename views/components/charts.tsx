/**
 * Chart pieces shared by the candidate's, the manager's and the practice pages.
 *
 * Horizontal bar charts have their words in HTML: labels and values sit in a grid beside the bars, so
 * they wrap instead of being clipped and keep the page's font size on a phone (an SVG drawn to a
 * fixed viewBox shrinks its text with the screen). Each bar is a small SVG stretched to its cell;
 * its widths are attributes, not inline styles, which the CSP forbids.
 */

/**
 * An SVG x coordinate as a share of the chart's width. Charts with axes are drawn without a
 * viewBox, with x positions in percentages and text in CSS pixels: the drawing stretches to the
 * screen and its labels keep the page's size.
 */
export const svgPercent = (n: number) => `${Math.round(n * 100) / 100}%`;

export type Tone = 'pass' | 'fail' | 'partial' | null;

export interface HBar {
  label: string;
  value: number;
  /** The value as the reader should see it: "72.5%", "01:05". */
  display: string;
  tone?: Tone;
  /** Extra words a screen reader hears after the value: "correct", "flagged". */
  note?: string;
}

/** A share of 0-100, rounded to a tenth so the markup stays short. */
function percentOf(value: number, max: number): number {
  if (max <= 0) return 0;
  return Math.round((Math.max(0, Math.min(value, max)) / max) * 1000) / 10;
}

/**
 * Bars scaled to `max`, with an optional mark drawn through every bar (the pass mark, an even
 * pace) and named in a key under the chart.
 */
export function HBarChart(props: {
  id: string;
  summary: string;
  bars: HBar[];
  max: number;
  mark?: { value: number; label: string } | null;
}) {
  const mark = props.mark ? percentOf(props.mark.value, props.max) : null;
  return (
    <figure class="chart hbar-chart" id={props.id} aria-labelledby={`${props.id}-caption`}>
      <figcaption id={`${props.id}-caption`} class="sr-only">
        {props.summary}
      </figcaption>
      <ul class="hbars">
        {props.bars.map((b) => (
          <li class="hbar">
            <span class="hbar-label">{b.label}</span>
            <svg
              class="hbar-track"
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              aria-hidden="true"
              focusable="false"
            >
              <rect width="100" height="10" class="band" />
              <rect
                width={String(percentOf(b.value, props.max))}
                height="10"
                class={b.tone ? `bar ${b.tone}` : 'bar'}
                data-value={String(b.value)}
              />
              {mark === null ? null : (
                <line x1={mark} x2={mark} y1="0" y2="10" class="mark" vector-effect="non-scaling-stroke" />
              )}
            </svg>
            <span class="hbar-value">{b.display}</span>
            {b.note ? <span class="sr-only"> ({b.note})</span> : null}
          </li>
        ))}
      </ul>
      {props.mark ? (
        <p class="hbar-key small muted">
          <span class="hbar-key-mark" aria-hidden="true" />
          {props.mark.label}
        </p>
      ) : null}
    </figure>
  );
}

/** Percent per skill area against the pass mark: the candidate's result and the manager's report. */
export function AreaBars(props: {
  id: string;
  byArea: Record<string, { percent: number }>;
  titles: Record<string, string>;
  passMark: number | null;
}) {
  const { passMark } = props;
  const bars = Object.entries(props.byArea).map(
    ([area, t]): HBar => ({
      label: props.titles[area] ?? area,
      value: t.percent,
      display: `${t.percent}%`,
      tone: passMark === null ? null : t.percent >= passMark ? 'pass' : 'fail',
      note: passMark === null ? undefined : t.percent >= passMark ? 'at or above the pass mark' : 'below the pass mark',
    }),
  );
  return (
    <HBarChart
      id={props.id}
      summary="Score by skill area"
      bars={bars}
      max={100}
      mark={passMark === null ? null : { value: passMark, label: `Pass mark ${passMark}%` }}
    />
  );
}

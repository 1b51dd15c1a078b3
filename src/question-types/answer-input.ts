/**
 * Reading what a candidate's answer form sent. The browser only ever sees display positions
 * (0, 1, 2...), never option ids, so neither the file order of the options nor anything derived
 * from the answer key can be read from the page.
 */

/** The first value of a form field (a field may repeat). */
export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a form field. */
export function all(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The option id at a display position from the form, or undefined for anything else. */
export function idAt(order: readonly string[], position: string): string | undefined {
  return /^\d{1,3}$/.test(position) ? order[Number(position)] : undefined;
}

/** A submitted answer refused, with a message the candidate can act on. */
export function refused(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

import { escapeToBuffer } from 'hono/utils/html';

/**
 * Markup rendered by JSX once per shape and afterwards copied with this request's strings put in:
 * for the parts of a page that are the same for every request but for a few text or attribute
 * values (the test page's navigator links and its report form before anything was sent). The JSX is
 * rendered once with a marker in place of each value and cut at the markers; a request joins the
 * pieces with its values, escaped exactly as hono/jsx escapes text and attributes, so the result
 * is the bytes a fresh render would give. Only the shape is cached, never a value: a nonce, an
 * attempt id or a title is put in per request and is never part of the shared pieces.
 *
 * The caller's shape must name everything that changes which elements and attributes are present;
 * every other difference must be a hole. Shapes are a few names written in the code, never data,
 * so the map of templates stays as small as the code. The marker is random per process, so no
 * question text or title can contain it. It is drawn at the first render, not when the module
 * loads: Workers refuse random values in global scope.
 */
let marker: { text: string; pattern: RegExp } | undefined;
function markerOf(): { text: string; pattern: RegExp } {
  if (!marker) {
    const text = `t${crypto.randomUUID().replaceAll('-', '')}`;
    marker = { text, pattern: new RegExp(`${text}_(\\d+)_`, 'g') };
  }
  return marker;
}

interface Template<H extends string> {
  /** The markup between the holes: one more piece than holes. */
  pieces: string[];
  holes: H[];
}

export type HoleValues<H extends string> = Record<H, string>;

export interface FilledTemplates<H extends string> {
  /** The markup for `values`, rendered by `render` the first time `shape` is asked for. */
  fill(shape: string, values: HoleValues<H>, render: (holes: Record<H, string>) => string): string;
}

let bypassed = false;

/**
 * For tests: render every time with the request's own values, as the pages did before templates,
 * so a test can compare the filled markup with a fresh render byte for byte.
 */
export function bypassTemplates(on: boolean): void {
  bypassed = on;
}

export function filledTemplates<H extends string>(names: readonly H[]): FilledTemplates<H> {
  const cache = new Map<string, Template<H>>();
  return {
    fill(shape, values, render) {
      if (bypassed) return render(values);
      let template = cache.get(shape);
      if (!template) {
        const { text } = markerOf();
        const markers = Object.fromEntries(names.map((name, i) => [name, `${text}_${i}_`])) as Record<H, string>;
        template = cut(render(markers), names);
        cache.set(shape, template);
      }
      return join(template, values);
    },
  };
}

function cut<H extends string>(html: string, names: readonly H[]): Template<H> {
  // split with a capture group alternates pieces and the captured hole numbers.
  const split = html.split(markerOf().pattern);
  const pieces: string[] = [];
  const holes: H[] = [];
  split.forEach((part, i) => {
    if (i % 2 === 0) pieces.push(part);
    else holes.push(names[Number(part)] as H);
  });
  return { pieces, holes };
}

function join<H extends string>(template: Template<H>, values: HoleValues<H>): string {
  const out = [template.pieces[0] ?? ''];
  template.holes.forEach((hole, i) => {
    escapeToBuffer(values[hole], out);
    out[0] += template.pieces[i + 1] ?? '';
  });
  return out[0] ?? '';
}

/** ATX headings of levels 1 to 3, the only ones that structure a bank file. */

export interface Heading {
  level: 1 | 2 | 3;
  title: string;
}

// `#`, `##` or `###` at the start of the line, then a space or the end: `#tag` and `####` are not.
const pattern = /^(#{1,3})(?:[ \t]+(.*?))?[ \t]*$/;

export function readHeading(text: string): Heading | null {
  const m = pattern.exec(text);
  if (!m) return null;
  const level = (m[1] ?? '').length as 1 | 2 | 3;
  // An optional closing sequence of #s is not part of the title (CommonMark).
  const title = (m[2] ?? '').replace(/(^|[ \t]+)#+$/, '').trim();
  return { level, title };
}

/**
 * Code fences, line by line, so a `## ` or `### ` inside a fenced block is never read as a
 * heading. Follows CommonMark: three or more backticks or tildes open a fence, and only a line of
 * the same character, at least as long and with nothing after it, closes it. Indentation is
 * accepted at any depth because fences inside list items are indented.
 */

export interface OpenFence {
  char: '`' | '~';
  length: number;
  /** The first word of the info string: the code's language, or ''. */
  lang: string;
  line: number;
}

const openPattern = /^\s*(`{3,}|~{3,})(.*)$/;

/** The fence this line opens, or null. A backtick fence's info string may not hold a backtick. */
export function fenceOpening(text: string, line: number): OpenFence | null {
  const m = openPattern.exec(text);
  if (!m) return null;
  const marks = m[1] ?? '';
  const info = (m[2] ?? '').trim();
  const char = marks[0] === '~' ? '~' : '`';
  if (char === '`' && info.includes('`')) return null;
  return { char, length: marks.length, lang: info.split(/\s+/)[0] ?? '', line };
}

/** Whether this line closes the given open fence. */
export function closesFence(text: string, fence: OpenFence): boolean {
  const trimmed = text.trim();
  if (trimmed.length < fence.length) return false;
  for (const c of trimmed) if (c !== fence.char) return false;
  return true;
}

/**
 * Walks lines and reports, for each, whether it is code (inside a fence or a fence line itself).
 * Returns the fence still open at the end, if any, so callers can report it.
 */
export function scanFences(
  lines: readonly string[],
  firstLine = 1,
): { inCode: boolean[]; unclosed: OpenFence | null; fences: OpenFence[] } {
  const inCode: boolean[] = [];
  const fences: OpenFence[] = [];
  let open: OpenFence | null = null;
  lines.forEach((text, i) => {
    if (open) {
      inCode.push(true);
      if (closesFence(text, open)) open = null;
      return;
    }
    const opening = fenceOpening(text, firstLine + i);
    if (opening) {
      open = opening;
      fences.push(opening);
    }
    inCode.push(opening !== null);
  });
  return { inCode, unclosed: open, fences };
}

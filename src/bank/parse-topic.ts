/**
 * Parses a topic file: a `# Title` line, then `## <id>` blocks, each with header lines up to the
 * first blank line, the prompt, and `### ` sections. Never throws: what does not fit becomes a
 * problem with its line, and parsing goes on.
 */
import { type OpenFence, scanFences } from './fences';
import { normalizeNewlines } from './hash';
import { readHeading } from './heading';
import type { Problem, RawQuestion, RawTopicFile } from './types';

const headerPattern = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/;

export function parseTopicFile(
  path: string,
  area: string,
  topic: string,
  text: string,
): { file: RawTopicFile; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (line: number, message: string) => problems.push({ file: path, line, message });
  const lines = normalizeNewlines(text).split('\n');
  const { inCode, unclosed } = scanFences(lines);
  if (unclosed) problem(unclosed.line, unclosedMessage(unclosed, lines));

  const file: RawTopicFile = { path, area, topic, title: null, questions: [] };
  let current: RawQuestion | null = null;
  let start = 0; // index of the current block's `## ` line
  let mode: 'header' | 'prompt' | 'section' = 'header';
  let titleReported = false;
  let strayReported = false; // one problem per run of text outside any question

  const close = (end: number) => {
    if (!current) return;
    current.source = blockSource(lines.slice(start, end));
    file.questions.push(current);
    current = null;
  };

  lines.forEach((raw, i) => {
    const line = i + 1;
    const heading = inCode[i] ? null : readHeading(raw);
    if (heading?.level === 1) {
      close(i);
      strayReported = false;
      if (file.title === null && file.questions.length === 0) {
        file.title = { value: heading.title, line };
        if (heading.title === '') problem(line, 'the # title line is empty');
      } else {
        problem(line, 'a topic file has a single # title line; this one starts no question');
      }
      return;
    }
    if (heading?.level === 2) {
      close(i);
      if (file.title === null && !titleReported) {
        problem(1, 'a topic file starts with a "# Title" line');
        titleReported = true;
      }
      current = { id: heading.title, line, headers: [], prompt: [], sections: [], source: '' };
      start = i;
      mode = 'header';
      return;
    }
    if (!current) {
      if (raw.trim() === '' || strayReported) return;
      strayReported = true;
      if (file.title === null) problem(line, 'text before the "# Title" line that starts a topic file');
      else problem(line, 'text outside any question: a question starts with a "## <id>" line');
      return;
    }
    const q: RawQuestion = current;
    if (heading?.level === 3) {
      q.sections.push({ name: heading.title, line, lines: [] });
      mode = 'section';
      return;
    }
    if (mode === 'header') {
      if (raw.trim() === '') {
        // Blank lines between `## id` and the first header line are tolerated: the README's
        // "up to the first blank line" is about the blank line that ends the header.
        if (q.headers.length > 0) mode = 'prompt';
        return;
      }
      const m = headerPattern.exec(raw.trim());
      if (m) {
        q.headers.push({ key: m[1] ?? '', value: (m[2] ?? '').trim(), line });
        return;
      }
      problem(line, 'header lines are "key: value" up to the first blank line; leave a blank line before the prompt');
      mode = 'prompt';
    }
    if (mode === 'prompt') q.prompt.push({ text: raw, line });
    else q.sections.at(-1)?.lines.push({ text: raw, line });
  });
  close(lines.length);
  if (file.title === null && !titleReported) problem(1, 'a topic file starts with a "# Title" line');
  return { file, problems };
}

/** Trailing space trimmed on every line and trailing blank lines dropped: whitespace-only edits keep the hash. */
function blockSource(lines: string[]): string {
  return lines
    .map((l) => l.trimEnd())
    .join('\n')
    .trimEnd();
}

/** Says which headings the open fence swallowed, the usual symptom of a missing closing fence. */
function unclosedMessage(fence: OpenFence, lines: string[]): string {
  const message = `code fence opened here (${fence.char.repeat(fence.length)}) is never closed`;
  for (let i = fence.line; i < lines.length; i++) {
    const heading = readHeading(lines[i] ?? '');
    if (heading && heading.level > 1) {
      return `${message}; it swallows everything after it, from "${lines[i]}" on line ${i + 1}`;
    }
  }
  return message;
}

/** Parses `questions/<area>/area.md`: front matter, optional description, `## Topics` list. */
import { scanFences } from './fences';
import { normalizeNewlines } from './hash';
import { readHeading } from './heading';
import type { Problem, RawArea, RawTopicEntry } from './types';

const frontMatterKeys = new Set(['title', 'summary']);
// - `sql`: SQL | https://www.postgresql.org/docs/17/sql.html
const topicLinePattern = /^[-*+][ \t]+`([^`]*)`[ \t]*:(.*)$/;

export function parseAreaFile(path: string, area: string, text: string): { area: RawArea; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (line: number, message: string) => problems.push({ file: path, line, message });
  const lines = normalizeNewlines(text).split('\n');
  const result: RawArea = { path, area, title: null, summary: null, description: '', topicsLine: null, topics: [] };

  let bodyStart = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (end === -1) {
      problem(1, 'the front matter opened on line 1 is never closed with a --- line');
      return { area: result, problems };
    }
    for (let i = 1; i < end; i++) {
      const raw = lines[i] ?? '';
      if (raw.trim() === '') continue;
      const m = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(raw);
      if (!m) {
        problem(i + 1, `front matter lines are "key: value", found "${raw.trim()}"`);
        continue;
      }
      const key = m[1] ?? '';
      const value = { value: (m[2] ?? '').trim(), line: i + 1 };
      if (!frontMatterKeys.has(key)) problem(i + 1, `unknown front matter key "${key}" (expected title, summary)`);
      else if (result[key as 'title' | 'summary']) problem(i + 1, `front matter key "${key}" is given twice`);
      else result[key as 'title' | 'summary'] = value;
    }
    bodyStart = end + 1;
  } else {
    problem(1, 'area.md must start with front matter: a --- line, title: and summary:, and a closing --- line');
  }

  const body = lines.slice(bodyStart);
  const { inCode, unclosed } = scanFences(body, bodyStart + 1);
  if (unclosed)
    problem(unclosed.line, `code fence opened here (${unclosed.char.repeat(unclosed.length)}) is never closed`);

  const description: string[] = [];
  // Where body lines go: the description, the topic list, or nowhere (an unexpected section).
  let mode: 'description' | 'topics' | 'other' = 'description';
  const seen = new Map<string, number>();
  for (const [i, raw] of body.entries()) {
    const line = bodyStart + i + 1;
    const heading = inCode[i] ? null : readHeading(raw);
    if (heading?.level === 2) {
      if (heading.title === 'Topics' && result.topicsLine === null) {
        result.topicsLine = line;
        mode = 'topics';
      } else {
        problem(line, `area.md has one section, "## Topics"; found "## ${heading.title}"`);
        mode = 'other';
      }
      continue;
    }
    if (mode === 'description') description.push(raw);
    if (mode !== 'topics' || raw.trim() === '') continue;
    const entry = readTopicLine(raw, line);
    const first = typeof entry === 'string' ? undefined : seen.get(entry.id);
    if (typeof entry === 'string') problem(line, entry);
    else if (first !== undefined) problem(line, `topic "${entry.id}" is listed twice (first on line ${first})`);
    else {
      seen.set(entry.id, line);
      result.topics.push(entry);
    }
  }
  result.description = description.join('\n').trim();
  return { area: result, problems };
}

/** A topic entry, or the reason the line is not one. */
function readTopicLine(raw: string, line: number): RawTopicEntry | string {
  const usage = 'topic lines look like "- `topic-id`: Title | https://documentation.example/"';
  const m = topicLinePattern.exec(raw.trim());
  if (!m) return `${usage}, found "${raw.trim()}"`;
  const rest = m[2] ?? '';
  const bar = rest.lastIndexOf('|');
  if (bar === -1) return `${usage}: the documentation URL after "|" is missing`;
  return { id: (m[1] ?? '').trim(), title: rest.slice(0, bar).trim(), docsUrl: rest.slice(bar + 1).trim(), line };
}

/**
 * Parses the bank's files into raw, typed structures with a line for everything. Which parser
 * applies follows from the path: `<area>/area.md` or `<area>/<topic>.md`; the README is skipped.
 */
import { parseAreaFile } from './parse-area';
import { parseTopicFile } from './parse-topic';
import type { ParsedBank } from './types';

export { parseAreaFile } from './parse-area';
export { parseTopicFile } from './parse-topic';

export interface BankFile {
  /** Repo-relative, `/`-separated: `questions/databases/sql.md`. */
  path: string;
  text: string;
}

export function parseBank(files: readonly BankFile[]): ParsedBank {
  const bank: ParsedBank = { areas: [], topics: [], problems: [] };
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path, text } of sorted) {
    const parts = path.split('/');
    const name = parts.at(-1) ?? '';
    const area = parts.at(-2);
    if (name === 'README.md' && parts.length <= 2) continue;
    if (!area || !name.endsWith('.md')) {
      bank.problems.push({ file: path, line: 1, message: 'bank files live in questions/<area>/ and end in .md' });
    } else if (name === 'area.md') {
      const { area: parsed, problems } = parseAreaFile(path, area, text);
      bank.areas.push(parsed);
      bank.problems.push(...problems);
    } else {
      const { file, problems } = parseTopicFile(path, area, name.slice(0, -'.md'.length), text);
      bank.topics.push(file);
      bank.problems.push(...problems);
    }
  }
  return bank;
}

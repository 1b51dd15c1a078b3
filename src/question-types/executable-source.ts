/**
 * The answer section of an executable question in a question file: settings lines
 * (`key: value`), then `#### ` parts, each holding fenced code or a list of tests. One `### `
 * section per type keeps every type readable by the same question reader; the parts are read
 * here. See questions/README.md, "Code and SQL questions".
 */
import { closesFence, fenceOpening } from '../bank/fences';
import { nonBlank } from '../bank/sections';
import type { RawSection, SourceLine } from '../bank/types';
import type { Limits } from '../grading/types';
import type { SourceAnswer } from './executable';
import type { BlindMapping, GiftMapping, LineReport } from './source';

export interface Part {
  line: number;
  lines: SourceLine[];
}

export interface SectionParts {
  settings: Map<string, { value: string; line: number }>;
  parts: Map<string, Part>;
}

/** Splits the section into its settings and `#### ` parts, reporting unknown or repeated names. */
export function readParts(
  section: RawSection,
  known: { settings: readonly string[]; parts: readonly string[] },
  error: LineReport,
): SectionParts {
  const settings = new Map<string, { value: string; line: number }>();
  const parts = new Map<string, Part>();
  let current: Part | null = null;
  let fence: ReturnType<typeof fenceOpening> = null;
  for (const l of section.lines) {
    if (fence) {
      if (closesFence(l.text, fence)) fence = null;
      current?.lines.push(l);
      continue;
    }
    const heading = /^####\s+(.+?)\s*$/.exec(l.text);
    if (heading) {
      const name = (heading[1] ?? '').toLowerCase();
      if (!known.parts.includes(name)) {
        error(
          l.line,
          `unknown part "#### ${heading[1]}" (parts: ${known.parts.map((p) => `#### ${capital(p)}`).join(', ')})`,
        );
        current = null;
      } else if (parts.has(name)) {
        error(l.line, `"#### ${heading[1]}" appears twice`);
        current = null;
      } else {
        current = { line: l.line, lines: [] };
        parts.set(name, current);
      }
      continue;
    }
    fence = fenceOpening(l.text, l.line);
    if (current) {
      current.lines.push(l);
      continue;
    }
    if (l.text.trim() === '') continue;
    const setting = /^([a-z][a-z ]*?)\s*:\s*(.*)$/i.exec(l.text.trim());
    const key = setting?.[1]?.toLowerCase() ?? '';
    if (!setting || !known.settings.includes(key)) {
      error(l.line, `expected a setting (${known.settings.map((s) => `${s}:`).join(', ')}) or a "#### " part`);
    } else if (settings.has(key)) error(l.line, `"${key}:" is given twice`);
    else settings.set(key, { value: (setting[2] ?? '').trim(), line: l.line });
  }
  return { settings, parts };
}

function capital(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The fenced blocks of some lines, each with the line of its opening fence, and the lines outside any fence. */
export function fencedBlocks(lines: readonly SourceLine[]): { blocks: Block[]; outside: SourceLine[] } {
  const blocks: Block[] = [];
  const outside: SourceLine[] = [];
  let open: { fence: NonNullable<ReturnType<typeof fenceOpening>>; indent: number; body: string[] } | null = null;
  for (const l of lines) {
    if (open) {
      if (closesFence(l.text, open.fence)) {
        blocks.push({ code: open.body.join('\n'), line: open.fence.line });
        open = null;
      } else open.body.push(l.text.slice(Math.min(open.indent, l.text.length - l.text.trimStart().length)));
      continue;
    }
    const fence = fenceOpening(l.text, l.line);
    if (fence) open = { fence, indent: l.text.length - l.text.trimStart().length, body: [] };
    else outside.push(l);
  }
  return { blocks, outside };
}

/** The one fenced block of a required part, or null (reported). */
export function onePart(parts: SectionParts, name: string, sectionLine: number, error: LineReport): string | null {
  const part = parts.parts.get(name);
  if (!part) {
    error(sectionLine, `the "#### ${capital(name)}" part is missing`);
    return null;
  }
  const { blocks, outside } = fencedBlocks(part.lines);
  const stray = outside.find((l) => l.text.trim() !== '');
  if (blocks.length !== 1 || !blocks[0] || blocks[0].code.trim() === '') {
    error(part.line, `"#### ${capital(name)}" holds one fenced code block that is not empty`);
    return null;
  }
  if (stray) error(stray.line, `"#### ${capital(name)}" holds only its fenced code block`);
  return blocks[0].code;
}

/** A fenced block and the line of its opening fence. */
export interface Block {
  code: string;
  line: number;
}

/**
 * The list items of a `#### Tests` or `#### Hidden tests` part, each with the fenced blocks below
 * it (up to the next item), and what is neither: other lines and blocks above the first item, for
 * the caller to report in its own words. Null when the part is missing (reported).
 */
export function listedTests(
  parts: SectionParts,
  name: 'tests' | 'hidden tests',
  sectionLine: number,
  error: LineReport,
): {
  items: { item: SourceLine; text: string; blocks: Block[] }[];
  otherLines: SourceLine[];
  strayBlocks: Block[];
} | null {
  const part = parts.parts.get(name);
  if (!part) {
    error(sectionLine, `the "#### ${capital(name)}" part is missing`);
    return null;
  }
  const { blocks, outside } = fencedBlocks(part.lines);
  const lines = nonBlank(outside);
  const listed = lines.filter((l) => listItem.test(l.text.trim()));
  const items = listed.map((item, i) => {
    const next = listed[i + 1]?.line ?? Number.POSITIVE_INFINITY;
    const text = item.text.trim().replace(listItem, '');
    return { item, text, blocks: blocks.filter((b) => b.line > item.line && b.line < next) };
  });
  return {
    items,
    otherLines: lines.filter((l) => !listed.includes(l)),
    strayBlocks: blocks.filter((b) => !listed.some((l) => l.line < b.line)),
  };
}

const listItem = /^[-*]\s+/;

/** At least one visible test and five hidden ones, when their parts are there (a missing part is reported already). */
export function checkTestCounts(
  parts: SectionParts,
  counts: { visible: number; hidden: number },
  noun: string,
  sectionLine: number,
  error: LineReport,
): void {
  if (parts.parts.has('tests') && counts.visible === 0) error(sectionLine, `give at least one visible ${noun}`);
  if (parts.parts.has('hidden tests') && counts.hidden < 5) {
    error(
      parts.parts.get('hidden tests')?.line ?? sectionLine,
      `give at least 5 hidden ${noun}s, found ${counts.hidden}`,
    );
  }
}

/** GIFT has no type that runs an answer against tests: export leaves the question out, saying why; import claims nothing. */
export function notInGift<Written>(skipped: string): GiftMapping<Written> {
  return { answerLines: () => [], writtenAs: null, skipped, claims: (_q): _q is never => false, convert: () => null };
}

/** The blind sheet of an executable type: the reviewer writes the source, and the key reads as the reference. */
export function blindSource<Type extends string>(
  type: Type,
  instruction: string,
): BlindMapping<{ reference: string }, SourceAnswer<Type>> {
  return { instruction, toAnswer: (written) => ({ type, source: written }), keyOnSheet: (answer) => answer.reference };
}

const defaultLimits: Limits = { timeMs: 1000, memoryBytes: 32 << 20 };

/** `time: 1000 ms` (50 to 5000) and `memory: 32 MB` (8 to 128); defaults when absent. */
export function readLimits(settings: SectionParts['settings'], error: LineReport): Limits {
  const limits = { ...defaultLimits };
  const time = settings.get('time');
  if (time) {
    const m = /^(\d+)\s*ms$/.exec(time.value);
    const ms = Number(m?.[1]);
    if (!m || ms < 50 || ms > 5000)
      error(time.line, `time is a limit per test such as "1000 ms" (50 to 5000), found "${time.value}"`);
    else limits.timeMs = ms;
  }
  const memory = settings.get('memory');
  if (memory) {
    const m = /^(\d+)\s*MB$/i.exec(memory.value);
    const mb = Number(m?.[1]);
    if (!m || mb < 8 || mb > 128)
      error(memory.line, `memory is a heap limit such as "32 MB" (8 to 128), found "${memory.value}"`);
    else limits.memoryBytes = mb << 20;
  }
  return limits;
}

export function limitsText(limits: Limits): string {
  return `${limits.timeMs} ms and ${limits.memoryBytes >> 20} MB per test`;
}

/** An error reporter that also counts, so `read` knows whether anything went wrong. */
export function errorsCounted(error: LineReport) {
  let count = 0;
  return {
    report: (line: number, message: string) => {
      count++;
      error(line, message);
    },
    count: () => count,
  };
}

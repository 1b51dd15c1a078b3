/**
 * Warnings: things that are allowed but usually a mistake. They never stop an import.
 * The thresholds are deliberately loose; they catch a forgotten prompt or a giveaway option,
 * not style.
 */
import type { SourceOption } from './types';

export const giftPlaceholder = 'Imported from GIFT: add an explanation.';
/** What the GIFT importer writes where an image or player could not come along. */
export const giftNotImported = 'not imported from GIFT';

const minPrompt = 20;
const minExplanation = 40;
// An option is an outlier at 2.5 times the median length of the others and 25 characters apart.
const outlierFactor = 2.5;
const outlierChars = 25;

/** Roughly what a reader sees: Markdown punctuation dropped, white space collapsed. */
export function visibleLength(markdown: string): number {
  return markdown
    .replace(/[`*_>#[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim().length;
}

type Report = (line: number, message: string) => void;

export function textWarnings(kind: 'prompt' | 'explanation', markdown: string, line: number, warn: Report) {
  if (kind === 'explanation' && markdown.trim() === giftPlaceholder) {
    warn(line, 'the explanation is the GIFT import placeholder: write a real one');
    return;
  }
  if (markdown.includes(giftNotImported)) {
    warn(line, `the ${kind} marks an image or player "${giftNotImported}": add it as a link, or rewrite the ${kind}`);
  }
  const length = visibleLength(markdown);
  const min = kind === 'prompt' ? minPrompt : minExplanation;
  if (length < min) {
    const hint =
      kind === 'prompt' ? 'is the question complete?' : 'say why the answer is right and the tempting ones wrong';
    warn(line, `the ${kind} is only ${length} characters: ${hint}`);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Options much longer or shorter than the rest, and a correct option that stands out by length. */
export function optionWarnings(options: readonly SourceOption[], warn: Report) {
  if (options.length < 3) return;
  const lengths = options.map((o) => visibleLength(o.text));
  let flagged = false;
  options.forEach((option, i) => {
    const length = lengths[i] ?? 0;
    const others = median(lengths);
    if (length > outlierFactor * others && length - others >= outlierChars) {
      warn(
        option.line,
        `option is much longer than the others (${length} characters, the median is ${others}): it stands out`,
      );
      flagged = true;
    } else if (outlierFactor * length < others && others - length >= outlierChars) {
      warn(
        option.line,
        `option is much shorter than the others (${length} characters, the median is ${others}): it stands out`,
      );
      flagged = true;
    }
  });
  const correct = options.filter((o) => o.correct);
  const only = correct[0];
  if (flagged || correct.length !== 1 || !only) return;
  const longest = Math.max(...options.filter((o) => o !== only).map((o) => visibleLength(o.text)));
  const length = visibleLength(only.text);
  if (length >= 1.5 * longest && length - longest >= 10) {
    warn(
      only.line,
      `the correct option is the longest by far (${length} characters, next ${longest}): it gives itself away`,
    );
  }
}

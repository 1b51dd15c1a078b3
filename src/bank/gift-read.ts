/**
 * Reads Moodle's GIFT format the way Moodle's own importer (question/format/gift/format.php)
 * does: questions are separated by blank lines, every line is trimmed, `//` lines are comments,
 * `\~ \= \# \{ \} \:` are literal characters, `\n` is a newline and `\\` a backslash. The answer
 * block is the text between the first `{` and the first `}`; text after it makes a missing-word
 * question. Never throws: what cannot be read becomes a message with its line.
 */

export type GiftFormat = 'moodle' | 'html' | 'plain' | 'markdown';

export interface GiftAnswer {
  text: string;
  format: GiftFormat;
  /** Moodle's grade fraction: 1 for `=`, 0 for a bare `~`, `%50%` gives 0.5, `%-100%` gives -1. */
  fraction: number;
  feedback: string;
}

export interface GiftNumber {
  value: number;
  tolerance: number;
  fraction: number;
  feedback: string;
}

interface GiftCommon {
  /** Line of the question's first line in the GIFT file. */
  line: number;
  title: string | null;
  /** The `$CATEGORY:` in force, or null. */
  category: string | null;
  format: GiftFormat;
  /** Question text without its answer block; a missing word is shown as `____`. */
  text: string;
  generalFeedback: string;
}

export type GiftQuestion = GiftCommon &
  (
    | { kind: 'choice'; single: boolean; answers: GiftAnswer[] }
    | { kind: 'truefalse'; correct: boolean; feedbackWrong: string; feedbackRight: string }
    | { kind: 'short'; answers: GiftAnswer[] }
    | { kind: 'numerical'; answers: GiftNumber[] }
    | { kind: 'matching'; pairs: { question: string; answer: string }[] }
    | { kind: 'essay' }
    | { kind: 'description' }
  );

export interface GiftMessage {
  line: number;
  message: string;
}

/** What a missing-word question shows where its answer block was. */
export const giftBlank = '____';

// Escaped characters stand in the Private Use Area while the structure is read, as Moodle's
// `&&058;`-style placeholders do, so `\{` or `\=` never counts as syntax.
const escapable = ':#={}~';
const hide = (c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0));
const reveal = (text: string) => text.replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));

function protect(text: string): string {
  return text.replace(/\\(.)/gs, (whole, c: string) => {
    if (c === '\\') return '\\';
    if (c === 'n') return '\n';
    return escapable.includes(c) ? hide(c) : whole;
  });
}

const weightPattern = /^%(-?\d+(?:\.\d*)?)%/;

/** `[markdown]` and friends at the start of a text set its format (Moodle: parse_text_with_format). */
function withFormat(text: string, fallback: GiftFormat): { text: string; format: GiftFormat } {
  const m = /^\[(moodle|html|plain|markdown)\]/.exec(text);
  if (!m) return { text: reveal(text).trim(), format: fallback };
  return { text: reveal(text.slice(m[0].length)).trim(), format: m[1] as GiftFormat };
}

/** `text#feedback`, split at the first `#`. */
function splitFeedback(answer: string, format: GiftFormat): { text: string; format: GiftFormat; feedback: string } {
  const hash = answer.indexOf('#');
  const head = hash === -1 ? answer : answer.slice(0, hash);
  const feedback = hash === -1 ? '' : withFormat(answer.slice(hash + 1).trim(), format).text;
  return { ...withFormat(head.trim(), format), feedback };
}

/** Splits on a marker character, dropping the empty piece before the first one. */
function pieces(text: string, marker: string): string[] {
  const parts = text.split(marker);
  if (parts[0]?.trim() === '') parts.shift();
  return parts.map((p) => p.trim());
}

export function readGift(source: string): { questions: GiftQuestion[]; messages: GiftMessage[] } {
  const questions: GiftQuestion[] = [];
  const messages: GiftMessage[] = [];
  let category: string | null = null;
  let block: { text: string; line: number }[] = [];

  const flush = () => {
    const lines = block;
    block = [];
    if (lines.length === 0) return;
    const first = lines[0];
    if (!first) return;
    let body = lines;
    const cat = /^\$CATEGORY:(.*)$/.exec(first.text);
    if (cat) {
      category = reveal(protect(cat[1] ?? '')).trim();
      body = lines.slice(1);
      if (body.length === 0) return;
      messages.push({ line: first.line, message: 'a $CATEGORY: line stands alone: put a blank line after it' });
    }
    const q = readQuestion(body.map((l) => l.text).join('\n'), body[0]?.line ?? first.line, category, messages);
    if (q) questions.push(q);
  };

  source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, i) => {
      const text = raw.trim();
      if (text === '') flush();
      else if (!text.startsWith('//')) block.push({ text, line: i + 1 });
    });
  flush();
  return { questions, messages };
}

function readQuestion(
  raw: string,
  line: number,
  category: string | null,
  messages: GiftMessage[],
): GiftQuestion | null {
  let text = protect(raw.trim());
  let title: string | null = null;
  if (text.startsWith('::')) {
    const end = text.indexOf('::', 2);
    if (end === -1) {
      text = text.slice(2);
    } else {
      title = reveal(text.slice(2, end)).trim();
      text = text.slice(end + 2).trim();
    }
  }

  const open = text.indexOf('{');
  const close = text.indexOf('}');
  if (open === -1 && close === -1) {
    const { text: t, format } = withFormat(text, 'moodle');
    return { kind: 'description', line, title, category, format, text: t, generalFeedback: '' };
  }
  if (open === -1 || close === -1 || close < open) {
    messages.push({
      line,
      message: `unbalanced { and } (escape literal braces as \\{ and \\}): ${title ?? reveal(text).slice(0, 40)}`,
    });
    return null;
  }
  let answerText = text.slice(open + 1, close).trim();
  // Answers at the very end follow the question; answers inside the text are a missing word.
  const questionText =
    close === text.length - 1 ? text.slice(0, open) : `${text.slice(0, open)}${giftBlank}${text.slice(close + 1)}`;

  let generalFeedback = '';
  const gf = answerText.lastIndexOf('####');
  if (gf !== -1) {
    generalFeedback = answerText.slice(gf + 4);
    answerText = answerText.slice(0, gf).trim();
  }
  const { text: qText, format } = withFormat(questionText.trim(), 'moodle');
  const common = {
    line,
    title,
    category,
    format,
    text: qText,
    generalFeedback: withFormat(generalFeedback.trim(), format).text,
  };
  const fail = (message: string) => {
    messages.push({ line, message: `${message}: ${title ?? qText.slice(0, 40)}` });
    return null;
  };

  if (answerText === '') return { ...common, kind: 'essay' };
  if (answerText.startsWith('#')) {
    let numbers = answerText.slice(1);
    const tilde = numbers.indexOf('~');
    if (tilde !== -1) numbers = numbers.slice(0, tilde); // feedback for any other answer
    const answers: GiftNumber[] = [];
    for (const piece of pieces(numbers, '=')) {
      const weight = weightPattern.exec(piece);
      const rest = weight ? piece.slice(weight[0].length) : piece;
      const { text: value, feedback } = splitFeedback(rest, format);
      const number = readNumber(value);
      if (!number) return fail(`"${value}" is not a number, a number:tolerance or a min..max range`);
      answers.push({ ...number, fraction: weight ? Number(weight[1]) / 100 : 1, feedback });
    }
    if (answers.length === 0) return fail('a numerical question without an answer');
    return { ...common, kind: 'numerical', answers };
  }
  if (answerText.includes('~')) {
    const single = answerText.includes('=');
    const answers: GiftAnswer[] = [];
    for (const piece of pieces(answerText.replaceAll('=', '~='), '~')) {
      let fraction = 0;
      let rest = piece;
      const weight = weightPattern.exec(piece);
      if (piece.startsWith('=')) {
        fraction = 1;
        rest = piece.slice(1);
      } else if (weight) {
        fraction = Number(weight[1]) / 100;
        rest = piece.slice(weight[0].length);
      }
      const { text: t, format: f, feedback } = splitFeedback(rest, format);
      answers.push({ text: t, format: f, fraction, feedback });
    }
    if (answers.length < 2) return fail('a multiple choice question needs at least 2 answers');
    return { ...common, kind: 'choice', single, answers };
  }
  if (answerText.includes('=') && answerText.includes('->')) {
    const pairs = pieces(answerText, '=').map((p) => {
      const arrow = p.indexOf('->');
      return { question: reveal(p.slice(0, arrow)).trim(), answer: reveal(p.slice(arrow + 2)).trim() };
    });
    return { ...common, kind: 'matching', pairs };
  }
  const [tf = '', wrong = '', right = ''] = answerText.split('#', 3).map((p) => p.trim());
  if (['T', 'TRUE', 'F', 'FALSE'].includes(tf)) {
    return {
      ...common,
      kind: 'truefalse',
      correct: tf.startsWith('T'),
      feedbackWrong: withFormat(wrong, format).text,
      feedbackRight: withFormat(right, format).text,
    };
  }
  const answers: GiftAnswer[] = pieces(answerText, '=').map((piece) => {
    const weight = weightPattern.exec(piece);
    const rest = weight ? piece.slice(weight[0].length) : piece;
    const { text: t, format: f, feedback } = splitFeedback(rest, format);
    return { text: t, format: f, fraction: weight ? Number(weight[1]) / 100 : 1, feedback };
  });
  if (answers.length === 0) return fail('a short answer question without an answer');
  return { ...common, kind: 'short', answers };
}

/** `3.14`, `3.14:0.01` (tolerance) or `1..5` (range: its midpoint, half its width). */
function readNumber(text: string): { value: number; tolerance: number } | null {
  const number = (s: string) => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : null);
  const range = text.indexOf('..');
  if (range > 0) {
    const min = number(text.slice(0, range));
    const max = number(text.slice(range + 2));
    if (min === null || max === null) return null;
    return { value: tidy((min + max) / 2), tolerance: tidy(Math.abs(max - min) / 2) };
  }
  const colon = text.indexOf(':');
  const value = number(colon > 0 ? text.slice(0, colon) : text);
  const tolerance = colon > 0 ? number(text.slice(colon + 1)) : 0;
  return value === null || tolerance === null ? null : { value, tolerance };
}

/** Drops binary noise such as 1.2000000000000002 from computed midpoints. */
const tidy = (n: number) => Number(n.toPrecision(12));

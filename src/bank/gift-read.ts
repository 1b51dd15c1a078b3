/**
 * Reads Moodle's GIFT format the way Moodle's own importer (question/format/gift/format.php)
 * does: a UTF-8 byte order mark is dropped, questions are separated by blank lines, every line is
 * trimmed, `//` lines are comments (whose `[id:...]` and `[tag:...]` Moodle reads as the
 * question's idnumber and tags), `\~ \= \# \{ \} \:` are literal characters, `\n` is a newline and
 * `\\` a backslash. The answer block is the text between the first `{` and the first `}`; text
 * after it makes a missing-word question. Blank answers (`{~= right ~ wrong}` leaves one) are
 * dropped, as Moodle's question types drop them when saving. Never throws: what cannot be read
 * becomes a message with its line.
 */

export type GiftFormat = 'moodle' | 'html' | 'plain' | 'markdown';

/** A text and the format it is written in (`[html]` and friends, else the question's). */
export interface GiftText {
  text: string;
  format: GiftFormat;
}

export interface GiftAnswer extends GiftText {
  /** Moodle's grade fraction: 1 for `=`, 0 for a bare `~`, `%50%` gives 0.5, `%-100%` gives -1. */
  fraction: number;
  feedback: GiftText;
}

export interface GiftNumber {
  value: number;
  tolerance: number;
  fraction: number;
  feedback: GiftText;
}

interface GiftCommon {
  /** Line of the question's first line in the GIFT file. */
  line: number;
  title: string | null;
  /** The `$CATEGORY:` in force, or null. */
  category: string | null;
  /** The `//` comment lines of the question's block, without the slashes. */
  comments: string[];
  /** Moodle's `[id:...]` from those comments, or null. */
  idNumber: string | null;
  /** Moodle's `[tag:...]` from those comments. */
  tags: string[];
  /** What reading lost that Moodle loses too (a blank answer that carried credit or feedback). */
  notes: string[];
  format: GiftFormat;
  /** Question text without its answer block; a missing word is shown as `____`. */
  text: string;
  generalFeedback: GiftText;
}

export type GiftQuestion = GiftCommon &
  (
    | { kind: 'choice'; single: boolean; answers: GiftAnswer[] }
    | { kind: 'truefalse'; correct: boolean; feedbackWrong: GiftText; feedbackRight: GiftText }
    | { kind: 'short'; answers: GiftAnswer[] }
    /** `otherFeedback` is the `~#...` feedback for any answer that matches none. */
    | { kind: 'numerical'; answers: GiftNumber[]; otherFeedback: GiftText }
    | { kind: 'matching'; pairs: { question: GiftText; answer: string }[] }
    | { kind: 'essay' }
    | { kind: 'description' }
  );

/**
 * Something to tell about the file: a question `skipped`, imported but `changed` (a loss, or a
 * change of scoring or feedback), `duplicate` (already in the bank), `updated` (replaces a
 * question in the bank), or a `note`. `question` names it: its title, or its text's start.
 */
export interface GiftMessage {
  line: number;
  kind: 'skipped' | 'changed' | 'duplicate' | 'updated' | 'note';
  question: string;
  message: string;
}

/** How a message names a question: its title, else the start of its text. */
export function giftName(q: { title: string | null; text: string }): string {
  return q.title || q.text.replace(/\s+/g, ' ').trim().slice(0, 50);
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
function withFormat(text: string, fallback: GiftFormat): GiftText {
  const m = /^\[(moodle|html|plain|markdown)\]/.exec(text);
  if (!m) return { text: reveal(text).trim(), format: fallback };
  return { text: reveal(text.slice(m[0].length)).trim(), format: m[1] as GiftFormat };
}

/** `text#feedback`, split at the first `#`; each part may carry its own format. */
function splitFeedback(answer: string, format: GiftFormat): GiftText & { feedback: GiftText } {
  const hash = answer.indexOf('#');
  const head = hash === -1 ? answer : answer.slice(0, hash);
  const feedback = withFormat(hash === -1 ? '' : answer.slice(hash + 1).trim(), format);
  return { ...withFormat(head.trim(), format), feedback };
}

/** Splits on a marker character, dropping the empty piece before the first one. */
function pieces(text: string, marker: string): string[] {
  const parts = text.split(marker);
  if (parts[0]?.trim() === '') parts.shift();
  return parts.map((p) => p.trim());
}

/** Moodle's `[id:...]` and `[tag:...]` in comment lines; `\]` is a literal bracket. */
function commentMetadata(comments: readonly string[]): { idNumber: string | null; tags: string[] } {
  const text = comments.join('\n');
  const literal = (s: string) => s.trim().replace(/\\]/g, ']');
  const id = /\[id:((?:\\\]|[^\]\p{Cc}])+)\]/u.exec(text);
  const tags = [...text.matchAll(/\[tag:((?:\\\]|[^\]<>\p{Cc}])+)\]/gu)].map((m) => literal(m[1] ?? ''));
  return { idNumber: id ? literal(id[1] ?? '') || null : null, tags: tags.filter((t) => t !== '') };
}

interface BlockLine {
  text: string;
  line: number;
}

export function readGift(source: string): { questions: GiftQuestion[]; messages: GiftMessage[] } {
  const questions: GiftQuestion[] = [];
  const messages: GiftMessage[] = [];
  let category: string | null = null;
  let block: BlockLine[] = [];
  let comments: string[] = [];

  const flush = () => {
    const lines = block;
    const blockComments = comments;
    block = [];
    comments = [];
    const first = lines[0];
    if (!first) return;
    let body = lines;
    const cat = /^\$CATEGORY:(.*)$/.exec(first.text);
    if (cat) {
      category = reveal(protect(cat[1] ?? '')).trim();
      body = lines.slice(1);
      if (body.length === 0) return;
      // Moodle reads the whole block as the category and loses the question; we keep it.
      messages.push({
        line: first.line,
        kind: 'note',
        question: '',
        message: 'a $CATEGORY: line stands alone (Moodle would lose the question after it): put a blank line after it',
      });
    }
    const q = readQuestion(
      body.map((l) => l.text).join('\n'),
      { line: body[0]?.line ?? first.line, category, comments: blockComments },
      messages,
    );
    if (q) questions.push(q);
  };

  source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, i) => {
      const text = raw.trim();
      if (text === '') flush();
      else if (text.startsWith('//')) comments.push(text.slice(2).trim());
      else block.push({ text, line: i + 1 });
    });
  flush();
  return { questions, messages };
}

function readQuestion(
  raw: string,
  where: { line: number; category: string | null; comments: string[] },
  messages: GiftMessage[],
): GiftQuestion | null {
  const { line } = where;
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
  const notes: string[] = [];
  const base = {
    line,
    title,
    category: where.category,
    comments: where.comments,
    ...commentMetadata(where.comments),
    notes,
  };
  if (open === -1 && close === -1) {
    const { text: t, format } = withFormat(text, 'moodle');
    return { ...base, kind: 'description', format, text: t, generalFeedback: { text: '', format } };
  }
  if (open === -1 || close === -1 || close < open) {
    messages.push({
      line,
      kind: 'skipped',
      question: giftName({ title, text: reveal(text) }),
      message: 'unbalanced { and } (escape literal braces as \\{ and \\})',
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
  const common = { ...base, format, text: qText, generalFeedback: withFormat(generalFeedback.trim(), format) };
  const question = giftName({ title, text: qText });
  const fail = (message: string) => {
    messages.push({ line, kind: 'skipped', question, message });
    return null;
  };
  const blankDropped = (what: { fraction: number; feedback: GiftText }) => {
    // A blank answer that carried credit or feedback is a loss worth telling; a bare one is not.
    if (what.fraction !== 0 || what.feedback.text !== '') {
      const feedback = what.feedback.text ? ` and feedback "${what.feedback.text}"` : '';
      notes.push(
        `a blank answer worth ${Math.round(what.fraction * 100)}%${feedback} was dropped, as Moodle drops blank answers`,
      );
    }
  };

  if (answerText === '') return { ...common, kind: 'essay' };
  if (answerText.startsWith('#')) {
    let numbers = answerText.slice(1);
    let otherFeedback: GiftText = { text: '', format };
    const tilde = numbers.indexOf('~');
    if (tilde !== -1) {
      // `~#feedback`: what Moodle shows for any answer that matches none of the others.
      const other = splitFeedback(numbers.slice(tilde + 1), format);
      otherFeedback = other.feedback;
      numbers = numbers.slice(0, tilde);
      if (other.text !== '') {
        // Moodle reads all of it as that feedback, so `~%50%4` never gives 4 partial credit.
        notes.push(
          `"~${other.text}" is ignored, as Moodle ignores it: after "~" a numerical question takes only "#feedback" for any other answer (partial credit is written =%50%4)`,
        );
      }
    }
    const answers: GiftNumber[] = [];
    for (const piece of pieces(numbers, '=')) {
      const weight = weightPattern.exec(piece);
      const rest = weight ? piece.slice(weight[0].length) : piece;
      const { text: value, feedback } = splitFeedback(rest, format);
      const fraction = weight ? Number(weight[1]) / 100 : 1;
      if (value === '') {
        blankDropped({ fraction, feedback });
        continue;
      }
      const number = readNumber(value);
      if (!number) return fail(`"${value}" is not a number, a number:tolerance or a min..max range`);
      answers.push({ ...number, fraction, feedback });
    }
    if (answers.length === 0) return fail('a numerical question without an answer');
    return { ...common, kind: 'numerical', answers, otherFeedback };
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
      const answer = { ...splitFeedback(rest, format), fraction };
      if (answer.text === '') blankDropped(answer);
      else answers.push(answer);
    }
    if (answers.length < 2) return fail('a multiple choice question needs at least 2 answers');
    return { ...common, kind: 'choice', single, answers };
  }
  if (answerText.includes('=') && answerText.includes('->')) {
    const pairs = pieces(answerText, '=').map((p) => {
      const arrow = p.indexOf('->');
      const question = arrow === -1 ? p : p.slice(0, arrow);
      return {
        question: withFormat(question.trim(), format),
        answer: arrow === -1 ? '' : reveal(p.slice(arrow + 2)).trim(),
      };
    });
    if (pairs.some((p) => p.answer === '')) return fail('a matching pair is "=question -> answer"; one has no answer');
    return { ...common, kind: 'matching', pairs };
  }
  const [tf = '', wrong = '', right = ''] = answerText.split('#', 3).map((p) => p.trim());
  if (['T', 'TRUE', 'F', 'FALSE'].includes(tf)) {
    return {
      ...common,
      kind: 'truefalse',
      correct: tf.startsWith('T'),
      feedbackWrong: withFormat(wrong, format),
      feedbackRight: withFormat(right, format),
    };
  }
  const answers: GiftAnswer[] = [];
  for (const piece of pieces(answerText, '=')) {
    const weight = weightPattern.exec(piece);
    const rest = weight ? piece.slice(weight[0].length) : piece;
    const answer = { ...splitFeedback(rest, format), fraction: weight ? Number(weight[1]) / 100 : 1 };
    if (answer.text === '') blankDropped(answer);
    else answers.push(answer);
  }
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

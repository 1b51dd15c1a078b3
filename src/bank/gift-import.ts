/**
 * GIFT to our Markdown topic files. Question ids come from the GIFT `::title::`, slugified, or
 * from the topic and a hash of the text. Every imported question gets `difficulty: 3` and the
 * tag `imported-gift`; an author reviews them before they go live. What our types cannot hold
 * (matching, essay, description, partial credit) is skipped or dropped with a message.
 */
import { type GiftAnswer, type GiftMessage, type GiftQuestion, giftBlank, readGift } from './gift-read';
import { giftTextToMarkdown } from './gift-text';
import { shortHash, slugify } from './slug';
import { idPattern } from './validate-question';
import { giftPlaceholder } from './warnings';

export interface GiftImportOptions {
  area: string;
  /** Puts every question in this topic; otherwise each `$CATEGORY:`'s last segment names it. */
  topic?: string;
  /** Ids already in the bank, so imported ones do not collide. */
  existingIds?: ReadonlySet<string>;
}

export interface ImportedQuestion {
  id: string;
  /** Line of the question in the GIFT file. */
  line: number;
  markdown: string;
  /** Whether the explanation is the placeholder, for lack of any feedback. */
  placeholder: boolean;
}

export interface ImportedTopic {
  topic: string;
  title: string;
  questions: ImportedQuestion[];
}

export function importGift(
  gift: string,
  options: GiftImportOptions,
): { topics: ImportedTopic[]; messages: GiftMessage[] } {
  const { questions, messages } = readGift(gift);
  const topics = new Map<string, ImportedTopic>();
  const used = new Set(options.existingIds);
  for (const q of questions) {
    const name = q.title ?? q.text.replace(/\s+/g, ' ').slice(0, 50);
    const note = (message: string) => messages.push({ line: q.line, message: `${message}: ${name} (line ${q.line})` });
    if (q.kind === 'matching') note('matching questions are not supported');
    else if (q.kind === 'essay') note('essay questions are not supported');
    else if (q.kind === 'description') note('description items are not questions, skipped');
    if (q.kind === 'matching' || q.kind === 'essay' || q.kind === 'description') continue;

    const segment = q.category
      ?.split('/')
      .filter((s) => s.trim() !== '' && s !== '$course$' && s !== '$system$')
      .at(-1)
      ?.trim();
    const topicId = options.topic ?? (segment ? slugify(segment) : '');
    if (!topicId) {
      note('no topic: pass --topic or put a $CATEGORY: line before the question');
      continue;
    }
    const converted = convert(q, note);
    if (!converted) continue;
    const id = uniqueId(q, options.area, topicId, used);
    const explanation = converted.explanation || giftPlaceholder;
    const header = [`## ${id}`, `type: ${converted.type}`, 'difficulty: 3', 'tags: imported-gift', ''];
    const markdown = [
      ...header,
      converted.prompt,
      '',
      ...converted.answer,
      '',
      '### Explanation',
      explanation,
      '',
    ].join('\n');
    const topic = topics.get(topicId) ?? {
      topic: topicId,
      title: options.topic ? topicId : (segment ?? topicId),
      questions: [],
    };
    topic.questions.push({ id, line: q.line, markdown, placeholder: !converted.explanation });
    topics.set(topicId, topic);
  }
  return { topics: [...topics.values()], messages: messages.sort((a, b) => a.line - b.line) };
}

/** A whole topic file: the `# Title` line, then the question blocks. */
export function topicFileText(topic: ImportedTopic): string {
  return [`# ${topic.title}`, '', ...topic.questions.map((q) => q.markdown)].join('\n');
}

function uniqueId(q: GiftQuestion, area: string, topic: string, used: Set<string>): string {
  const fromTitle = q.title ? slugify(q.title) : '';
  const base = idPattern.test(fromTitle) ? fromTitle : `${topic}-${shortHash(`${area}/${topic}/${q.text}`)}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** Markdown of a text that may hold the missing-word blank, which must survive escaping. */
function textMarkdown(text: string, format: GiftQuestion['format']): string {
  const keepSpace = (part: string) => {
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part) ?? [];
    return core ? `${lead}${giftTextToMarkdown(core, format)}${trail}` : part;
  };
  return text.split(giftBlank).map(keepSpace).join(giftBlank).trim();
}

/** Options are one line each. */
const optionMarkdown = (a: GiftAnswer) => giftTextToMarkdown(a.text, a.format).replace(/\s*\n\s*/g, ' ');

const feedbackList = (items: { label: string; feedback: string }[], format: GiftQuestion['format']) =>
  items
    .filter((i) => i.feedback.trim() !== '')
    .map((i) => `- ${i.label}: ${giftTextToMarkdown(i.feedback, format).replace(/\s*\n\s*/g, ' ')}`)
    .join('\n');

interface Converted {
  type: string;
  prompt: string;
  answer: string[];
  explanation: string;
}

function convert(q: GiftQuestion, note: (message: string) => void): Converted | null {
  const prompt = textMarkdown(q.text, q.format);
  const general = q.generalFeedback ? giftTextToMarkdown(q.generalFeedback, q.format) : '';
  switch (q.kind) {
    case 'choice': {
      const options = q.answers.map((a) => ({ text: optionMarkdown(a), fraction: a.fraction, feedback: a.feedback }));
      let correct: boolean[];
      if (q.single) {
        const full = q.answers.filter((a) => a.fraction === 1).length;
        if (full !== 1) {
          note(`a single-choice question with ${full} fully correct answers cannot be mapped`);
          return null;
        }
        if (q.answers.some((a) => a.fraction > 0 && a.fraction < 1))
          note('partial credit dropped, those answers count as wrong');
        correct = q.answers.map((a) => a.fraction === 1);
      } else {
        correct = q.answers.map((a) => a.fraction > 0);
      }
      return {
        type: q.single ? 'single' : 'multiple',
        prompt,
        answer: ['### Options', ...options.map((o, i) => `- [${correct[i] ? 'x' : ' '}] ${o.text}`)],
        explanation:
          general ||
          feedbackList(
            options.map((o) => ({ label: o.text, feedback: o.feedback })),
            q.format,
          ),
      };
    }
    case 'truefalse': {
      const feedback = [q.feedbackRight, q.feedbackWrong].filter((f) => f.trim() !== '');
      return {
        type: 'truefalse',
        prompt,
        answer: ['### Answer', String(q.correct)],
        explanation: general || feedback.map((f) => giftTextToMarkdown(f, q.format)).join('\n\n'),
      };
    }
    case 'short': {
      const accepted = q.answers.filter((a) => a.fraction === 1);
      if (accepted.length < q.answers.length) note('answers with partial credit dropped');
      if (accepted.length === 0) {
        note('a short answer question without a fully correct answer cannot be mapped');
        return null;
      }
      if (accepted.some((a) => a.text.includes('*'))) note('Moodle\'s "*" wildcard is compared literally here');
      const texts = accepted.map((a) => a.text.replace(/\s+/g, ' '));
      return {
        type: 'text',
        prompt,
        answer: ['### Answer', ...texts.map((t) => `- ${t}`)],
        explanation:
          general ||
          feedbackList(
            q.answers.map((a) => ({ label: a.text, feedback: a.feedback })),
            q.format,
          ),
      };
    }
    case 'numerical': {
      const right = q.answers.find((a) => a.fraction === 1);
      if (!right) {
        note('a numerical question without a fully correct answer cannot be mapped');
        return null;
      }
      if (q.answers.length > 1) note('only the fully correct numerical answer is kept');
      const value = right.tolerance ? `${right.value} +- ${right.tolerance}` : String(right.value);
      const label = (a: (typeof q.answers)[number]) => (a.tolerance ? `${a.value} ± ${a.tolerance}` : String(a.value));
      return {
        type: 'numeric',
        prompt,
        answer: ['### Answer', value],
        explanation:
          general ||
          feedbackList(
            q.answers.map((a) => ({ label: label(a), feedback: a.feedback })),
            q.format,
          ),
      };
    }
    default:
      return null;
  }
}

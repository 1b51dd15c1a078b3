/**
 * The authoring form between the browser and the bank: reading what was posted (the fields or the
 * Markdown itself), the Markdown it stands for, bank:check's errors placed on the fields they are
 * about, and a question's preview as candidates see it. No Hono, no database.
 */
import {
  type AuthorField,
  type AuthorFields,
  emptyFields,
  fieldsFromMarkdown,
  markdownFromFields,
} from '../bank/author-fields';
import type { CompiledQuestion } from '../bank/compile';
import { keyHtml } from '../candidate/describe';
import { questionViewOf } from '../candidate/question-view';
import type { DraftError } from '../db/private-bank';
import type { AnswerKey, QuestionOption, QuestionType } from '../engine/question';
import { createRng } from '../engine/random';
import { type FormData, type FormErrors, field } from '../http/form';
import { rulesFor } from '../question-types/rules';

export type AuthorMode = 'form' | 'markdown';

/** What the authoring page posts. */
export interface AuthorInput {
  mode: AuthorMode;
  /** `<collectionId>/<topicId>`, as the place select sends it. */
  place: string;
  fields: AuthorFields;
  markdown: string;
  changeNote: string;
  baseVersion: number | null;
}

export const maxOptionRows = 30;

/**
 * Option rows the form shows: the posted ones in their places (an error names its row by index),
 * then two blank ones, at least four.
 */
export function optionRows(fields: AuthorFields): AuthorFields['options'] {
  const lastWritten = fields.options.findLastIndex((o) => o.text.trim() !== '');
  const rows = Math.max(4, Math.min(maxOptionRows, lastWritten + 3));
  return Array.from({ length: rows }, (_, i) => fields.options[i] ?? { text: '', correct: false });
}

const maxText = 50_000;

export function readAuthorForm(form: FormData): AuthorInput {
  const text = (name: string) => (field(form, name) ?? '').slice(0, maxText);
  const options: AuthorFields['options'] = [];
  for (let i = 0; i < maxOptionRows; i++) {
    const optionText = field(form, `option-text-${i}`);
    if (optionText === undefined) continue;
    options.push({ text: optionText.slice(0, 2000), correct: field(form, `option-correct-${i}`) === '1' });
  }
  const base = field(form, 'baseVersion');
  return {
    mode: field(form, 'mode') === 'markdown' ? 'markdown' : 'form',
    place: text('place'),
    fields: {
      slug: text('slug'),
      type: text('type'),
      difficulty: text('difficulty'),
      tags: text('tags'),
      time: text('time'),
      ref: text('ref'),
      prompt: text('prompt'),
      options,
      truth: text('truth'),
      accepted: text('accepted'),
      value: text('value'),
      tolerance: text('tolerance'),
      order: text('order'),
      answerSection: text('answerSection'),
      explanation: text('explanation'),
    },
    markdown: text('markdown'),
    changeNote: text('changeNote').slice(0, 500),
    baseVersion: base && /^\d{1,9}$/.test(base) ? Number(base) : null,
  };
}

/** The Markdown the input stands for, and the form field a line of it came from (form mode). */
export function authorMarkdown(input: AuthorInput): { markdown: string; fieldOf: (line: number) => AuthorField } {
  if (input.mode === 'markdown') return { markdown: input.markdown, fieldOf: () => 'slug' };
  return markdownFromFields(input.fields);
}

/** The input switched to the other mode, carrying its content over (null: the form cannot hold this Markdown). */
export function switchMode(input: AuthorInput, to: AuthorMode): AuthorInput | null {
  if (to === input.mode) return input;
  if (to === 'markdown') return { ...input, mode: 'markdown', markdown: markdownFromFields(input.fields).markdown };
  const fields = fieldsFromMarkdown(input.markdown);
  return fields ? { ...input, mode: 'form', fields } : null;
}

/** A blank question for the form, or one read from stored Markdown (Markdown mode when the form cannot hold it). */
export function inputFor(markdown: string | null, place: string, baseVersion: number | null = null): AuthorInput {
  const fields = markdown === null ? emptyFields : fieldsFromMarkdown(markdown);
  return {
    mode: fields ? 'form' : 'markdown',
    place,
    fields: fields ?? emptyFields,
    markdown: markdown ?? '',
    changeNote: '',
    baseVersion,
  };
}

/** The element id of a form field (what an error links to). */
export function fieldId(name: AuthorField | 'markdown' | 'place' | 'form', type: string): string {
  if (name === 'answer') {
    const first: Record<string, string> = {
      single: 'option-text-0',
      multiple: 'option-text-0',
      truefalse: 'truth',
      text: 'accepted',
      numeric: 'value',
      ordering: 'order',
    };
    return first[type] ?? 'answerSection';
  }
  const option = /^option-(\d+)$/.exec(name);
  return option ? `option-text-${option[1]}` : name;
}

/**
 * bank:check's errors by form field (keyed by element id without `f-`). In Markdown mode every
 * Markdown error goes to the editor with its line; in form mode a line goes to the field that
 * wrote it, except the messages about a whole question (reported on its `## ` line) that name
 * the part they are about.
 */
export function errorsByField(
  errors: readonly DraftError[],
  input: AuthorInput,
  fieldOf: (line: number) => AuthorField,
): FormErrors {
  const out: Record<string, string[]> = {};
  const add = (key: string, message: string) => {
    out[key] = [...(out[key] ?? []), message];
  };
  for (const e of errors) {
    if (e.field === 'collection' || e.field === 'topic') add('place', e.message);
    else if (e.field === 'question') add('form', e.message);
    else if (input.mode === 'markdown') add('markdown', `Line ${e.line}: ${e.message}`);
    else {
      const named = wholeQuestionField(e.message);
      const fieldName = named ?? fieldOf(e.line ?? 1);
      add(fieldId(fieldName, input.fields.type), `${labelOf(fieldName)}: ${e.message}`);
    }
  }
  // Each message starts with the part it names and has no full stop: joined by a space, two read as one sentence.
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join('; ')]));
}

function wholeQuestionField(message: string): AuthorField | null {
  if (message.startsWith('the prompt')) return 'prompt';
  if (message.includes('"### Explanation" section is missing')) return 'explanation';
  if (message.startsWith('the "type:"')) return 'type';
  if (message.startsWith('the "difficulty:"')) return 'difficulty';
  if (/^a \w+ question needs a "### /.test(message)) return 'answer';
  if (message.includes('the id is missing') || message.startsWith('question id')) return 'slug';
  return null;
}

const fieldLabels: Partial<Record<AuthorField, string>> = {
  slug: 'Short id',
  type: 'Type',
  difficulty: 'Difficulty',
  tags: 'Tags',
  time: 'Time weight',
  ref: 'Documentation link',
  prompt: 'Prompt',
  truth: 'Answer',
  accepted: 'Accepted answers',
  value: 'Value',
  tolerance: 'Tolerance',
  order: 'Items in order',
  answerSection: 'Answer section',
  answer: 'Answer',
  explanation: 'Explanation',
};

/** How the form names a field in an error: its label, or "Option 3". */
function labelOf(name: AuthorField): string {
  const option = /^option-(\d+)$/.exec(name);
  return option ? `Option ${Number(option[1]) + 1}` : (fieldLabels[name] ?? name);
}

/** The content a preview needs, from a compiled question or a stored version. */
export interface PreviewContent {
  type: QuestionType;
  promptHtml: string;
  options: QuestionOption[];
  answerKey: AnswerKey;
  explanationHtml: string;
}

export function previewContentOf(q: CompiledQuestion): PreviewContent {
  return {
    type: q.type,
    promptHtml: q.promptHtml,
    options: q.options,
    answerKey: q.key,
    explanationHtml: q.explanationHtml,
  };
}

/**
 * The question as a candidate sees it (options in file order, ordering items shuffled as a test
 * shuffles them, from a fixed seed so the preview does not jump between keystrokes) and its key.
 */
export function previewOf(content: PreviewContent) {
  const order = rulesFor(content.type).optionOrder(
    content.options.map((o) => o.id),
    createRng(`preview:${content.promptHtml.length}`),
    false,
  );
  return {
    question: questionViewOf({ ...content, optionOrder: order }, null),
    keyHtml: keyHtml(content.options, content.answerKey),
    explanationHtml: content.explanationHtml,
  };
}

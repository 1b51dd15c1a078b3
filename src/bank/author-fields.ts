/**
 * The authoring form's fields and the question Markdown they stand for, both ways. The Markdown is
 * what gets checked and stored (the public bank's format), so the form is only a way to write it:
 * `markdownFromFields` builds it and says which field each line came from (so a `bank:check`
 * message can point at the field), `fieldsFromMarkdown` reads it back for editing, or says it
 * cannot (a section the form has no field for) and the author edits the Markdown itself.
 */
import { questionTypes } from '../question-types/rules';
import { sourceFor } from '../question-types/source';
import { parseTopicFile } from './parse-topic';
import { markdownOf } from './sections';
import type { RawSection } from './types';

export interface AuthorOption {
  text: string;
  correct: boolean;
}

/** Every field as text, as a form posts it; nothing here is checked (bank:check does that). */
export interface AuthorFields {
  slug: string;
  type: string;
  difficulty: string;
  tags: string;
  time: string;
  ref: string;
  prompt: string;
  /** single, multiple. */
  options: AuthorOption[];
  /** truefalse: "true" or "false". */
  truth: string;
  /** text: accepted answers, one per line. */
  accepted: string;
  /** numeric. */
  value: string;
  tolerance: string;
  /** ordering: the items in the correct order, one per line. */
  order: string;
  /** Any other type: the lines of its answer section as written. */
  answerSection: string;
  explanation: string;
}

/** The form's fields a line can come from; `option-<n>` for the n-th option row. */
export type AuthorField = Exclude<keyof AuthorFields, 'options'> | 'answer' | `option-${number}`;

export const emptyFields: AuthorFields = {
  slug: '',
  type: 'single',
  difficulty: '2',
  tags: '',
  time: '',
  ref: '',
  prompt: '',
  options: [],
  truth: '',
  accepted: '',
  value: '',
  tolerance: '',
  order: '',
  answerSection: '',
  explanation: '',
};

/** The types the form has dedicated fields for; any other registered type gets a raw answer section. */
export const structuredTypes = ['single', 'multiple', 'truefalse', 'text', 'numeric', 'ordering'] as const;

/** The `### ` heading of a type's answer section (Answer for a type nobody registered). */
export function answerSectionOf(type: string): string {
  return (questionTypes as readonly string[]).includes(type)
    ? sourceFor(type as (typeof questionTypes)[number]).section
    : 'Answer';
}

const lines = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd());
const items = (text: string) => lines(text).filter((l) => l.trim() !== '');

/** The question's Markdown from the form, and the field each of its lines (1-based) came from. */
export function markdownFromFields(f: AuthorFields): { markdown: string; fieldOf: (line: number) => AuthorField } {
  const out: string[] = [];
  const owners: AuthorField[] = [];
  const push = (field: AuthorField, ...text: string[]) => {
    for (const t of text) {
      out.push(t);
      owners.push(field);
    }
  };
  push('slug', `## ${f.slug.trim()}`);
  push('type', `type: ${f.type.trim()}`);
  push('difficulty', `difficulty: ${f.difficulty.trim()}`);
  if (f.tags.trim()) push('tags', `tags: ${f.tags.trim()}`);
  if (f.time.trim()) push('time', `time: ${f.time.trim()}`);
  if (f.ref.trim()) push('ref', `ref: ${f.ref.trim()}`);
  push('prompt', '', ...lines(f.prompt.trim()), '');
  push('answer', `### ${answerSectionOf(f.type)}`, '');
  switch (f.type) {
    case 'single':
    case 'multiple':
      f.options.forEach((o, i) => {
        // One line each: a line break inside an option would start a line the list cannot read.
        const text = o.text.replace(/\s*\n\s*/g, ' ').trim();
        if (text !== '') push(`option-${i}`, `- [${o.correct ? 'x' : ' '}] ${text}`);
      });
      break;
    case 'truefalse':
      push('truth', f.truth.trim());
      break;
    case 'text':
      push('accepted', ...items(f.accepted).map((a) => `- ${a.trim()}`));
      break;
    case 'numeric':
      push('value', f.tolerance.trim() ? `${f.value.trim()} +- ${f.tolerance.trim()}` : f.value.trim());
      break;
    case 'ordering':
      push('order', ...items(f.order).map((item, i) => `${i + 1}. ${item.trim()}`));
      break;
    default:
      push('answerSection', ...lines(f.answerSection.trim()));
  }
  push('explanation', '', '### Explanation', '', ...lines(f.explanation.trim()));
  return { markdown: `${out.join('\n')}\n`, fieldOf: (line) => owners[line - 1] ?? 'slug' };
}

const optionPattern = /^\s*[-*+]\s+\[([ xX])\]\s+(.*)$/;
const bulletPattern = /^\s*[-*+]\s+(.*)$/;
const numberedPattern = /^\s*\d+[.)]\s+(.*)$/;

/** The form's fields for a question's Markdown; null when the form cannot hold it all (edit the Markdown then). */
export function fieldsFromMarkdown(markdown: string): AuthorFields | null {
  const { file, problems } = parseTopicFile('question.md', 'area', 'topic', `# Question\n${markdown}`);
  const raw = file.questions[0];
  if (problems.length > 0 || file.questions.length !== 1 || !raw) return null;
  const fields: AuthorFields = { ...emptyFields, slug: raw.id, type: '', difficulty: '' };
  for (const h of raw.headers) {
    if (!['type', 'difficulty', 'tags', 'time', 'ref'].includes(h.key)) return null;
    fields[h.key as 'type' | 'difficulty' | 'tags' | 'time' | 'ref'] = h.value;
  }
  fields.prompt = markdownOf(raw.prompt);
  const answerName = answerSectionOf(fields.type);
  for (const section of raw.sections) {
    if (section.name === 'Explanation') fields.explanation = markdownOf(section.lines);
    else if (section.name !== answerName || !readAnswer(fields, section)) return null;
  }
  return fields;
}

/** Fills the answer fields from the answer section; false when a line does not fit them. */
function readAnswer(fields: AuthorFields, section: RawSection): boolean {
  const written = section.lines.map((l) => l.text).filter((t) => t.trim() !== '');
  const all = (pattern: RegExp) => written.map((t) => pattern.exec(t)).filter((m) => m !== null);
  switch (fields.type) {
    case 'single':
    case 'multiple': {
      const found = all(optionPattern);
      fields.options = found.map((m) => ({ text: (m[2] ?? '').trim(), correct: m[1] !== ' ' }));
      return found.length === written.length;
    }
    case 'truefalse':
      fields.truth = written.join(' ').trim();
      return written.length <= 1;
    case 'text': {
      const found = all(bulletPattern);
      fields.accepted = found.map((m) => (m[1] ?? '').trim()).join('\n');
      return found.length === written.length;
    }
    case 'numeric': {
      const [value = '', tolerance = '', ...rest] = (written[0] ?? '').trim().split(/\s*(?:\+-|±)\s*/);
      [fields.value, fields.tolerance] = [value, tolerance];
      return written.length <= 1 && rest.length === 0;
    }
    case 'ordering': {
      const found = all(numberedPattern);
      fields.order = found.map((m) => (m[1] ?? '').trim()).join('\n');
      return found.length === written.length;
    }
    default:
      fields.answerSection = markdownOf(section.lines);
      return true;
  }
}

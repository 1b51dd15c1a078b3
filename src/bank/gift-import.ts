/**
 * GIFT to our Markdown topic files. Each question is converted (gift-convert), checked by the
 * same validator `bank:check` uses, and compared with the bank: one already there (same `[id:]`
 * and content, or the same prompt and answer under any id) is skipped with a note naming it, and
 * one whose `[id:]` is in the bank with other content is skipped, or replaces it with `update`.
 * Ids come from Moodle's `[id:...]`, else the `::title::` slugified, else the topic and a hash of
 * the text. Difficulty, tags, time and ref come from the comment lines our export writes
 * (gift-meta); a question without them gets `difficulty: 3` and the tag `imported-gift`, for an
 * author to review before it goes live.
 */
import { sourceFor } from '../question-types/source';
import { type Converted, convertGift } from './gift-convert';
import { readMetadata } from './gift-meta';
import { type GiftMessage, type GiftQuestion, giftName, readGift } from './gift-read';
import { parseTopicFile } from './parse-topic';
import { shortHash, slugify } from './slug';
import type { SourceQuestion } from './types';
import { checkQuestion, idPattern } from './validate-question';
import { giftPlaceholder } from './warnings';

export interface GiftImportOptions {
  area: string;
  /** Puts every question in this topic; otherwise each `$CATEGORY:`'s last segment names it. */
  topic?: string;
  /** Ids already in the bank (in files with errors too), so imported ones do not collide. */
  existingIds?: ReadonlySet<string>;
  /** The bank's sound questions, to recognise a question that is already there. */
  existing?: readonly SourceQuestion[];
  /** Replace a bank question with the same `[id:]` and other content, instead of skipping it. */
  update?: boolean;
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

/** A question of the bank that an imported one replaces (`update`). */
export interface QuestionUpdate extends ImportedQuestion {
  file: string;
  /** The replaced block's first line and text, as the bank holds them. */
  replacesLine: number;
  replacesSource: string;
}

export function importGift(
  gift: string,
  options: GiftImportOptions,
): { topics: ImportedTopic[]; updates: QuestionUpdate[]; messages: GiftMessage[] } {
  const read = readGift(gift);
  const state: ImportState = {
    options,
    topics: new Map(),
    updates: [],
    used: new Set([...(options.existingIds ?? []), ...(options.existing ?? []).map((q) => q.id)]),
    byId: new Map((options.existing ?? []).map((q) => [q.id, q])),
    known: (options.existing ?? []).map((q) => ({
      question: q,
      said: `already in the bank as ${q.id} (${q.file}:${q.line})`,
    })),
  };
  const messages: GiftMessage[] = [...read.messages];
  for (const q of read.questions) {
    const told: GiftMessage[] = [];
    const note: Note = (kind, message) => {
      if (!told.some((m) => m.message === message)) told.push({ line: q.line, kind, question: giftName(q), message });
    };
    const outcome = importOne(q, state, note);
    // What a conversion changed matters only for a question that goes into the bank.
    const imported = outcome === 'imported' || outcome === 'updated';
    messages.push(...told.filter((m) => imported || m.kind !== 'changed'));
  }
  return {
    topics: [...state.topics.values()],
    updates: state.updates,
    messages: messages.sort((a, b) => a.line - b.line),
  };
}

type Note = (kind: GiftMessage['kind'], message: string) => void;

interface ImportState {
  options: GiftImportOptions;
  topics: Map<string, ImportedTopic>;
  updates: QuestionUpdate[];
  /** Ids taken: the bank's and those given so far. */
  used: Set<string>;
  byId: Map<string, SourceQuestion>;
  /** Questions to recognise again, the bank's and each one imported so far, and how to name them. */
  known: { question: SourceQuestion; said: string }[];
}

function importOne(q: GiftQuestion, state: ImportState, note: Note): 'imported' | 'updated' | 'duplicate' | 'skipped' {
  const { options } = state;
  const { meta, problems } = readMetadata(q.comments);
  for (const p of problems) note('note', p);
  for (const n of q.notes) note('changed', n);
  let refused = false;
  const converted = convertGift(
    q,
    (kind, message) => {
      refused ||= kind === 'skipped';
      note(kind, message);
    },
    { declaredType: meta?.type ?? null },
  );
  if (!converted || refused) return 'skipped';

  let claimed: string | null = null;
  if (q.idNumber !== null) {
    if (idPattern.test(q.idNumber)) claimed = q.idNumber;
    else note('note', `Moodle's id "${q.idNumber}" is not a lower-case kebab-case id, so the id comes from the title`);
  }
  const same = claimed ? state.byId.get(claimed) : undefined;
  const topicId = same?.topic ?? options.topic ?? categoryTopic(q.category);
  if (!topicId) {
    // Said for the bank's Import page (its Topic choice) and the commands (--topic) alike.
    note(
      'skipped',
      'no topic: choose a topic for the whole import (--topic) or put a $CATEGORY: line before the question',
    );
    return 'skipped';
  }

  // The file's own metadata first, then the bank's for a question it already holds.
  const header: Header = {
    difficulty: meta?.difficulty ?? same?.difficulty ?? 3,
    timeWeight: meta?.timeWeight ?? same?.timeWeight ?? 1,
    ref: meta?.ref ?? same?.ref ?? null,
    tags: tagsFor(q.tags, meta !== null, same),
  };
  const wanted = claimed ?? generatedId(q, options.area, topicId);
  const build = (id: string) => blockMarkdown(id, header, converted);
  const check = validate(build(wanted), options.area, topicId);
  if (!check.question) {
    for (const e of check.errors) note('skipped', `the converted question does not pass bank:check: ${e}`);
    return 'skipped';
  }
  const candidate = check.question;
  const placeholder = converted.explanation === '';

  if (same) {
    const differences = differ(candidate, same);
    if (differences.length === 0) {
      note('duplicate', `already in the bank as ${same.id} (${same.file}:${same.line}), skipped`);
      return 'duplicate';
    }
    if (!options.update) {
      note(
        'skipped',
        `${same.id} is already in the bank (${same.file}:${same.line}) with a different ${differences.join(', ')}: import with --update to replace it`,
      );
      return 'skipped';
    }
    note('updated', `replaces ${same.id} in ${same.file}:${same.line} (changed: ${differences.join(', ')})`);
    state.updates.push({
      id: same.id,
      line: q.line,
      markdown: build(same.id),
      placeholder,
      file: same.file,
      replacesLine: same.line,
      replacesSource: same.source,
    });
    return 'updated';
  }
  const twin = state.known.find((k) => sameQuestion(candidate, k.question));
  if (twin) {
    note('duplicate', `${twin.said}, skipped`);
    return 'duplicate';
  }

  let id = wanted;
  for (let n = 2; state.used.has(id); n++) id = `${wanted}-${n}`;
  state.used.add(id);
  if (id !== wanted) note('note', `the id ${wanted} is taken by another question, so this one is ${id}`);
  state.known.push({ question: { ...candidate, id }, said: `the same question as ${id}, line ${q.line} of this file` });
  const topic = state.topics.get(topicId) ?? {
    topic: topicId,
    title: options.topic ? topicId : (categoryName(q.category) ?? topicId),
    questions: [],
  };
  topic.questions.push({ id, line: q.line, markdown: build(id), placeholder });
  state.topics.set(topicId, topic);
  return 'imported';
}

/** A whole topic file: the `# Title` line, then the question blocks. */
export function topicFileText(topic: ImportedTopic): string {
  return [`# ${topic.title}`, '', ...topic.questions.map((q) => q.markdown)].join('\n');
}

/**
 * A topic file's text with one question block replaced: the block that starts at `line` and
 * reads `source` (as the bank parsed it). Null when the file no longer holds that block there.
 */
export function replaceQuestionBlock(fileText: string, line: number, source: string, markdown: string): string | null {
  const lines = fileText.replace(/\r\n?/g, '\n').split('\n');
  const count = source.split('\n').length;
  const current = lines.slice(line - 1, line - 1 + count).map((l) => l.trimEnd());
  if (current.join('\n') !== source) return null;
  const replacement = markdown.trimEnd().split('\n');
  return [...lines.slice(0, line - 1), ...replacement, ...lines.slice(line - 1 + count)].join('\n');
}

/** The last segment of a `$CATEGORY:` path, without Moodle's `$course$`-style roots. */
function categoryName(category: string | null): string | null {
  const segment = category
    ?.split('/')
    .map((s) => s.trim())
    .filter((s) => s !== '' && !/^\$\w+\$$/.test(s) && s !== 'top')
    .at(-1);
  return segment ?? null;
}

/** The topic id a category names; a name with no Latin letters (数据库) gets one from its hash. */
function categoryTopic(category: string | null): string {
  const name = categoryName(category);
  if (!name) return '';
  return slugify(name) || `category-${shortHash(name)}`;
}

/**
 * Moodle's tags, or the bank question's when the file has none. `imported-gift` marks a question
 * an author has not reviewed yet: it stays on a bank question that has it, and comes with a new
 * question from a file our export did not write.
 */
function tagsFor(tags: readonly string[], ours: boolean, same: SourceQuestion | undefined): string[] {
  const given = tags.map((t) => t.replace(/,/g, ' '));
  if (ours) return given;
  if (same && given.length === 0) return same.tags;
  const review = same ? same.tags.includes('imported-gift') : true;
  return review && !given.includes('imported-gift') ? [...given, 'imported-gift'] : given;
}

function generatedId(q: GiftQuestion, area: string, topic: string): string {
  const fromTitle = q.title ? slugify(q.title) : '';
  return idPattern.test(fromTitle) ? fromTitle : `${topic}-${shortHash(`${area}/${topic}/${q.text}`)}`;
}

interface Header {
  difficulty: number;
  timeWeight: number;
  ref: string | null;
  tags: string[];
}

function blockMarkdown(id: string, header: Header, converted: Converted): string {
  return [
    `## ${id}`,
    `type: ${converted.type}`,
    `difficulty: ${header.difficulty}`,
    ...(header.tags.length > 0 ? [`tags: ${header.tags.join(', ')}`] : []),
    ...(header.timeWeight !== 1 ? [`time: ${header.timeWeight}`] : []),
    ...(header.ref ? [`ref: ${header.ref}`] : []),
    '',
    converted.prompt,
    '',
    ...converted.answer,
    '',
    '### Explanation',
    converted.explanation || giftPlaceholder,
    '',
  ].join('\n');
}

/** The block checked as `bank:check` checks it: the question when sound, else the errors. */
function validate(
  markdown: string,
  area: string,
  topic: string,
): { question: SourceQuestion | null; errors: string[] } {
  const path = `${area}/${topic}.md`;
  const { file, problems } = parseTopicFile(path, area, topic, `# ${topic}\n\n${markdown}`);
  const raw = file.questions[0];
  if (!raw || file.questions.length > 1 || problems.length > 0) {
    const found = problems.map((p) => p.message);
    return {
      question: null,
      errors: found.length ? found : ['the text holds a "## " line that starts another question'],
    };
  }
  const check = checkQuestion(raw, { path, area, topic });
  // Lines of this scratch file mean nothing to the reader of the GIFT file.
  const errors = check.errors.map((e) => e.message.replace(/ \((?:also )?on line \d+\)/g, ''));
  return { question: check.question, errors };
}

/** What makes the answer the same, by its type: option lines differ from file to file, texts do not. */
function answerKey(q: SourceQuestion): unknown {
  return sourceFor(q.answer.type).identity(q.answer);
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The same question to a candidate: type, prompt and answer. */
function sameQuestion(a: SourceQuestion, b: SourceQuestion): boolean {
  return a.type === b.type && a.promptMd === b.promptMd && sameJson(answerKey(a), answerKey(b));
}

/** What an update would change, by name. */
function differ(next: SourceQuestion, current: SourceQuestion): string[] {
  const fields: [string, unknown, unknown][] = [
    ['type', next.type, current.type],
    ['prompt', next.promptMd, current.promptMd],
    ['answer', answerKey(next), answerKey(current)],
    ['explanation', next.explanationMd, current.explanationMd],
    ['difficulty', next.difficulty, current.difficulty],
    ['tags', [...next.tags].sort(), [...current.tags].sort()],
    ['time', next.timeWeight, current.timeWeight],
    ['ref', next.ref, current.ref],
  ];
  return fields.filter(([, a, b]) => !sameJson(a, b)).map(([name]) => name);
}

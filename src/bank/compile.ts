/**
 * The compiled bank: what the database importer stores. Markdown is rendered to sanitized HTML
 * here, once; answer keys use the option ids `a`, `b`, `c`... in file order.
 */
import type { VariantSpec } from '../engine/variant';
import type { AnswerKey, QuestionOption, QuestionType } from '../question-types/rules';
import { sourceFor } from '../question-types/source';
import { normalizeNewlines, sha256Hex } from './hash';
import type { BankFile } from './parse';
import { renderInline, renderMarkdown } from './render';
import type { Difficulty, Problem, SourceArea, SourceQuestion } from './types';
import { checkBank } from './validate';
import { compileVariant } from './variant-compile';

export interface CompiledArea {
  id: string;
  title: string;
  summary: string;
  descriptionHtml: string;
  topics: { id: string; title: string; docsUrl: string }[];
}

export interface CompiledQuestion {
  id: string;
  area: string;
  topic: string;
  type: QuestionType;
  difficulty: Difficulty;
  tags: string[];
  timeWeight: number;
  ref: string | null;
  promptHtml: string;
  /** single/multiple: in file order; ordering: the items in their correct order; others: []. */
  options: QuestionOption[];
  key: AnswerKey;
  explanationHtml: string;
  /** sha256 hex of the question block's normalized source: changes exactly when its text does. */
  contentHash: string;
  source: { file: string; line: number };
  /** A variant question's parameters, templates and keys; the fields above hold its example instance. */
  variant?: VariantSpec;
  /** The question block's Markdown as hashed: what a copy into a private bank starts from. */
  markdown: string;
}

export interface CompiledBank {
  areas: CompiledArea[];
  questions: CompiledQuestion[];
  /** sha256 over every file, sorted by path: equal hashes mean nothing to import. */
  hash: string;
}

export interface CompileResult {
  bank: CompiledBank;
  errors: Problem[];
  warnings: Problem[];
}

/**
 * Parses, validates and compiles the bank from file texts (no disk access). The bank holds only
 * the areas and questions without errors; an importer should refuse to run when `errors` is not empty.
 */
export async function compileBank(files: readonly BankFile[]): Promise<CompileResult> {
  const { errors, warnings, areas, questions } = checkBank(files);
  const compiled = await Promise.all(questions.map(compileQuestion));
  const hash = await bankHash(files);
  return {
    bank: { areas: areas.map(compileArea).sort((a, b) => (a.id < b.id ? -1 : 1)), questions: compiled, hash },
    errors,
    warnings,
  };
}

export function compileArea(area: SourceArea): CompiledArea {
  return {
    id: area.id,
    title: area.title,
    summary: area.summary,
    descriptionHtml: area.descriptionMd ? renderMarkdown(area.descriptionMd) : '',
    topics: area.topics,
  };
}

/** a, b, ... z, aa, ab...: stable ids for options in file order. */
export function optionId(index: number): string {
  let id = '';
  let n = index;
  do {
    id = String.fromCharCode(97 + (n % 26)) + id;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return id;
}

export async function compileQuestion(q: SourceQuestion): Promise<CompiledQuestion> {
  const fixed = await compileFixedQuestion(q);
  if (!q.variant) return fixed;
  const optionIds = fixed.options.map((o) => o.id);
  const { spec, example } = compileVariant(q.variant, { ...fixed, answerKey: fixed.key }, (answer) =>
    sourceFor(q.type).key(answer, optionIds),
  );
  const { answerKey, ...content } = example;
  return { ...fixed, ...content, key: answerKey, variant: spec };
}

async function compileFixedQuestion(q: SourceQuestion): Promise<CompiledQuestion> {
  const { options, key } = compileAnswer(q);
  return {
    id: q.id,
    area: q.area,
    topic: q.topic,
    type: q.type,
    difficulty: q.difficulty,
    tags: q.tags,
    timeWeight: q.timeWeight,
    ref: q.ref,
    promptHtml: renderMarkdown(promptWithAppendix(q)),
    options,
    key,
    explanationHtml: renderMarkdown(q.explanationMd),
    contentHash: await sha256Hex(q.source),
    source: { file: q.file, line: q.line },
    markdown: q.source,
  };
}

/** The prompt and, for a type that adds one (code, SQL), what it shows after it. */
function promptWithAppendix(q: SourceQuestion): string {
  const appendix = sourceFor(q.type).promptAppendix?.(q.answer);
  return appendix ? `${q.promptMd}\n\n${appendix}` : q.promptMd;
}

/** The answer's options rendered with the ids a, b, c... in file order, and its key over those ids. */
function compileAnswer(q: SourceQuestion): { options: QuestionOption[]; key: AnswerKey } {
  const source = sourceFor(q.answer.type);
  const options = source.options(q.answer).map((o, i) => ({ id: optionId(i), html: renderInline(o.text) }));
  return {
    options,
    key: source.key(
      q.answer,
      options.map((o) => o.id),
    ),
  };
}

/**
 * Path and text of every file, in path order, separated by NULs so no two banks collide by
 * concatenation. Line endings are normalized, so a Windows checkout hashes like a Linux one; the
 * same as `compileBank(files).bank.hash`, so a caller can compare before compiling.
 */
export async function bankHash(files: readonly BankFile[]): Promise<string> {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sha256Hex(sorted.map((f) => `${f.path}\0${normalizeNewlines(f.text)}\0`).join(''));
}

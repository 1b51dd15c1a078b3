/**
 * One question's Markdown, checked and compiled on its own: what a private bank stores per
 * question. The text is one `## <id>` block in the public bank's format; it goes through the same
 * parser, checks and renderer as `bank:check` and `bank:import` (same messages, same sanitizer
 * and highlighter), with line numbers counted from the first line of the text.
 */
import { type CompiledQuestion, compileQuestion } from './compile';
import { parseTopicFile } from './parse-topic';
import type { SourceQuestion } from './types';
import { checkQuestion } from './validate-question';

/** A problem in the question's text; `line` is 1-based within that text. */
export interface QuestionProblem {
  line: number;
  message: string;
}

export type QuestionMarkdownResult =
  | { ok: true; question: CompiledQuestion; source: SourceQuestion; warnings: QuestionProblem[] }
  | { ok: false; errors: QuestionProblem[]; warnings: QuestionProblem[] };

/** Where the question will live: its collection (or area) and topic, and a name for its "file". */
export interface QuestionPlace {
  area: string;
  topic: string;
  file?: string;
}

// The parser reads topic files, which start with a `# Title` line: one is put in front of the
// question, and every line number comes back shifted by it.
const titleLines = 1;

/** Checks one question block as `bank:check` would and, when it has no error, renders it. */
export async function compileQuestionMarkdown(markdown: string, place: QuestionPlace): Promise<QuestionMarkdownResult> {
  const file = place.file ?? `${place.area}/${place.topic}.md`;
  const { file: parsed, problems } = parseTopicFile(file, place.area, place.topic, `# Question\n${markdown}`);
  const shift = (p: { line: number; message: string }): QuestionProblem => ({
    line: Math.max(1, p.line - titleLines),
    message: p.message,
  });
  const errors = problems.map(shift);
  const warnings: QuestionProblem[] = [];
  if (parsed.questions.length === 0 && errors.length === 0) {
    errors.push({ line: 1, message: 'a question starts with a "## <id>" line, e.g. "## my-first-question"' });
  }
  if (parsed.questions.length > 1) {
    const second = parsed.questions[1];
    errors.push({
      line: (second?.line ?? 1 + titleLines) - titleLines,
      message: 'one question at a time: this "## " line starts a second question',
    });
  }
  const raw = parsed.questions[0];
  if (!raw) return { ok: false, errors, warnings };
  const check = checkQuestion(raw, { path: file, area: place.area, topic: place.topic });
  errors.push(...check.errors.map(shift));
  warnings.push(...check.warnings.map(shift));
  errors.sort((a, b) => a.line - b.line);
  if (errors.length > 0 || !check.question) return { ok: false, errors, warnings };
  const source = { ...check.question, line: check.question.line - titleLines };
  return { ok: true, question: await compileQuestion(source), source, warnings };
}

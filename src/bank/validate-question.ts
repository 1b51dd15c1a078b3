/**
 * Checks one question block and, when it is sound, returns it typed. Every error and warning
 * names the file and the line it is about.
 */
import { isQuestionType, type QuestionType, questionTypes } from '../question-types/rules';
import { sourceFor } from '../question-types/source';
import { scanFences } from './fences';
import { isKnownLanguage } from './highlight';
import { findDroppedHtml } from './render';
import { markdownOf } from './sections';
import type {
  Difficulty,
  Problem,
  RawHeader,
  RawQuestion,
  RawSection,
  SourceAnswer,
  SourceLine,
  SourceQuestion,
} from './types';
import { checkVariantQuestion } from './variant-check';
import { textWarnings } from './warnings';

export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const headerKeys = ['type', 'difficulty', 'tags', 'time', 'ref'];
/** The section holding each type's answer; `### Explanation` belongs to every type. */
const answerSection = (type: QuestionType) => sourceFor(type).section;
const sectionNames = [...new Set(questionTypes.map(answerSection)), 'Explanation', 'Parameters'];

export interface QuestionCheck {
  question: SourceQuestion | null;
  errors: Problem[];
  warnings: Problem[];
}

/**
 * Checks a question block. A block with a `### Parameters` section is a variant question: each of
 * its instances is checked as a fixed question (src/bank/variant-check.ts).
 */
export function checkQuestion(raw: RawQuestion, file: { path: string; area: string; topic: string }): QuestionCheck {
  if (raw.sections.some((s) => s.name === 'Parameters')) return checkVariantQuestion(raw, file, checkFixedQuestion);
  return checkFixedQuestion(raw, file);
}

function checkFixedQuestion(raw: RawQuestion, file: { path: string; area: string; topic: string }): QuestionCheck {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const error = (line: number, message: string) => errors.push({ file: file.path, line, message });
  const warn = (line: number, message: string) => warnings.push({ file: file.path, line, message });

  if (raw.id === '') error(raw.line, 'a question starts with "## <id>"; the id is missing');
  else if (!idPattern.test(raw.id)) {
    error(raw.line, `question id "${raw.id}" must be lower-case kebab case: letters, digits and single hyphens`);
  }

  const headers = readHeaders(raw, error);
  const type = readType(headers.get('type'), raw.line, error);
  const difficulty = readDifficulty(headers.get('difficulty'), raw.line, error);
  const timeWeight = readTime(headers.get('time'), error);
  const ref = readRef(headers.get('ref'), error);
  const tags = readTags(headers.get('tags'), error);

  const promptMd = markdownOf(raw.prompt);
  const promptLine = raw.prompt.find((l) => l.text.trim() !== '')?.line ?? raw.line;
  if (promptMd === '') error(raw.line, 'the prompt is empty: write it after the header and a blank line');
  else textWarnings('prompt', promptMd, promptLine, warn);

  const sections = new Map<string, RawSection>();
  for (const section of raw.sections) {
    if (!sectionNames.includes(section.name)) {
      error(
        section.line,
        `unknown section "### ${section.name}" (sections: ${sectionNames.map((s) => `### ${s}`).join(', ')})`,
      );
    } else if (sections.has(section.name)) {
      error(section.line, `"### ${section.name}" appears twice in this question`);
    } else if (type && section.name !== 'Explanation' && section.name !== answerSection(type)) {
      error(
        section.line,
        `"### ${section.name}" does not belong to a ${type} question (it takes ### ${answerSection(type)})`,
      );
    } else {
      sections.set(section.name, section);
    }
  }

  const explanation = sections.get('Explanation');
  const explanationMd = explanation ? markdownOf(explanation.lines) : '';
  if (!explanation) error(raw.line, 'the "### Explanation" section is missing: say why the answer is right');
  else if (explanationMd === '') error(explanation.line, 'the explanation is empty');
  else textWarnings('explanation', explanationMd, explanation.line, warn);

  let answer: SourceAnswer | null = null;
  if (type) {
    const section = sections.get(answerSection(type));
    if (!section) error(raw.line, `a ${type} question needs a "### ${answerSection(type)}" section`);
    else answer = sourceFor(type).read(section, { error, warn });
  }

  checkMarkdown(raw.prompt, promptMd, false, error, warn);
  if (explanation) checkMarkdown(explanation.lines, explanationMd, false, error, warn);
  if (answer) {
    for (const o of sourceFor(answer.type).options(answer)) {
      checkMarkdown([{ text: o.text, line: o.line }], o.text, true, error, warn);
    }
  }

  if (errors.length > 0 || !type || !difficulty || !answer) return { question: null, errors, warnings };
  const question: SourceQuestion = {
    id: raw.id,
    area: file.area,
    topic: file.topic,
    type,
    difficulty,
    tags,
    timeWeight,
    ref,
    promptMd,
    answer,
    explanationMd,
    source: raw.source,
    file: file.path,
    line: raw.line,
  };
  return { question, errors, warnings };
}

type Report = (line: number, message: string) => void;

function readHeaders(raw: RawQuestion, error: Report): Map<string, RawHeader> {
  const headers = new Map<string, RawHeader>();
  for (const header of raw.headers) {
    if (!headerKeys.includes(header.key)) {
      error(header.line, `unknown header key "${header.key}" (keys: ${headerKeys.join(', ')})`);
    } else if (headers.has(header.key)) {
      error(header.line, `header key "${header.key}" is given twice`);
    } else {
      headers.set(header.key, header);
    }
  }
  return headers;
}

function readType(header: RawHeader | undefined, line: number, error: Report): QuestionType | null {
  if (!header) {
    error(line, `the "type:" header is missing (${questionTypes.join(', ')})`);
    return null;
  }
  if (isQuestionType(header.value)) return header.value;
  error(header.line, `unknown type "${header.value}" (types: ${questionTypes.join(', ')})`);
  return null;
}

function readDifficulty(header: RawHeader | undefined, line: number, error: Report): Difficulty | null {
  if (!header) {
    error(line, 'the "difficulty:" header is missing (1 basic to 5 expert)');
    return null;
  }
  if (/^[1-5]$/.test(header.value)) return Number(header.value) as Difficulty;
  error(header.line, `difficulty is a whole number from 1 to 5, found "${header.value}"`);
  return null;
}

function readTime(header: RawHeader | undefined, error: Report): number {
  if (!header) return 1;
  const value = Number(header.value);
  if (header.value === '' || !Number.isFinite(value) || value < 0.5 || value > 3) {
    error(header.line, `time weight is a number from 0.5 to 3, found "${header.value}"`);
    return 1;
  }
  return value;
}

function readRef(header: RawHeader | undefined, error: Report): string | null {
  if (!header) return null;
  if (/^https?:\/\/\S+$/.test(header.value)) return header.value;
  error(header.line, `ref is the URL (http or https) of the documentation backing the answer, found "${header.value}"`);
  return null;
}

function readTags(header: RawHeader | undefined, error: Report): string[] {
  if (!header) return [];
  const tags = header.value.split(',').map((t) => t.trim());
  if (tags.some((t) => t === '')) error(header.line, 'tags are comma-separated words; one of them is empty');
  return [...new Set(tags.filter((t) => t !== ''))];
}

/** Raw HTML the sanitizer would drop, and fences in a language that will not be highlighted. */
function checkMarkdown(lines: readonly SourceLine[], markdown: string, inline: boolean, error: Report, warn: Report) {
  for (const tag of findDroppedHtml(markdown, inline)) {
    const line = lines.find((l) => l.text.toLowerCase().includes(tag.slice(0, -1)))?.line ?? lines[0]?.line ?? 0;
    error(line, `raw HTML ${tag} is removed when rendered: put code in backticks or a fenced block`);
  }
  if (inline) return;
  const first = lines[0]?.line ?? 1;
  for (const fence of scanFences(
    lines.map((l) => l.text),
    first,
  ).fences) {
    // scanFences numbers lines consecutively; map back through the real line numbers.
    const line = lines[fence.line - first]?.line ?? fence.line;
    if (fence.lang && !isKnownLanguage(fence.lang)) {
      warn(
        line,
        `code language "${fence.lang}" is not highlighted (see src/bank/highlight.ts); use a known one or "text"`,
      );
    }
  }
}

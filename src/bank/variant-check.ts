/**
 * Checks a variant question (one with a `### Parameters` section): its parameters, its
 * placeholders, then every one of its instances, each filled in and put through the same checks
 * as a fixed question (distinct options, one correct answer for single choice, a finite number
 * for numeric...). Errors name the line, and for an instance its values. The question returned is
 * its example instance (what the version stores, GIFT exports and the blind sheet shows), with
 * the templates and every instance's answer beside it.
 */
import { ExpressionError, evaluateText, formatValue, namesIn, parseExpression, type Value } from '../engine/expression';
import {
  describeValues,
  drawVariantValues,
  instanceCount,
  instanceIndex,
  maxInstances,
  type VariantValues,
  valuesAt,
} from '../engine/variant';
import { sourceFor } from '../question-types/source';
import { placeholdersIn, replacePlaceholders } from './placeholders';
import { markdownOf } from './sections';
import type { Problem, RawQuestion, RawSection, SourceAnswer, SourceLine, SourceVariant } from './types';
import type { QuestionCheck } from './validate-question';
import { variantTemplates } from './variant-compile';
import { readParameters } from './variant-parameters';

type FixedCheck = (raw: RawQuestion, file: { path: string; area: string; topic: string }) => QuestionCheck;

/** The seed of the example instance: the same for every bank, so the stored example never moves. */
export const exampleSeed = 'example';

export function checkVariantQuestion(
  raw: RawQuestion,
  file: { path: string; area: string; topic: string },
  checkFixed: FixedCheck,
): QuestionCheck {
  const errors: Problem[] = [];
  const error = (line: number, message: string) => errors.push({ file: file.path, line, message });
  const [section, ...again] = raw.sections.filter((s) => s.name === 'Parameters');
  for (const s of again) error(s.line, '"### Parameters" appears twice in this question');
  if (!section) return { question: null, errors, warnings: [] };

  const read = readParameters(section.lines, section.line);
  for (const e of read.errors) error(e.line, e.message);
  const { parameters, derived } = read.value;
  const template: RawQuestion = { ...raw, sections: raw.sections.filter((s) => s.name !== 'Parameters') };
  const firstLine = checkPlaceholders(template, read.value.names, error);
  const used = new Set([...firstLine.keys()].flatMap((e) => namesIn(parseExpression(e))));
  for (const d of derived) for (const name of namesIn(parseExpression(d.expression))) used.add(name);
  for (const p of [...parameters, ...derived]) {
    if (!used.has(p.name)) error(p.line, `"${p.name}" is never used: put {{${p.name}}} where it belongs, or remove it`);
  }
  if (errors.length > 0) return { question: null, errors, warnings: [] };
  const count = instanceCount(parameters);
  if (count > maxInstances) {
    error(
      section.line,
      `these parameters make ${count} instances; at most ${maxInstances}, since bank:check checks each`,
    );
    return { question: null, errors, warnings: [] };
  }

  const placeholders = [...firstLine.keys()];
  const instance = (values: VariantValues) => {
    const names = derivedNames(parameters, derived, values, error);
    if (!names) return null;
    const byExpression = new Map<string, string>();
    for (const p of placeholders) {
      try {
        byExpression.set(p, formatValue(evaluateText(p, names)));
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        error(firstLine.get(p) ?? section.line, `for ${describeValues(values)}: ${e.message}`);
        return null;
      }
    }
    const check = checkFixed(fill(template, byExpression), file);
    for (const e of check.errors) errors.push({ ...e, message: `for ${describeValues(values)}: ${e.message}` });
    return check;
  };

  // Instances in order, stopping at the first that fails: its values are in every message.
  const checks: QuestionCheck[] = [];
  for (let index = 0; index < count; index++) {
    const check = instance(valuesAt(parameters, index));
    if (!check?.question) return { question: null, errors, warnings: check?.warnings ?? [] };
    checks.push(check);
  }
  const exampleValues = drawVariantValues(parameters, exampleSeed, raw.id);
  const example = checks[instanceIndex(parameters, exampleValues)];
  if (!example?.question) throw new Error('the example is one of the instances');
  const answers = checks.map((c) => c.question?.answer as SourceAnswer);
  const type = example.question.type;
  const templateSection = template.sections.find((s) => s.name === sourceFor(type).section);
  const templateAnswer = templateSection
    ? sourceFor(type).read(templateSection, { error: () => {}, warn: () => {} })
    : null;
  const optionsMd = templateAnswer
    ? sourceFor(type)
        .options(templateAnswer)
        .map((o) => o.text)
    : [];
  if (optionsMd.length !== sourceFor(type).options(example.question.answer).length) {
    error(
      templateSection?.line ?? raw.line,
      'placeholders may fill the text of options, not the marks or the list itself',
    );
    return { question: null, errors, warnings: example.warnings };
  }
  const explanation = template.sections.find((s) => s.name === 'Explanation');
  const variant: SourceVariant = {
    parameters: parameters.map(({ line: _line, ...p }) => p),
    derived: derived.map(({ line: _line, ...d }) => d),
    promptMd: markdownOf(template.prompt),
    optionsMd,
    explanationMd: explanation ? markdownOf(explanation.lines) : '',
    answers,
    example: exampleValues,
  };
  const templates = variantTemplates(variant);
  if (typeof templates === 'string') {
    error(raw.line, templates);
    return { question: null, errors, warnings: example.warnings };
  }
  return { question: { ...example.question, source: raw.source, variant }, errors, warnings: example.warnings };
}

/**
 * Reads the placeholders of the prompt and sections: each one parsed, every name it uses declared.
 * Returns each expression with the first line it appears on.
 */
function checkPlaceholders(
  raw: RawQuestion,
  declared: ReadonlySet<string>,
  error: (line: number, message: string) => void,
): Map<string, number> {
  const firstLine = new Map<string, number>();
  const lines: SourceLine[] = [...raw.prompt, ...raw.sections.flatMap((s) => s.lines)];
  for (const { text, line } of lines) {
    const found = placeholdersIn(text);
    if (typeof found === 'string') {
      error(line, found);
      continue;
    }
    for (const { expression } of found) {
      try {
        const unknown = namesIn(parseExpression(expression)).filter((name) => !declared.has(name));
        for (const name of unknown) error(line, `{{${expression}}} uses "${name}", which no parameter declares`);
        if (unknown.length === 0 && !firstLine.has(expression)) firstLine.set(expression, line);
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        error(line, `{{${expression}}}: ${e.message}`);
      }
    }
  }
  return firstLine;
}

/** Parameters and derived values by name, or null after reporting the derived value that failed on its line. */
function derivedNames(
  parameters: readonly { name: string }[],
  derived: readonly { name: string; expression: string; line: number }[],
  values: VariantValues,
  error: (line: number, message: string) => void,
): Map<string, Value> | null {
  const names = new Map<string, Value>(parameters.map((p) => [p.name, values[p.name] as Value]));
  for (const d of derived) {
    try {
      names.set(d.name, evaluateText(d.expression, names));
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      error(d.line, `for ${describeValues(values)}: "${d.name}" cannot be computed: ${e.message}`);
      return null;
    }
  }
  return names;
}

/** The question with every placeholder replaced by its text: an instance, written as a fixed question. */
function fill(raw: RawQuestion, texts: ReadonlyMap<string, string>): RawQuestion {
  const line = (l: SourceLine): SourceLine => ({
    text: replacePlaceholders(l.text, (e) => texts.get(e) ?? ''),
    line: l.line,
  });
  return {
    ...raw,
    prompt: raw.prompt.map(line),
    sections: raw.sections.map((s: RawSection) => ({ ...s, lines: s.lines.map(line) })),
  };
}

/**
 * Variant questions: a question declares parameters (whole numbers from a range, picks from a
 * list) and derived values, its text holds placeholders, and each attempt gets its own instance.
 * The bank compiles a variant question once per version into a `VariantSpec` (parameters,
 * HTML templates with holes, and the key of every instance, since the space is small and
 * enumerated when the bank checks it); this module draws an attempt's values from its seed and
 * fills the templates, escaping every value. Pure: the seed is passed in.
 */

import { escapeHtml } from '../question-types/review-html';
import type { AnswerKey, QuestionOption } from '../question-types/rules';
import { evaluate, formatValue, parseExpression, type Value } from './expression';
import { createRng, randomInt } from './random';

export type { Value as VariantValue } from './expression';

export type ParameterSpec =
  | { name: string; kind: 'integer'; min: number; max: number; step: number }
  | { name: string; kind: 'choice'; values: (number | string)[] };

/** A value computed from the parameters (and earlier derived values), in declaration order. */
export interface DerivedSpec {
  name: string;
  expression: string;
}

/** Compiled HTML with holes: a string is HTML, a number the index of a placeholder expression. */
export type TemplatePart = string | number;

/** What `question_versions.variant` holds for a variant question. */
export interface VariantSpec {
  parameters: ParameterSpec[];
  derived: DerivedSpec[];
  /** The expressions between `{{` and `}}`, in order of first appearance. */
  placeholders: string[];
  prompt: TemplatePart[];
  /** One template per option, in file order (ids a, b, c...). */
  options: TemplatePart[][];
  explanation: TemplatePart[];
  /** The key of every instance, by instance index, when keys differ between instances; else the version's key holds. */
  keys?: AnswerKey[];
}

/** An attempt item's parameter values (what `attempt_items.variant` stores): drawn parameters only. */
export type VariantValues = Record<string, number | string>;

/** The most instances a question may have: every one of them is checked by `bank:check`. */
export const maxInstances = 1000;

export function parameterSize(p: ParameterSpec): number {
  return p.kind === 'choice' ? p.values.length : Math.floor((p.max - p.min) / p.step) + 1;
}

/** How many instances the parameters make: the product of their sizes. */
export function instanceCount(parameters: readonly ParameterSpec[]): number {
  return parameters.reduce((n, p) => n * parameterSize(p), 1);
}

/** The values of instance `index` (0 ≤ index < instanceCount): the last parameter varies fastest. */
export function valuesAt(parameters: readonly ParameterSpec[], index: number): VariantValues {
  const picked: [string, number | string][] = [];
  let rest = index;
  for (let i = parameters.length - 1; i >= 0; i--) {
    const p = parameters[i] as ParameterSpec;
    const size = parameterSize(p);
    const at = rest % size;
    rest = Math.floor(rest / size);
    picked.unshift([p.name, p.kind === 'choice' ? (p.values[at] as number | string) : p.min + at * p.step]);
  }
  return Object.fromEntries(picked);
}

/** The index of an instance from its values; throws when a value is not one the parameters allow. */
export function instanceIndex(parameters: readonly ParameterSpec[], values: VariantValues): number {
  let index = 0;
  for (const p of parameters) {
    const v = Object.hasOwn(values, p.name) ? values[p.name] : undefined;
    let at = -1;
    if (p.kind === 'choice') at = p.values.indexOf(v as number | string);
    else if (typeof v === 'number' && v >= p.min && v <= p.max && (v - p.min) % p.step === 0) at = (v - p.min) / p.step;
    if (at < 0) throw new RangeError(`variant value ${p.name} = ${JSON.stringify(v)} is not one the question allows`);
    index = index * parameterSize(p) + at;
  }
  return index;
}

/**
 * An attempt's values for one question: the same seed and question always give the same
 * instance, and each question of an attempt draws from its own stream.
 */
export function drawVariantValues(
  parameters: readonly ParameterSpec[],
  seed: string,
  questionId: string,
): VariantValues {
  const rng = createRng(`${seed}:variant:${questionId}`);
  return valuesAt(parameters, randomInt(instanceCount(parameters), rng));
}

/** Parameters and derived values by name; throws an ExpressionError when a derived value cannot be computed. */
export function variantNames(
  spec: Pick<VariantSpec, 'parameters' | 'derived'>,
  values: VariantValues,
): Map<string, Value> {
  const names = new Map<string, Value>();
  for (const p of spec.parameters) names.set(p.name, values[p.name] as Value);
  for (const d of spec.derived) names.set(d.name, evaluate(parseExpression(d.expression), names));
  return names;
}

/** The text of every placeholder for these names, unescaped. */
export function placeholderTexts(placeholders: readonly string[], names: ReadonlyMap<string, Value>): string[] {
  return placeholders.map((p) => formatValue(evaluate(parseExpression(p), names)));
}

/** Fills a template; every value is HTML-escaped, so a value never becomes markup. */
export function fillTemplate(parts: readonly TemplatePart[], texts: readonly string[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : escapeHtml(texts[part] ?? ''))).join('');
}

/** The content a candidate sees and is scored against. */
export interface QuestionContent {
  promptHtml: string;
  options: QuestionOption[];
  answerKey: AnswerKey;
  explanationHtml: string;
}

/**
 * One instance of a variant question: prompt, options and explanation filled, the key of this
 * instance. `example` is the version's stored content (its options' ids, and the key when every
 * instance shares it). Invariant: same spec and values, same content.
 */
export function variantInstance(spec: VariantSpec, values: VariantValues, example: QuestionContent): QuestionContent {
  const index = instanceIndex(spec.parameters, values);
  const texts = placeholderTexts(spec.placeholders, variantNames(spec, values));
  return {
    promptHtml: fillTemplate(spec.prompt, texts),
    options: example.options.map((o, i) => {
      const template = spec.options[i];
      return template ? { id: o.id, html: fillTemplate(template, texts) } : o;
    }),
    answerKey: spec.keys?.[index] ?? example.answerKey,
    explanationHtml: fillTemplate(spec.explanation, texts),
  };
}

/**
 * A stored item's content: its instance when the version is a variant question and the item
 * has values, else the version's own content (items drawn before the question had parameters).
 * Only the fields `row` has are replaced (a report that reads no prompt gets none).
 */
export function contentOf<Row extends Pick<QuestionContent, 'options' | 'answerKey'> & Partial<QuestionContent>>(
  row: Row,
  spec: Record<string, unknown> | null,
  values: Record<string, unknown> | null,
): Row {
  if (!spec || !values) return row;
  const instance = variantInstance(spec as unknown as VariantSpec, values as VariantValues, {
    promptHtml: '',
    explanationHtml: '',
    ...row,
  });
  return {
    ...row,
    options: instance.options,
    answerKey: instance.answerKey,
    ...('promptHtml' in row ? { promptHtml: instance.promptHtml } : {}),
    ...('explanationHtml' in row ? { explanationHtml: instance.explanationHtml } : {}),
  };
}

/** "n = 5, op = +": an instance's values as a reader sees them. */
export function describeValues(values: VariantValues): string {
  return Object.entries(values)
    .map(([name, v]) => `${name} = ${formatValue(v)}`)
    .join(', ');
}

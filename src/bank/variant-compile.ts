/**
 * Compiles a variant question once per version: its Markdown templates rendered to HTML with
 * holes (the same renderer, sanitizer and highlighter as every question), and the key of every
 * instance. What `question_versions.variant` stores; src/engine/variant.ts fills it per attempt.
 */
import { type QuestionContent, type VariantSpec, variantInstance } from '../engine/variant';
import type { AnswerKey } from '../question-types/rules';
import { renderTemplate } from './placeholders';
import { renderInline, renderMarkdown } from './render';
import type { SourceAnswer, SourceVariant } from './types';

export type VariantTemplates = Pick<VariantSpec, 'placeholders' | 'prompt' | 'options' | 'explanation'>;

/** The HTML templates of a variant question, or the message saying which part did not render whole. */
export function variantTemplates(variant: SourceVariant): VariantTemplates | string {
  const placeholders: string[] = [];
  const prompt = renderTemplate(variant.promptMd, placeholders, renderMarkdown);
  if (typeof prompt === 'string') return `in the prompt, ${prompt}`;
  const options = [];
  for (const [i, md] of variant.optionsMd.entries()) {
    const option = renderTemplate(md, placeholders, renderInline);
    if (typeof option === 'string') return `in option ${i + 1}, ${option}`;
    options.push(option);
  }
  const explanation = renderTemplate(variant.explanationMd, placeholders, renderMarkdown);
  if (typeof explanation === 'string') return `in the explanation, ${explanation}`;
  return { placeholders, prompt, options, explanation };
}

/**
 * The stored spec and the example instance's content, which replaces the version's own columns,
 * so what the repository shows and what an attempt shows come from the same templates.
 * `keyOf` turns an instance's answer into its key over the version's option ids.
 */
export function compileVariant(
  variant: SourceVariant,
  example: QuestionContent,
  keyOf: (answer: SourceAnswer) => AnswerKey,
): { spec: VariantSpec; example: QuestionContent } {
  const templates = variantTemplates(variant);
  // bank:check reports this with its line; a question that fails it never reaches compile.
  if (typeof templates === 'string') throw new Error(templates);
  const keys = variant.answers.map(keyOf);
  const first = JSON.stringify(keys[0]);
  const spec: VariantSpec = {
    parameters: variant.parameters,
    derived: variant.derived,
    ...templates,
    ...(keys.every((k) => JSON.stringify(k) === first) ? {} : { keys }),
  };
  const fixedKey = keys[0] ?? example.answerKey;
  return { spec, example: variantInstance(spec, variant.example, { ...example, answerKey: fixedKey }) };
}

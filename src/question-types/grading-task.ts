/**
 * The grading task of an executable question's answer: its hidden tests (what scores) or its
 * visible ones (what a candidate may run), with the key's limits. Null for the other types.
 */
import type { CodeTask, GradingTask, SqlTask } from '../grading/types';
import type { Answer, AnswerKey } from './rules';

export function gradingTask(
  key: AnswerKey,
  answer: Answer,
  tests: 'hidden' | 'visible' = 'hidden',
): GradingTask | null {
  if (key.type === 'code' && answer.type === 'code') {
    return {
      kind: 'code',
      source: answer.source,
      functionName: key.functionName,
      tests: key[tests],
      limits: key.limits,
    };
  }
  if (key.type === 'sql' && answer.type === 'sql') {
    return {
      kind: 'sql',
      schema: key.schema,
      query: answer.source,
      reference: key.reference,
      orderMatters: key.orderMatters,
      tests: key[tests],
      limits: key.limits,
    };
  }
  return null;
}

/** Whether answers of this type are graded by running them. */
export function isExecutable(type: string): type is 'code' | 'sql' {
  return type === 'code' || type === 'sql';
}

/**
 * What the browser may run before the finish: the visible examples only. For SQL, the schema,
 * the example rows and, when the import computed them, each example's expected rows (not secret:
 * the reference's rows on data the prompt shows); never the reference query or the hidden
 * databases. Null for the other types.
 */
export type VisibleTask = Omit<CodeTask, 'source'> | Omit<SqlTask, 'query' | 'reference'>;

export function visibleTask(key: AnswerKey): VisibleTask | null {
  if (key.type === 'code')
    return { kind: 'code', functionName: key.functionName, tests: key.visible, limits: key.limits };
  if (key.type === 'sql') {
    const tests = key.visible.map(({ name, seed, expected }) => ({ name, seed, ...(expected ? { expected } : {}) }));
    return { kind: 'sql', schema: key.schema, orderMatters: key.orderMatters, tests, limits: key.limits };
  }
  return null;
}

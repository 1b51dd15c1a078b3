/** Code (JavaScript): a function run against hidden tests in a sandbox; credit is the fraction passed. */
import type { CodeTest, Limits } from '../../grading/types';
import { executableRules, type SourceAnswer, sourceHtml } from '../executable';

/** Never sent to a candidate's browser: the hidden tests and the reference solution. */
export interface CodeKey {
  type: 'code';
  functionName: string;
  /** The examples shown in the prompt, run by the candidate's "Run visible tests". */
  visible: CodeTest[];
  hidden: CodeTest[];
  reference: string;
  limits: Limits;
}

export type CodeAnswer = SourceAnswer<'code'>;

export const codeRules = executableRules<'code', CodeKey>('code', {
  keyHtml: (key) => `<p>Reference solution (${key.hidden.length} hidden tests):</p>${sourceHtml(key.reference)}`,
  simulatedSource: (key, right) => (right ? key.reference : `function ${key.functionName}() {\n  return null;\n}\n`),
});

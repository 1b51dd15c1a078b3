/** Code (JavaScript): a function run against hidden tests in a sandbox; credit is the fraction passed. */
import type { CodeTest, Limits } from '../../grading/types';
import { answerSourceHtml, creditOf, parseSource, readSource, type SourceAnswer, sourceHtml } from '../executable';
import type { QuestionRules } from '../rules';

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

export const codeRules: QuestionRules<CodeKey, CodeAnswer> = {
  parseAnswer: (values) => parseSource('code', values),
  readForm: readSource,
  formState: (answer) => ({ text: answer.source }),
  isComplete: () => true,
  score: (_key, answer) => creditOf(answer),
  sameAnswer: (x, y) => x.source === y.source,
  optionOrder: () => null,
  answerHtml: (answer) => answerSourceHtml(answer),
  keyHtml: (key) => `<p>Reference solution (${key.hidden.length} hidden tests):</p>${sourceHtml(key.reference)}`,
  simulatedAnswer: (key, _optionIds, right) => ({
    type: 'code',
    source: right ? key.reference : `function ${key.functionName}() {\n  return null;\n}\n`,
  }),
};

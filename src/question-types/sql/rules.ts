/** SQL: a query run against fresh copies of the question's database; credit is the fraction of hidden databases it answers right. */
import type { Limits, SqlTest } from '../../grading/types';
import { answerSourceHtml, creditOf, parseSource, readSource, type SourceAnswer, sourceHtml } from '../executable';
import type { QuestionRules } from '../rules';

/** Never sent to a candidate's browser: the hidden databases and the reference query. */
export interface SqlKey {
  type: 'sql';
  /** CREATE TABLE statements, shown to the candidate in the prompt. */
  schema: string;
  /** The example databases shown in the prompt. */
  visible: SqlTest[];
  hidden: SqlTest[];
  reference: string;
  orderMatters: boolean;
  limits: Limits;
}

export type SqlAnswer = SourceAnswer<'sql'>;

export const sqlRules: QuestionRules<SqlKey, SqlAnswer> = {
  parseAnswer: (values) => parseSource('sql', values),
  readForm: readSource,
  formState: (answer) => ({ text: answer.source }),
  isComplete: () => true,
  score: (_key, answer) => creditOf(answer),
  sameAnswer: (x, y) => x.source === y.source,
  optionOrder: () => null,
  answerHtml: (answer) => answerSourceHtml(answer),
  keyHtml: (key) => `<p>Reference query (${key.hidden.length} hidden databases):</p>${sourceHtml(key.reference)}`,
  simulatedAnswer: (key, _optionIds, right) => ({ type: 'sql', source: right ? key.reference : 'select 1' }),
};

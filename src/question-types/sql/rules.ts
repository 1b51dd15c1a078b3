/** SQL: a query run against fresh copies of the question's database; credit is the fraction of hidden databases it answers right. */
import type { Limits, SqlTest } from '../../grading/types';
import { executableRules, type SourceAnswer, sourceHtml } from '../executable';

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

export const sqlRules = executableRules<'sql', SqlKey>('sql', {
  keyHtml: (key) => `<p>Reference query (${key.hidden.length} hidden databases):</p>${sourceHtml(key.reference)}`,
  simulatedSource: (key, right) => (right ? key.reference : 'select 1'),
});

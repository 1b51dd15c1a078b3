/**
 * SQL in a question file: `### Query` with `order matters: yes|no` (and optional `time:`), then
 * `#### Schema` (CREATE TABLE statements), `#### Tests` (example databases, shown),
 * `#### Hidden tests` (scored), `#### Reference query` and `#### Wrong query` (bank:check runs
 * both). Each test is a list item naming the database, followed by a fenced block of INSERTs.
 */
import { refuseQuery } from '../../grading/sql-guard';
import type { Limits, SqlTest } from '../../grading/types';
import {
  blindSource,
  checkTestCounts,
  errorsCounted,
  limitsText,
  listedTests,
  notInGift,
  onePart,
  readLimits,
  readParts,
  type SectionParts,
} from '../executable-source';
import type { LineReport, QuestionSource } from '../source';
import type { SqlAnswer, SqlKey } from './rules';

export interface SqlSourceAnswer {
  type: 'sql';
  schema: string;
  visible: SqlTest[];
  hidden: SqlTest[];
  reference: string;
  wrong: string;
  orderMatters: boolean;
  limits: Limits;
}

/** `- name` lines, each followed by its fenced block of INSERT statements. */
function readDatabases(
  parts: SectionParts,
  name: 'tests' | 'hidden tests',
  sectionLine: number,
  error: LineReport,
): SqlTest[] {
  const listed = listedTests(parts, name, sectionLine, error);
  if (!listed) return [];
  for (const l of listed.otherLines)
    error(l.line, 'a test database is a list item naming it ("- two customers"), then a fenced block of INSERTs');
  const stray = listed.strayBlocks[0];
  if (stray) error(stray.line, 'a fenced block belongs to the list item naming its test database, above it');
  const tests: SqlTest[] = [];
  for (const { item, text, blocks } of listed.items) {
    if (blocks.length !== 1) {
      error(
        item.line,
        'each test database has exactly one fenced block of INSERT statements (an empty block for empty tables)',
      );
      continue;
    }
    tests.push({ name: text, seed: blocks[0]?.code ?? '' });
  }
  return tests;
}

export const sqlSource: QuestionSource<SqlSourceAnswer, SqlKey, SqlAnswer> = {
  section: 'Query',
  countLabel: 'sql',

  read(section, { error }) {
    const counted = errorsCounted(error);
    const report = counted.report;
    const parts = readParts(
      section,
      {
        settings: ['order matters', 'time'],
        parts: ['schema', 'tests', 'hidden tests', 'reference query', 'wrong query'],
      },
      report,
    );
    const order = parts.settings.get('order matters');
    if (!order) report(section.line, 'the "order matters: yes|no" setting is missing');
    else if (order.value !== 'yes' && order.value !== 'no')
      report(order.line, `order matters is "yes" or "no", found "${order.value}"`);
    const limits = readLimits(parts.settings, report);
    const schema = onePart(parts, 'schema', section.line, report);
    const visible = readDatabases(parts, 'tests', section.line, report);
    const hidden = readDatabases(parts, 'hidden tests', section.line, report);
    const reference = onePart(parts, 'reference query', section.line, report);
    const wrong = onePart(parts, 'wrong query', section.line, report);
    for (const [query, name] of [
      [reference, 'reference query'],
      [wrong, 'wrong query'],
    ] as const) {
      const refusal = query === null ? null : refuseQuery(query);
      if (refusal) report(parts.parts.get(name)?.line ?? section.line, `the ${name} would be refused: ${refusal}`);
    }
    checkTestCounts(parts, { visible: visible.length, hidden: hidden.length }, 'test database', section.line, report);
    if (counted.count() > 0 || schema === null || reference === null || wrong === null) return null;
    return { type: 'sql', schema, visible, hidden, reference, wrong, orderMatters: order?.value === 'yes', limits };
  },

  options: () => [],

  key: (answer) => ({
    type: 'sql',
    schema: answer.schema,
    visible: answer.visible,
    hidden: answer.hidden,
    reference: answer.reference,
    orderMatters: answer.orderMatters,
    limits: answer.limits,
  }),

  identity: (answer) => [answer.schema, answer.reference],

  promptAppendix: (answer) =>
    [
      `Write one SQLite SELECT query (${limitsText(answer.limits)}; ${
        answer.orderMatters ? 'the order of the rows matters' : 'rows in any order'
      }). The tables:`,
      '',
      '```sql',
      answer.schema,
      '```',
      '',
      ...answer.visible.flatMap((t) => [`Example data (${t.name}):`, '', '```sql', t.seed, '```', '']),
      `Your answer is scored on ${answer.hidden.length} hidden databases with the same tables.`,
    ].join('\n'),

  gift: notInGift("SQL questions run the candidate's query against hidden databases; GIFT has no such type"),

  blind: blindSource('sql', 'Write the query; it is checked against the hidden databases.'),
};

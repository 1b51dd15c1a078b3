/**
 * Code in a question file: `### Code` with `function:` (and optional `time:`, `memory:`), then
 * `#### Starter`, `#### Tests` (shown), `#### Hidden tests` (scored), `#### Reference solution`
 * and `#### Wrong solution` (bank:check runs both). A test is a list item
 * `` - `name(args)` → `expected` `` with JSON arguments and result, or an assertion test: a list
 * item naming it, followed by a fenced js block run after the candidate's code.
 */
import type { SourceLine } from '../../bank/types';
import { type CallTest, type CodeTest, isAssertionTest, type JsonValue, type Limits } from '../../grading/types';
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
import type { CodeAnswer, CodeKey } from './rules';

export interface CodeSourceAnswer {
  type: 'code';
  functionName: string;
  starter: string;
  visible: CodeTest[];
  hidden: CodeTest[];
  reference: string;
  wrong: string;
  limits: Limits;
}

const identifier = /^[A-Za-z_$][\w$]*$/;
const testPattern = /^[-*]\s+`([A-Za-z_$][\w$]*)\((.*)\)`\s*(?:→|=>|->)\s*`(.+)`\s*$/;

const assertionHint =
  'a test is a list item like - `add(1, 2)` → `3` (arguments and result written as JSON), or a list item naming an assertion test followed by a fenced js block';

/**
 * The tests of a `#### Tests` or `#### Hidden tests` part, each checked against the function's
 * name: call items, and assertion tests (a named item followed by its fenced snippet).
 */
function readTests(
  parts: SectionParts,
  name: 'tests' | 'hidden tests',
  functionName: string,
  sectionLine: number,
  error: LineReport,
): CodeTest[] {
  const listed = listedTests(parts, name, sectionLine, error);
  if (!listed) return [];
  const tests: CodeTest[] = [];
  for (const { item, text, blocks } of listed.items) {
    const call = testPattern.exec(item.text.trim());
    if (call) {
      if (blocks.length > 0)
        error(blocks[0]?.line ?? item.line, 'a call test has no code block; an assertion test names itself');
      const test = callTest(call, item, functionName, error);
      if (test) tests.push(test);
      continue;
    }
    if (blocks.length !== 1) {
      error(item.line, assertionHint);
      continue;
    }
    const snippet = blocks[0]?.code ?? '';
    if (!new RegExp(`(^|[^\\w$])${functionName.replaceAll('$', '\\$')}([^\\w$]|$)`).test(snippet)) {
      error(item.line, `the assertion test never names ${functionName}`);
      continue;
    }
    tests.push({ name: text, snippet });
  }
  for (const l of listed.otherLines) error(l.line, assertionHint);
  const stray = listed.strayBlocks[0];
  if (stray) error(stray.line, 'a code block belongs to the list item naming its assertion test, above it');
  return tests;
}

function callTest(match: RegExpExecArray, l: SourceLine, functionName: string, error: LineReport): CallTest | null {
  const [, called = '', argsText = '', expectedText = ''] = match;
  if (called !== functionName) error(l.line, `the test calls ${called}, but the function is ${functionName}`);
  const args = json(`[${argsText}]`, l, 'the arguments', error);
  const expected = json(expectedText, l, 'the expected result', error);
  return Array.isArray(args) && expected !== undefined ? { name: `${called}(${argsText})`, args, expected } : null;
}

function json(text: string, l: SourceLine, what: string, error: LineReport): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    error(l.line, `${what} are not valid JSON: ${text}`.replace('result are', 'result is'));
    return undefined;
  }
}

export const codeSource: QuestionSource<CodeSourceAnswer, CodeKey, CodeAnswer> = {
  section: 'Code',
  countLabel: 'code',

  read(section, { error }) {
    const before = errorsCounted(error);
    const parts = readParts(
      section,
      {
        settings: ['function', 'time', 'memory'],
        parts: ['starter', 'tests', 'hidden tests', 'reference solution', 'wrong solution'],
      },
      before.report,
    );
    const fn = parts.settings.get('function');
    const functionName = fn?.value ?? '';
    if (!fn) before.report(section.line, 'the "function:" setting is missing: the name the tests call');
    else if (!identifier.test(functionName))
      before.report(fn.line, `"${functionName}" is not a JavaScript function name`);
    const limits = readLimits(parts.settings, before.report);
    const starter = onePart(parts, 'starter', section.line, before.report);
    const visible = readTests(parts, 'tests', functionName, section.line, before.report);
    const hidden = readTests(parts, 'hidden tests', functionName, section.line, before.report);
    const reference = onePart(parts, 'reference solution', section.line, before.report);
    const wrong = onePart(parts, 'wrong solution', section.line, before.report);
    checkTestCounts(parts, { visible: visible.length, hidden: hidden.length }, 'test', section.line, before.report);
    if (before.count() > 0 || starter === null || reference === null || wrong === null) return null;
    return { type: 'code', functionName, starter, visible, hidden, reference, wrong, limits };
  },

  options: () => [],

  key: (answer) => ({
    type: 'code',
    functionName: answer.functionName,
    visible: answer.visible,
    hidden: answer.hidden,
    reference: answer.reference,
    limits: answer.limits,
  }),

  identity: (answer) => [answer.functionName, answer.hidden],

  promptAppendix: (answer) =>
    [
      `Write the function \`${answer.functionName}\` in JavaScript (${limitsText(answer.limits)}). Start from:`,
      '',
      '```js',
      answer.starter,
      '```',
      '',
      'Examples:',
      '',
      ...answer.visible.flatMap((t) =>
        isAssertionTest(t)
          ? [`- ${t.name}:`, '', '  ```js', ...t.snippet.split('\n').map((line) => `  ${line}`), '  ```', '']
          : [`- \`${t.name}\` returns \`${JSON.stringify(t.expected)}\``],
      ),
      '',
      ...(answer.visible.some(isAssertionTest)
        ? [
            "A test written as code runs after yours; `assert(condition, message)` and `assertEqual(actual, expected)` are the grader's and fail the test when the check does not hold.",
            '',
          ]
        : []),
      `Your answer is scored by ${answer.hidden.length} hidden tests.`,
    ].join('\n'),

  gift: notInGift("code questions run the candidate's code against hidden tests; GIFT has no such type"),

  blind: blindSource('code', 'Write the function; it is checked against the hidden tests.'),
};

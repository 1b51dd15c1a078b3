/**
 * Code in a question file: `### Code` with `function:` (and optional `time:`, `memory:`), then
 * `#### Starter`, `#### Tests` (shown), `#### Hidden tests` (scored), `#### Reference solution`
 * and `#### Wrong solution` (bank:check runs both). A test is a list item
 * `` - `name(args)` → `expected` `` with JSON arguments and result, or an assertion test: a list
 * item naming it, followed by a fenced js block run after the candidate's code.
 */
import { nonBlank } from '../../bank/sections';
import type { SourceLine } from '../../bank/types';
import { type CallTest, type CodeTest, isAssertionTest, type JsonValue, type Limits } from '../../grading/types';
import {
  errorsCounted,
  fencedBlocks,
  limitsText,
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
  name: string,
  functionName: string,
  sectionLine: number,
  error: LineReport,
): CodeTest[] {
  const part = parts.parts.get(name);
  if (!part) {
    error(sectionLine, `the "#### ${name === 'tests' ? 'Tests' : 'Hidden tests'}" part is missing`);
    return [];
  }
  const { blocks, outside } = fencedBlocks(part.lines);
  const items = nonBlank(outside);
  const tests: CodeTest[] = [];
  items.forEach((l, i) => {
    const next = items[i + 1]?.line ?? Number.POSITIVE_INFINITY;
    const own = blocks.filter((b) => b.line > l.line && b.line < next);
    const call = testPattern.exec(l.text.trim());
    if (call) {
      if (own.length > 0)
        error(own[0]?.line ?? l.line, 'a call test has no code block; an assertion test names itself');
      const test = callTest(call, l, functionName, error);
      if (test) tests.push(test);
      return;
    }
    const item = /^[-*]\s+(.+)$/.exec(l.text.trim());
    if (!item || own.length !== 1) {
      error(l.line, assertionHint);
      return;
    }
    const snippet = own[0]?.code ?? '';
    if (!new RegExp(`(^|[^\\w$])${functionName.replaceAll('$', '\\$')}([^\\w$]|$)`).test(snippet)) {
      error(l.line, `the assertion test never names ${functionName}`);
      return;
    }
    tests.push({ name: item[1] ?? '', snippet });
  });
  const stray = blocks.find((b) => !items.some((l) => l.line < b.line));
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
    if (parts.parts.has('tests') && visible.length === 0) before.report(section.line, 'give at least one visible test');
    if (parts.parts.has('hidden tests') && hidden.length < 5) {
      before.report(
        parts.parts.get('hidden tests')?.line ?? section.line,
        `give at least 5 hidden tests, found ${hidden.length}`,
      );
    }
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

  gift: {
    answerLines: () => [],
    writtenAs: null,
    skipped: "code questions run the candidate's code against hidden tests; GIFT has no such type",
    claims: (_q): _q is never => false,
    convert: () => null,
  },

  blind: {
    instruction: 'Write the function; it is checked against the hidden tests.',
    toAnswer: (written) => ({ type: 'code', source: written }),
    keyOnSheet: (answer) => answer.reference,
  },
};

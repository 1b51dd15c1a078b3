import { afterEach, describe, expect, it } from 'vitest';
import type { QuestionType } from '../../src/engine/question';
import { bypassTemplates } from '../components/filled-template';
import { QuestionTemplates, TestPage, type TestPageView } from './test-page';

const types: QuestionType[] = ['single', 'multiple', 'truefalse', 'text', 'numeric', 'ordering', 'code', 'sql'];

function view(type: QuestionType, over: Partial<TestPageView> = {}): TestPageView {
  return {
    attemptId: 'AbC-123_xyz0123456789a',
    title: 'Backend <engineer> & "friends"',
    position: 2,
    total: 5,
    question: {
      type,
      promptHtml: '<p>Which <code>index</code>?</p><pre tabindex="0">select 1</pre>',
      options: [0, 1, 2].map((index) => ({ index, html: `<p>Option ${index} &amp; more</p>` })),
      runnable: type === 'code' ? JSON.stringify({ examples: [{ input: '<1>', expected: "'2'" }] }) : null,
      checked: new Set(['1']),
      text: type === 'code' ? 'function f(a) { return a < 2 && "x"; }' : '',
      positions: ['2', '', '1'],
    },
    seq: 7,
    flagged: true,
    navigator: [0, 1, 2, 3, 4].map((position) => ({
      position,
      answered: position % 2 === 0,
      flagged: position === 1 || position === 2,
    })),
    remainingSeconds: 1234,
    closesInSeconds: 1239,
    adaptive: false,
    report: { attemptId: 'AbC-123_xyz0123456789a', position: 2, sent: null },
    ...over,
  };
}

const reports: Record<string, TestPageView['report']> = {
  blank: { attemptId: 'AbC-123_xyz0123456789a', position: 2, sent: null },
  sent: { attemptId: 'AbC-123_xyz0123456789a', position: 2, sent: { reason: 'unclear', body: 'a <b> & "c"' } },
  refused: {
    attemptId: 'AbC-123_xyz0123456789a',
    position: 2,
    sent: null,
    draft: { reason: 'other', body: '' },
    error: 'Say what is wrong.',
  },
};

/** The same markup twice, from the filled templates (after a first render filled them) and fresh. */
function bothWays(render: () => unknown) {
  String(render());
  const filled = String(render());
  bypassTemplates(true);
  const fresh = String(render());
  bypassTemplates(false);
  return { filled, fresh };
}

afterEach(() => bypassTemplates(false));

describe('the test page rendered from filled templates', () => {
  it('is byte for byte a fresh render, for every question type and report state', () => {
    for (const type of types) {
      for (const [state, report] of Object.entries(reports)) {
        const { filled, fresh } = bothWays(() => TestPage({ view: view(type, { report }) }));
        expect(filled, `${type}, report ${state}`).toBe(fresh);
        expect(filled).toContain('aria-current="step"');
      }
    }
  });

  it('is byte for byte a fresh render in a preview, whose links carry query strings to escape', () => {
    const preview = { href: (p: number) => `/app/preview?q=${p}&from="bank"`, exitHref: '/app/bank?a=1&b=2' };
    const { filled, fresh } = bothWays(() => TestPage({ view: view('single', { preview, report: undefined }) }));
    expect(filled).toBe(fresh);
    expect(filled).toContain('href="/app/preview?q=3&amp;from=&quot;bank&quot;"');
  });

  it('is byte for byte a fresh render in the question templates attempt.js keeps', () => {
    const items = types.map((type, position) => ({
      position,
      question: view(type).question,
      seq: position,
      answered: position % 2 === 1,
      flagged: position === 3,
      report: reports[position % 2 ? 'blank' : 'sent'] ?? { attemptId: 'x', position, sent: null },
    }));
    const { filled, fresh } = bothWays(() => QuestionTemplates({ total: types.length, items }));
    expect(filled).toBe(fresh);
  });

  it('puts each page its own values: no attempt id or position is kept from an earlier page', () => {
    const first = String(TestPage({ view: view('single') }));
    const other = view('single', {
      attemptId: 'OtherAttempt0123456789',
      position: 4,
      report: { attemptId: 'OtherAttempt0123456789', position: 4, sent: null },
    });
    const second = String(TestPage({ view: other }));
    expect(first).toContain('/attempts/AbC-123_xyz0123456789a/reports');
    expect(second).toContain('/attempts/OtherAttempt0123456789/reports');
    expect(second).toContain('id="report-title-4"');
    expect(second).not.toContain('AbC-123_xyz0123456789a');
    expect(second).toContain(
      'href="/attempts/OtherAttempt0123456789?q=4" class="answered current" aria-label="Question 5, answered" aria-current="step"',
    );
  });
});

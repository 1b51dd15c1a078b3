import { describe, expect, it } from 'vitest';
import type { AnswerKey, QuestionOption } from '../engine/question';
import { readRegradeForm } from './regrade-form';

const options: QuestionOption[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, html: id.toUpperCase() }));
const question = (answerKey: AnswerKey) => ({ answerKey, options });

describe('readRegradeForm', () => {
  it('reads full credit and drop with a trimmed note', () => {
    const single = question({ type: 'single', correct: 'a' });
    expect(readRegradeForm({ kind: 'full_credit', note: '  typo in the key ' }, single)).toMatchObject({
      ok: true,
      change: { kind: 'full_credit' },
      note: 'typo in the key',
    });
    expect(readRegradeForm({ kind: 'drop' }, single)).toMatchObject({ ok: true, change: { kind: 'drop' } });
  });

  it('reads an additional answer per type, parsed by the type', () => {
    expect(
      readRegradeForm({ kind: 'accept_answer', accept: 'c' }, question({ type: 'single', correct: 'a' })),
    ).toMatchObject({ ok: true, change: { kind: 'accept_answer', answer: { type: 'single', choice: 'c' } } });
    expect(
      readRegradeForm(
        { kind: 'accept_answer', accept: ['b', 'd'] },
        question({ type: 'multiple', correct: ['a', 'b'] }),
      ),
    ).toMatchObject({ ok: true, change: { answer: { type: 'multiple', choices: ['b', 'd'] } } });
    expect(
      readRegradeForm({ kind: 'accept_answer', accept: 'false' }, question({ type: 'truefalse', correct: true })),
    ).toMatchObject({ ok: true, change: { answer: { type: 'truefalse', value: false } } });
    expect(
      readRegradeForm(
        { kind: 'accept_answer', acceptText: ' color ' },
        question({ type: 'text', accepted: ['colour'] }),
      ),
    ).toMatchObject({ ok: true, change: { answer: { type: 'text', text: 'color' } } });
    expect(
      readRegradeForm(
        { kind: 'accept_answer', acceptText: '3.5' },
        question({ type: 'numeric', value: 3, tolerance: 0 }),
      ),
    ).toMatchObject({ ok: true, change: { answer: { type: 'numeric', value: 3.5 } } });
  });

  it('refuses what cannot be a regrade, keeping the values for the form', () => {
    const single = question({ type: 'single', correct: 'a' });
    expect(readRegradeForm({}, single)).toMatchObject({ ok: false, error: 'Choose how to regrade the question.' });
    expect(readRegradeForm({ kind: 'regrade_everything' }, single)).toMatchObject({ ok: false });
    expect(readRegradeForm({ kind: 'accept_answer' }, single)).toMatchObject({
      ok: false,
      error: 'Give the answer to accept besides the key.',
    });
    expect(readRegradeForm({ kind: 'accept_answer', accept: ['b', 'c'] }, single)).toMatchObject({
      ok: false,
      error: 'Choose one option: a single-choice answer is one option.',
    });
    expect(readRegradeForm({ kind: 'accept_answer', accept: 'z' }, single)).toMatchObject({
      ok: false,
      error: 'That option is not part of this question.',
      values: { options: ['z'] },
    });
    expect(readRegradeForm({ kind: 'accept_answer', accept: 'a' }, single)).toMatchObject({
      ok: false,
      error: 'That answer already earns full credit under the key: choose another one.',
    });
    expect(
      readRegradeForm(
        { kind: 'accept_answer', acceptText: '1,5' },
        question({ type: 'numeric', value: 3, tolerance: 0 }),
      ),
    ).toMatchObject({ ok: false, error: 'Use a dot (.) as the decimal separator, for example 1.5.' });
    expect(
      readRegradeForm({ kind: 'accept_answer', accept: 'a' }, question({ type: 'ordering', order: ['a', 'b'] })),
    ).toMatchObject({ ok: false, error: expect.stringContaining('give full credit or drop this one') });
    expect(readRegradeForm({ kind: 'drop', note: 'x'.repeat(1001) }, single)).toMatchObject({ ok: false });
  });
});

import { describe, expect, it } from 'vitest';
import type { QuestionOption } from '../engine/question';
import { answerFromForm, type FormQuestion, formStateOf, isAnswered } from './answer-form';

const options: QuestionOption[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, html: `Option ${id}` }));
const single: FormQuestion = { type: 'single', options, optionOrder: ['c', 'a', 'd', 'b'] };
const multiple: FormQuestion = { type: 'multiple', options, optionOrder: ['d', 'c', 'b', 'a'] };
const ordering: FormQuestion = { type: 'ordering', options: options.slice(0, 3), optionOrder: ['b', 'c', 'a'] };

describe('answer forms', () => {
  it('maps display positions to option ids through the recorded shuffle', () => {
    expect(answerFromForm(single, { choice: '0' })).toEqual({ ok: true, answer: { type: 'single', choice: 'c' } });
    expect(answerFromForm(multiple, { choices: ['0', '3'] })).toEqual({
      ok: true,
      answer: { type: 'multiple', choices: ['d', 'a'] },
    });
  });

  it('refuses positions that are not on the page', () => {
    const result = answerFromForm(single, { choice: '7' });
    expect(result.ok).toBe(false);
    expect(answerFromForm(single, { choice: 'a' }).ok).toBe(false);
    expect(answerFromForm(multiple, { choices: ['1', '1'] }).ok).toBe(false);
  });

  it('reads orderings from per-item positions and insists on a permutation', () => {
    // displayed b, c, a; the candidate says a is first, b second, c third
    expect(answerFromForm(ordering, { pos_0: '2', pos_1: '3', pos_2: '1' })).toEqual({
      ok: true,
      answer: { type: 'ordering', order: ['a', 'b', 'c'] },
    });
    const dup = answerFromForm(ordering, { pos_0: '1', pos_1: '1', pos_2: '2' });
    expect(dup).toEqual({ ok: false, error: 'Give each item its own position, from 1 to 3.' });
  });

  it('treats empty fields as a cleared answer', () => {
    expect(answerFromForm({ type: 'text', options: [], optionOrder: null }, { text: '   ' })).toEqual({
      ok: true,
      answer: null,
    });
    expect(answerFromForm({ type: 'numeric', options: [], optionOrder: null }, {})).toEqual({ ok: true, answer: null });
  });

  it('explains a number it cannot read', () => {
    const r = answerFromForm({ type: 'numeric', options: [], optionOrder: null }, { number: '1,5' });
    expect(r.ok).toBe(false);
  });

  it('turns saved answers back into form state', () => {
    expect([...formStateOf(single, { type: 'single', choice: 'b' }).checked]).toEqual(['3']);
    expect(formStateOf(ordering, { type: 'ordering', order: ['a', 'b', 'c'] }).positions).toEqual(['2', '3', '1']);
    expect(isAnswered({ type: 'multiple', choices: [] })).toBe(false);
    expect(isAnswered({ type: 'truefalse', value: false })).toBe(true);
  });
});

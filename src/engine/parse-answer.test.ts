import { describe, expect, it } from 'vitest';
import { maxTextAnswerLength } from '../question-types/text/rules';
import { parseAnswer } from './parse-answer';

const ids = ['a', 'b', 'c', 'd'];

describe('parseAnswer: what the candidate’s form sent', () => {
  it('single: one of the question’s option ids', () => {
    expect(parseAnswer('single', 'c', ids)).toEqual({ ok: true, answer: { type: 'single', choice: 'c' } });
    expect(parseAnswer('single', 'z', ids)).toEqual({ ok: false, error: 'That option is not part of this question.' });
    expect(parseAnswer('single', undefined, ids)).toEqual({ ok: false, error: 'Choose one option.' });
    expect(parseAnswer('single', ['a', 'b'], ids)).toEqual({ ok: false, error: 'Choose only one option.' });
  });

  it('multiple: a subset of the option ids, possibly empty, without repeats', () => {
    expect(parseAnswer('multiple', ['a', 'c'], ids)).toEqual({
      ok: true,
      answer: { type: 'multiple', choices: ['a', 'c'] },
    });
    expect(parseAnswer('multiple', 'b', ids)).toEqual({ ok: true, answer: { type: 'multiple', choices: ['b'] } });
    expect(parseAnswer('multiple', undefined, ids)).toEqual({ ok: true, answer: { type: 'multiple', choices: [] } });
    expect(parseAnswer('multiple', ['a', 'a'], ids)).toMatchObject({ ok: false });
    expect(parseAnswer('multiple', ['a', 'x'], ids)).toMatchObject({ ok: false });
  });

  it('truefalse: the words true or false', () => {
    expect(parseAnswer('truefalse', 'false')).toEqual({ ok: true, answer: { type: 'truefalse', value: false } });
    expect(parseAnswer('truefalse', 'true')).toEqual({ ok: true, answer: { type: 'truefalse', value: true } });
    expect(parseAnswer('truefalse', 'yes')).toEqual({ ok: false, error: 'Choose true or false.' });
  });

  it(`text: trimmed, at most ${maxTextAnswerLength} characters`, () => {
    expect(parseAnswer('text', '  5432 ')).toEqual({ ok: true, answer: { type: 'text', text: '5432' } });
    expect(parseAnswer('text', 'x'.repeat(200))).toMatchObject({ ok: true });
    expect(parseAnswer('text', 'é'.repeat(200))).toMatchObject({ ok: true });
    expect(parseAnswer('text', 'x'.repeat(201))).toEqual({
      ok: false,
      error: 'Keep the answer to 200 characters or fewer.',
    });
  });

  it('numeric: a finite number with a dot for decimals, and a clear word about commas', () => {
    expect(parseAnswer('numeric', ' 8 ')).toEqual({ ok: true, answer: { type: 'numeric', value: 8 } });
    expect(parseAnswer('numeric', '-1.5')).toEqual({ ok: true, answer: { type: 'numeric', value: -1.5 } });
    expect(parseAnswer('numeric', '.5')).toEqual({ ok: true, answer: { type: 'numeric', value: 0.5 } });
    expect(parseAnswer('numeric', '1e3')).toEqual({ ok: true, answer: { type: 'numeric', value: 1000 } });
    expect(parseAnswer('numeric', '1,5')).toEqual({
      ok: false,
      error: 'Use a dot (.) as the decimal separator, for example 1.5.',
    });
    expect(parseAnswer('numeric', '1,500.0')).toMatchObject({ ok: false });
    expect(parseAnswer('numeric', '')).toEqual({ ok: false, error: 'Enter a number.' });
    for (const bad of ['abc', '0x10', 'Infinity', 'NaN', '1.2.3', '--1']) {
      expect(parseAnswer('numeric', bad)).toMatchObject({ ok: false });
    }
    expect(parseAnswer('numeric', '1e999')).toEqual({ ok: false, error: 'That number is too large.' });
  });

  it('ordering: a permutation of the option ids', () => {
    expect(parseAnswer('ordering', ['c', 'a', 'd', 'b'], ids)).toEqual({
      ok: true,
      answer: { type: 'ordering', order: ['c', 'a', 'd', 'b'] },
    });
    expect(parseAnswer('ordering', ['c', 'a', 'd'], ids)).toMatchObject({ ok: false });
    expect(parseAnswer('ordering', ['c', 'a', 'd', 'd'], ids)).toMatchObject({ ok: false });
    expect(parseAnswer('ordering', ['c', 'a', 'd', 'x'], ids)).toMatchObject({ ok: false });
  });
});

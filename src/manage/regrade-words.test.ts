import { describe, expect, it } from 'vitest';
import { acceptedAnswerWords, regradeWords } from './regrade-words';

const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, html: `<p>${id}</p>` }));

describe('regradeWords', () => {
  it('names the kind, and an accepted answer by letters in the author order, true/false, or its text', () => {
    expect(regradeWords('drop', null, options)).toBe('Drop the question from scoring');
    expect(regradeWords('accept_answer', { type: 'single', choice: 'c' }, options)).toBe(
      'Accept an additional answer: C',
    );
    expect(acceptedAnswerWords({ type: 'multiple', choices: ['b', 'd'] }, options)).toBe('B and D');
    expect(acceptedAnswerWords({ type: 'truefalse', value: false }, [])).toBe('False');
    expect(acceptedAnswerWords({ type: 'text', text: 'color' }, [])).toBe('"color"');
    expect(acceptedAnswerWords({ type: 'numeric', value: 3.5 }, [])).toBe('3.5');
  });
});

import { describe, expect, it } from 'vitest';
import type { StatisticsResponse } from '../db/item-statistics';
import type { AnswerKey, QuestionOption } from '../engine/question';
import { assessmentStatistics, choiceOptions, chosenOptions, optionLabel } from './item-statistics';
import { itemStatisticsCsv } from './item-statistics-csv';
import { reliabilitySentence } from './statistics-words';

const options: QuestionOption[] = [
  { id: 'a', html: '=HYPERLINK("http://evil.example")' },
  { id: 'b', html: '<code>right</code>' },
  { id: 'c', html: 'other' },
];
const key: AnswerKey = { type: 'single', correct: 'b' };

function row(attemptId: string, over: Partial<StatisticsResponse> = {}): StatisticsResponse {
  return {
    attemptId,
    assessmentVersion: 1,
    scorePercent: 50,
    questionId: 'q-single',
    questionVersion: 1,
    area: 'alpha',
    type: 'single',
    timeWeight: 1,
    options,
    answerKey: key,
    answer: { type: 'single', choice: 'b' },
    credit: 1,
    timeSpentMs: 4000,
    ...over,
  };
}

describe('choices', () => {
  it('reads the options an answer chose, for the types that have options', () => {
    expect(chosenOptions({ type: 'single', choice: 'c' })).toEqual(['c']);
    expect(chosenOptions({ type: 'multiple', choices: ['a', 'c'] })).toEqual(['a', 'c']);
    expect(chosenOptions({ type: 'truefalse', value: false })).toEqual(['false']);
    expect(chosenOptions({ type: 'text', text: 'x' })).toBeNull();
    expect(chosenOptions({ type: 'ordering', order: ['a', 'b'] })).toBeNull();
    expect(chosenOptions(null)).toBeNull();
  });

  it("marks the key's options, true/false as two options", () => {
    expect(choiceOptions(options, key)).toEqual([
      { id: 'a', keyed: false },
      { id: 'b', keyed: true },
      { id: 'c', keyed: false },
    ]);
    expect(choiceOptions(options, { type: 'multiple', correct: ['a', 'c'] })?.map((o) => o.keyed)).toEqual([
      true,
      false,
      true,
    ]);
    expect(choiceOptions([], { type: 'truefalse', correct: false })).toEqual([
      { id: 'true', keyed: false },
      { id: 'false', keyed: true },
    ]);
    expect(choiceOptions([], { type: 'numeric', value: 1, tolerance: 0 })).toBeNull();
  });

  it("names options by their letter in the author's order", () => {
    expect(optionLabel({ options }, 'c')).toBe('C');
    expect(optionLabel({ options }, 'true')).toBe('True');
    expect(optionLabel({ options }, 'zz')).toBe('zz');
  });
});

describe('assessmentStatistics', () => {
  const rows = [
    row('t1'),
    row('t1', {
      questionId: 'q-tf',
      type: 'truefalse',
      options: [],
      answerKey: { type: 'truefalse', correct: true },
      answer: null,
      credit: null,
      timeSpentMs: null,
    }),
    row('t2', { scorePercent: 0, answer: { type: 'single', choice: 'a' }, credit: 0, assessmentVersion: 2 }),
    row('t2', {
      questionId: 'q-tf',
      type: 'truefalse',
      options: [],
      answerKey: { type: 'truefalse', correct: true },
      answer: { type: 'truefalse', value: false },
      credit: 0,
    }),
    // An edited question is another item; a stored credit missing is recomputed from the key.
    row('t3', { questionVersion: 2, credit: null, scorePercent: 100 }),
  ];

  it('makes one item per question version, each attempt a taker, unanswered as credit 0', () => {
    const stats = assessmentStatistics(rows);
    expect([...stats.meta.keys()]).toEqual(['q-single@1', 'q-tf@1', 'q-single@2']);
    expect(stats.analysis.attempts).toBe(3);
    const tf = stats.analysis.items.find((i) => i.itemId === 'q-tf@1');
    expect(tf).toMatchObject({ drawn: 2, answered: 1, facility: 0 });
    expect(tf?.options?.map((o) => [o.id, o.count])).toEqual([
      ['true', 0],
      ['false', 1],
    ]);
    expect(stats.analysis.items.find((i) => i.itemId === 'q-single@2')?.facility).toBe(1);
    expect(stats.recordedScores).toEqual([50, 0, 100]);
    expect(stats.itemCounts).toEqual([2, 2, 1]);
    expect(stats.dichotomous).toBe(true);
    expect(stats.assessmentVersions).toEqual([1, 2]);
  });

  it('knows partial credit is not KR-20 data', () => {
    expect(assessmentStatistics([row('t1', { credit: 0.5 })]).dichotomous).toBe(false);
  });
});

describe('itemStatisticsCsv', () => {
  it('writes a record per item with its options, and keeps formula-like text as text', () => {
    const stats = assessmentStatistics([row('t1'), row('t2', { answer: { type: 'single', choice: 'a' }, credit: 0 })]);
    const csv = itemStatisticsCsv(stats.analysis.items, stats.meta, { alpha: 'Alpha area' });
    const [header, first] = csv.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe(
      'question_id,question_version,area,type,attempts_drawn,responses,facility,discrimination,unanswered_share,mean_time_seconds,flags,' +
        ['1', '2', '3']
          .map(
            (n) => `option_${n}_label,option_${n}_text,option_${n}_keyed,option_${n}_share,option_${n}_discrimination`,
          )
          .join(','),
    );
    expect(first).toBe(
      `q-single,1,Alpha area,single,2,2,0.5,,0,4,,A,"'=HYPERLINK(""http://evil.example"")",false,0.5,,B,right,true,0.5,,C,other,false,0,`,
    );
  });
});

describe('reliabilitySentence', () => {
  it('puts the SEM in a sentence, with twice it for nineteen times in twenty', () => {
    expect(reliabilitySentence({ alpha: 0.84, sem: 6.04, k: 20, design: 'fixed' })).toBe(
      'Alpha 0.84 is good: the questions agree well on who is stronger. With this reliability a score is usually (about two times in three) within ±6 points of the score the same candidate would average over many similar tests, and within ±12.1 points nineteen times in twenty.',
    );
    expect(reliabilitySentence({ alpha: -0.2, sem: 10, k: 5, design: 'random' })).toContain('Alpha −0.20 is very low');
    expect(reliabilitySentence({ alpha: null, sem: null, k: 1, design: 'fixed' })).toContain('at least two');
  });
});

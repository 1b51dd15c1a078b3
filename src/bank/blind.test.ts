import { describe, expect, it } from 'vitest';
import { blindSheet, gradeBlind, parseBlindAnswers } from './blind';
import { compileQuestion } from './compile';
import { loadBankFiles } from './load';
import type { SourceQuestion } from './types';
import { checkBank } from './validate';

const { questions } = checkBank(await loadBankFiles('src/bank/fixtures/questions'));
const compiled = await Promise.all(
  questions.map(async (source) => ({ source, compiled: await compileQuestion(source) })),
);
const sheet = blindSheet(questions);

/** The letter a question's choice got on the sheet, read back from the sheet's text as a reviewer would. */
function letterOnSheet(q: SourceQuestion, text: string): string {
  const block = sheet.slice(sheet.indexOf(`## ${q.id}\n`)).split('\n## ')[0] ?? '';
  const line = block.split('\n').find((l) => l.endsWith(`) ${text}`));
  return /^- \(([a-z])\)/u.exec(line ?? '')?.[1] ?? '?';
}

/** What a reviewer who knows every answer writes, derived from the source and the sheet alone. */
function rightAnswer(q: SourceQuestion): string {
  const a = q.answer;
  switch (a.type) {
    case 'single':
    case 'multiple':
      return a.options
        .filter((o) => o.correct)
        .map((o) => letterOnSheet(q, o.text))
        .join(', ');
    case 'ordering':
      return a.items.map((i) => letterOnSheet(q, i.text)).join(',');
    case 'truefalse':
      return String(a.correct);
    case 'text':
      return ` ${(a.accepted[0] ?? '').toUpperCase()} `;
    case 'numeric':
      return String(a.value + a.tolerance / 2);
    case 'code':
    case 'sql':
      return a.reference;
  }
}

describe('blindSheet', () => {
  it('shows every question with its choices and no key or explanation', () => {
    expect(questions.length).toBeGreaterThanOrEqual(6);
    for (const q of questions) expect(sheet).toContain(`## ${q.id}\ntype: ${q.type}`);
    expect(sheet).not.toMatch(/\[x\]|\[ \]|### /u);
    for (const q of questions) expect(sheet).not.toContain(q.explanationMd.trim().slice(0, 40));
    expect(blindSheet(questions)).toBe(sheet);
  });

  it('does not show ordering items in their correct order', () => {
    const ordering = questions.find((q) => q.answer.type === 'ordering');
    expect(ordering && rightAnswer(ordering)).not.toMatch(/^a,b,c/u);
  });
});

describe('gradeBlind', () => {
  it('agrees with a reviewer who gives the right answers, whatever the sheet order', () => {
    const answers = parseBlindAnswers(questions.map((q) => `${q.id}: ${rightAnswer(q)}`).join('\n'));
    const grade = gradeBlind(compiled, answers);
    expect(grade.unanswered).toEqual([]);
    expect(grade.verdicts.map((v) => [v.id, v.credit])).toEqual(questions.map((q) => [q.id, 1]));
  });

  it('lists disagreements with the key as the sheet shows it, comments, unanswered and unknown ids', () => {
    const [first, second, ...rest] = questions;
    if (!first || !second) throw new Error('fixture too small');
    const wrongFirst = first.answer.type === 'truefalse' ? String(!first.answer.correct) : 'zz';
    const text = [
      '# my answers',
      `${first.id}: ${wrongFirst} # two options look right`,
      ...rest.map((q) => `${q.id}: ${rightAnswer(q)}`),
      'no-such-question: a',
    ].join('\n');
    const grade = gradeBlind(compiled, parseBlindAnswers(text));
    const disagreements = grade.verdicts.filter((v) => v.credit < 1);
    expect(disagreements).toEqual([
      {
        id: first.id,
        credit: 0,
        given: wrongFirst,
        key: rightAnswer(first).replace(/ /gu, ''),
        comment: 'two options look right',
      },
    ]);
    expect(grade.unanswered).toEqual([second.id]);
    expect(grade.unknown.map((a) => [a.id, a.line])).toEqual([['no-such-question', rest.length + 3]]);
  });
});

/**
 * Item and test statistics in plain words, for the statistics pages and the CSV alike, so the two
 * never word a figure differently.
 */
import type { ItemFlag, Reliability } from '../engine/item-analysis';

/** What each flag asks the reader to look at; `label` names an option as the page shows it ("B"). */
export function flagWords(flag: ItemFlag, label: (optionId: string) => string): string {
  switch (flag.kind) {
    case 'negative-discrimination':
      return 'Stronger candidates get this wrong more often than weaker ones: check the key and the wording.';
    case 'low-discrimination':
      return 'Barely tells stronger from weaker candidates apart.';
    case 'distractor-draws-strong':
      return `Wrong option ${label(flag.optionId)} is chosen more by stronger candidates than by weaker ones: it may be right too, or the question misleads.`;
    case 'too-easy':
      return 'Almost everyone gets this right: it says little about who is stronger.';
    case 'too-hard':
      return 'Almost nobody gets this right: check the key, or whether it is too hard for this test.';
  }
}

/**
 * How alpha reads, by the usual rules of thumb: 0.9 and up for decisions about one person, 0.8
 * as the common aim, below 0.7 too noisy to rank people on (Nunnally & Bernstein, Psychometric
 * Theory, 3rd ed., 1994, p. 265; George & Mallery's bands).
 */
export function alphaWords(alpha: number): string {
  if (alpha >= 0.9) return 'excellent: the questions agree closely on who is stronger';
  if (alpha >= 0.8) return 'good: the questions agree well on who is stronger';
  if (alpha >= 0.7) return 'acceptable for screening, short of the 0.8 usually asked for decisions about one person';
  if (alpha >= 0.5) return 'low: the questions agree only loosely, so scores rank candidates with a lot of noise';
  return 'very low: the questions do not agree on who is stronger, so scores say little beyond luck';
}

const points = (n: number) => `${Math.round(n * 10) / 10}`;

/** The one line under alpha and the SEM: what they mean for a candidate's score. */
export function reliabilitySentence(reliability: Reliability): string {
  const { alpha, sem } = reliability;
  if (alpha === null || sem === null) {
    return 'Reliability needs at least two finished attempts whose scores differ, on tests of two or more questions.';
  }
  const draw =
    reliability.design === 'random'
      ? ' Candidates drew different questions, so the luck of the draw counts in that margin.'
      : '';
  return (
    `Alpha ${alpha.toFixed(2).replace('-', '−')} is ${alphaWords(alpha)}. With this reliability a score is usually (about two times in three) ` +
    `within ±${points(sem)} points of the score the same candidate would average over many similar tests, ` +
    `and within ±${points(2 * sem)} points nineteen times in twenty.${draw}`
  );
}

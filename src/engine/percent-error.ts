/**
 * One standard error of a percent score, in percent points: 100·√(p(1−p)/n) for n questions,
 * with p taken as (correct + 1)/(n + 2) (Laplace's rule), so that 0 % and 100 % still carry a
 * margin instead of a false ±0. About two retakes in three of a similar test would land within
 * ± one standard error. Null when there are no questions.
 */
export function percentStandardError(percent: number, questions: number): number | null {
  if (!(questions > 0)) return null;
  const correct = (percent / 100) * questions;
  const p = (correct + 1) / (questions + 2);
  return 100 * Math.sqrt((p * (1 - p)) / questions);
}

/**
 * Online calibration of the practice bank. Authored difficulty is a guess; once an item has
 * enough practice answers, its 2PL parameters come from how takers of known ability (the
 * adaptive test's estimate) actually did, and until then, or after its text changes, from the
 * prior of its authored difficulty. Item statistics are refreshed for every item with answers.
 */
import type { Db } from '../db/client';
import {
  type CalibrationWrite,
  calibrationResponses,
  calibrationTargets,
  lastCalibrationAt,
  practiceExposures,
  saveCalibration,
} from '../db/practice';
import { calibrateItem, itemStatistics, minResponsesForCalibration } from '../engine/calibrate';
import { priorFromDifficulty } from '../engine/irt';

/** Calibration reads every practice answer: once an hour is plenty for parameters that move slowly. */
export const calibrationIntervalMs = 3600 * 1000;

/** Items whose parameters changed by less than this keep their row untouched. */
const epsilon = 1e-6;

/**
 * Recalibrates every active item. Returns how many items now have parameters from data. The
 * ability criterion includes the item itself (as online calibration in adaptive testing does);
 * with 15 to 25 items per session the bias is small, and the prior keeps small samples sane.
 */
export async function calibratePracticeBank(db: Db, now: number): Promise<number> {
  const [responses, targets, exposures] = await Promise.all([
    calibrationResponses(db),
    calibrationTargets(db),
    practiceExposures(db),
  ]);
  const byItem = new Map<string, { theta: number; score: number; timeMs: number }[]>();
  for (const r of responses) {
    const list = byItem.get(r.questionId) ?? [];
    list.push({ theta: r.theta, score: r.score, timeMs: r.timeMs });
    byItem.set(r.questionId, list);
  }
  const write: CalibrationWrite = { params: [], stats: [], now };
  let calibrated = 0;
  for (const target of targets) {
    const data = byItem.get(target.id) ?? [];
    const prior = priorFromDifficulty(target.difficulty);
    const enough = data.length >= minResponsesForCalibration;
    const params = enough ? calibrateItem(data, prior) : prior;
    if (enough) calibrated++;
    const changed = Math.abs(params.a - target.irtA) > epsilon || Math.abs(params.b - target.irtB) > epsilon;
    if (changed || (enough ? target.calibratedAt === null : target.calibratedAt !== null)) {
      write.params.push({ id: target.id, a: params.a, b: params.b, calibratedAt: enough ? now : null });
    }
    if (data.length > 0 || exposures.has(target.id)) {
      const stats = itemStatistics(data.map((d) => ({ score: d.score, criterion: d.theta, timeMs: d.timeMs })));
      write.stats.push({ questionId: target.id, ...stats, exposures: exposures.get(target.id) ?? 0 });
    }
  }
  await saveCalibration(db, write);
  return calibrated;
}

/** Runs the calibration when the last one is older than the interval (the scheduler calls this every minute). */
export async function calibrateWhenDue(db: Db, now: number): Promise<number | null> {
  const last = await lastCalibrationAt(db);
  if (last !== null && now - last < calibrationIntervalMs) return null;
  return calibratePracticeBank(db, now);
}

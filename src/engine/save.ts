/**
 * The sequence rule for saving one response. Each save from the page carries a sequence number
 * that grows with every change, so a retried save is acknowledged again without effect and a
 * save overtaken by a newer one is refused (409) instead of overwriting newer work.
 */
import { rulesFor } from '../question-types/rules';
import type { Answer } from './question';

/** A response as stored, or as sent by the page. A null answer is a cleared response. */
export interface SequencedAnswer {
  seq: number;
  answer: Answer | null;
}

export type SaveDecision = { kind: 'apply' } | { kind: 'duplicate' } | { kind: 'stale' };

/** Sequence numbers are whole numbers from 0 up; anything else is a malformed request (400), not a stale one. */
export function isSequenceNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Decides what to do with an incoming save. Invariant: a save older than the stored sequence
 * changes nothing; the same sequence with the same answer is an idempotent re-ack ('duplicate');
 * the same sequence with a different answer is 'stale' (two writers, the first one wins).
 */
export function decideSave(stored: SequencedAnswer | null, incoming: SequencedAnswer): SaveDecision {
  if (stored === null || incoming.seq > stored.seq) return { kind: 'apply' };
  if (incoming.seq === stored.seq && sameAnswer(stored.answer, incoming.answer)) return { kind: 'duplicate' };
  return { kind: 'stale' };
}

/** Equal answers, by their type's rule: choices of `multiple` compare as sets, everything else exactly (text is not normalized). */
export function sameAnswer(x: Answer | null, y: Answer | null): boolean {
  if (x === null || y === null) return x === y;
  return x.type === y.type && rulesFor(x.type).sameAnswer(x, y);
}

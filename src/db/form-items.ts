/**
 * What the save path needs of an attempt's questions to read a form: each position's question id,
 * type and option ids in display order, cached in memory per attempt. An attempt's items never
 * change once written (a regrade only sets their scoring, adaptive practice only appends, and a
 * position past the cached ones reads the attempt again), so a cached entry can never be stale
 * and the app stays stateless: another process simply reads it once itself.
 *
 * One entry per attempt, read whole at its first save, holding option ids only. Cached per
 * position with the versions' full options (prompt markup included), 50,000 entries covered 2,500
 * candidates of 20 questions: at 4,000 and 6,000 candidates every save missed and ran the full
 * path (bench run 9, part 1). Bounded, so memory does not grow with the attempts ever seen.
 *
 * Attempts of one assessment draw the same few hundred questions in a few dozen option orders, so
 * an item is kept once and shared by every attempt that shows it alike: an attempt costs an array
 * of references. Each row read brings its ids as new strings; kept per attempt, 20 items with
 * their option ids came to about 7 KB, so 8,000 candidates held about 60 MB of copies.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { QuestionOption, QuestionType } from '../engine/question';
import { formItemColumns } from './attempts';
import { boundedCache } from './bounded-cache';
import type { Db } from './client';
import { versionOfItem } from './item-version';
import { preparedPerDb } from './prepared';
import { attemptItems, questionVersions } from './schema';

/** What src/candidate/answer-form.ts reads a form with (a FormQuestion), and the question's id. */
export interface FormItem {
  questionId: string;
  type: QuestionType;
  /** Always set here: the display order is all a form needs of the options. */
  optionOrder: string[];
  options: QuestionOption[];
}

/** Attempts kept: an array of 20 shared items each, about 0.2 KB. */
const cache = boundedCache<FormItem[]>(20_000);

/** Items as attempts show them (question, type, option order), each kept once. */
const sharedItems = boundedCache<Readonly<FormItem>>(50_000);

/** The one kept item equal to this one: this one, the first time it is met. */
function shared(item: FormItem): FormItem {
  const key = `${item.questionId}\n${item.type}\n${item.optionOrder.join('\n')}`;
  const held = sharedItems.get(key);
  if (held) return held;
  // Frozen, arrays too: a change made for one attempt would show in every attempt sharing it.
  Object.freeze(item.optionOrder);
  Object.freeze(item.options);
  sharedItems.set(key, Object.freeze(item));
  return item;
}

const itemsOfAttempt = preparedPerDb((db) =>
  db
    .select({ position: attemptItems.position, ...formItemColumns })
    .from(attemptItems)
    .innerJoin(questionVersions, versionOfItem)
    .where(eq(attemptItems.attemptId, sql.placeholder('attemptId')))
    .orderBy(asc(attemptItems.position))
    .prepare(),
);

/** The form side of one position of an attempt: one read per attempt and process, none after. */
export async function cachedAttemptItemAt(db: Db, attemptId: string, position: number): Promise<FormItem | null> {
  const held = cache.get(attemptId)?.[position];
  if (held) return held;
  const rows = await itemsOfAttempt(db).all({ attemptId });
  if (rows.length === 0) return null;
  const items: FormItem[] = [];
  for (const { position: at, questionId, optionOrder, type, options } of rows) {
    // The display order is all a form needs of the options; their markup stays out of memory.
    items[at] = shared({
      questionId,
      type: type as QuestionType,
      optionOrder: optionOrder ?? options.map((o) => o.id),
      options: [],
    });
  }
  cache.set(attemptId, items);
  return items[position] ?? null;
}

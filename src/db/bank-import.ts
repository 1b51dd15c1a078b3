import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { CompiledBank, CompiledQuestion } from '../bank/compile';
import { priorFromDifficulty } from '../engine/irt';
import type { Db } from './client';
import { bankImports, questions, questionVersions, skillAreas } from './schema';

export interface ImportSummary {
  skipped: boolean;
  areas: number;
  added: number;
  changed: number;
  retired: number;
  restored: number;
  unchanged: number;
}

export async function lastImportedHash(db: Db): Promise<string | null> {
  const [row] = await db.select({ hash: bankImports.hash }).from(bankImports).orderBy(desc(bankImports.id)).limit(1);
  return row?.hash ?? null;
}

/**
 * Whether the bank with this hash is in the database as it is now. Public versions imported
 * before versions kept their Markdown (what a copy into a private bank starts from) make the
 * answer no once, so the next import fills it in.
 */
export async function alreadyImported(db: Db, hash: string): Promise<boolean> {
  if ((await lastImportedHash(db)) !== hash) return false;
  const [missing] = await db
    .select({ id: questionVersions.questionId })
    .from(questionVersions)
    .innerJoin(questions, eq(questions.id, questionVersions.questionId))
    .where(
      and(
        // Current versions of questions in the bank: older versions and retired questions are not
        // re-imported, so theirs stay empty and must not keep every start importing.
        eq(questionVersions.version, questions.currentVersion),
        ne(questions.status, 'retired'),
        isNull(questions.orgId),
        isNull(questionVersions.sourceText),
      ),
    )
    .limit(1);
  return missing === undefined;
}

/**
 * Brings the database in line with the compiled bank, in one atomic batch. Invariants: a question
 * whose text changed gets a new version (attempts keep pointing at the version they showed); a
 * question gone from the files is retired, never deleted; importing the same bank twice changes
 * nothing. Calibrated IRT parameters survive a text edit.
 */
export async function importBank(db: Db, bank: CompiledBank, now: number): Promise<ImportSummary> {
  const summary: ImportSummary = {
    skipped: false,
    areas: bank.areas.length,
    added: 0,
    changed: 0,
    retired: 0,
    restored: 0,
    unchanged: 0,
  };
  if (await alreadyImported(db, bank.hash)) return { ...summary, skipped: true };

  const existing = new Map(
    (
      await db
        .select({
          id: questions.id,
          version: questions.currentVersion,
          status: questions.status,
          contentHash: questionVersions.contentHash,
          sourceText: questionVersions.sourceText,
        })
        .from(questions)
        .innerJoin(questionVersions, eq(questionVersions.questionId, questions.id))
        // Only the public bank: organizations' private questions are never retired by a bank import.
        .where(and(eq(questionVersions.version, questions.currentVersion), isNull(questions.orgId)))
    ).map((row) => [row.id, row]),
  );

  const writes = [];
  for (const [position, area] of bank.areas.entries()) {
    const values = {
      title: area.title,
      summary: area.summary,
      descriptionHtml: area.descriptionHtml,
      topics: area.topics,
      position,
      updatedAt: now,
    };
    writes.push(
      db
        .insert(skillAreas)
        .values({ id: area.id, ...values })
        .onConflictDoUpdate({ target: skillAreas.id, set: values }),
    );
  }

  const inBank = new Set<string>();
  for (const q of bank.questions) {
    inBank.add(q.id);
    const before = existing.get(q.id);
    if (before && before.contentHash === q.contentHash) {
      if (before.status === 'retired') {
        summary.restored++;
        writes.push(db.update(questions).set({ status: 'active', updatedAt: now }).where(eq(questions.id, q.id)));
      } else summary.unchanged++;
      if (before.sourceText === null) {
        // The same text (same hash) as stored, so its Markdown belongs to this version.
        writes.push(
          db
            .update(questionVersions)
            .set({ sourceText: q.markdown })
            .where(and(eq(questionVersions.questionId, q.id), eq(questionVersions.version, before.version))),
        );
      }
      continue;
    }
    const version = before ? before.version + 1 : 1;
    const prior = priorFromDifficulty(q.difficulty);
    if (before) {
      summary.changed++;
      writes.push(
        db
          .update(questions)
          .set({ areaId: q.area, topic: q.topic, currentVersion: version, status: 'active', updatedAt: now })
          .where(eq(questions.id, q.id)),
      );
    } else {
      summary.added++;
      writes.push(
        db.insert(questions).values({
          id: q.id,
          areaId: q.area,
          topic: q.topic,
          currentVersion: version,
          status: 'active',
          irtA: prior.a,
          irtB: prior.b,
          createdAt: now,
          updatedAt: now,
        }),
      );
    }
    writes.push(
      db.insert(questionVersions).values({
        questionId: q.id,
        version,
        ...versionContent(q),
        createdAt: now,
      }),
    );
  }

  for (const [id, row] of existing) {
    if (inBank.has(id) || row.status === 'retired') continue;
    summary.retired++;
    writes.push(db.update(questions).set({ status: 'retired', updatedAt: now }).where(eq(questions.id, id)));
  }

  const { skipped: _, ...counts } = summary;
  writes.push(db.insert(bankImports).values({ hash: bank.hash, importedAt: now, summary: counts }));
  await db.batch(writes as [(typeof writes)[number], ...typeof writes]);
  return summary;
}

/** A compiled question as a question_versions row's content: the public bank's and private banks' versions alike. */
export function versionContent(q: CompiledQuestion) {
  return {
    contentHash: q.contentHash,
    type: q.type,
    difficulty: q.difficulty,
    tags: q.tags,
    timeWeight: q.timeWeight,
    ref: q.ref,
    promptHtml: q.promptHtml,
    options: q.options,
    answerKey: q.key,
    explanationHtml: q.explanationHtml,
    sourceFile: q.source.file,
    sourceText: q.markdown,
    // A variant question's spec (src/engine/variant.ts); each attempt fills it with its own values.
    variant: q.variant ? ({ ...q.variant } as Record<string, unknown>) : null,
  };
}

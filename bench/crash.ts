/**
 * The crash run: candidates save continuously, the server is killed with SIGKILL while saves are
 * in flight, and restarted on the same file. Every save that was acknowledged with a 200 must be
 * in the database afterwards, with at least the acknowledged sequence number.
 */
import { createClient } from '@libsql/client';
import { Pool } from 'undici';
import { nextSave, postSave, startCandidates } from './candidate';
import { type Bench, copyDb, removeDb, startSkillcheck } from './proc';
import { sleep } from './stats';

export async function crashRun(bench: Bench, { candidates: count = 200, runMs = 5000 } = {}) {
  const dbFile = copyDb(bench.template);
  const server = await startSkillcheck(dbFile, bench.seed.signingKeys);
  const pool = new Pool(server.origin, { connections: count, keepAliveTimeout: 30_000 });
  const candidates = await startCandidates(pool, server.origin, dbFile, bench.seed.tokens.slice(0, count));

  /** Highest acknowledged seq per attempt and position. */
  const acked = new Map<string, number>();
  let stop = false;
  let inFlight = 0;
  let sent = 0;
  let acknowledgedSaves = 0;
  const workers = candidates.map(async (c) => {
    while (!stop) {
      const save = nextSave(c);
      inFlight++;
      sent++;
      const status = await postSave(pool, server.origin, c, save.body);
      inFlight--;
      const key = `${c.attemptId}:${save.position}`;
      if (status !== 200) continue;
      acknowledgedSaves++;
      acked.set(key, Math.max(acked.get(key) ?? 0, save.seq));
    }
  });
  await sleep(runMs);
  stop = true;
  const inFlightAtKill = inFlight;
  await server.kill('SIGKILL');
  await Promise.all(workers);
  await pool.destroy();

  const restarted = await startSkillcheck(dbFile, bench.seed.signingKeys);
  const client = createClient({ url: `file:${dbFile}` });
  const rows = await client.execute(`
    select ai.attempt_id, ai.position, r.seq
    from responses r join attempt_items ai on ai.attempt_id = r.attempt_id and ai.question_id = r.question_id`);
  const integrity = String((await client.execute('pragma integrity_check')).rows[0]?.[0]);
  client.close();
  const stored = new Map(rows.rows.map((r) => [`${r.attempt_id}:${r.position}`, Number(r.seq)]));
  let present = 0;
  for (const [key, seq] of acked) if ((stored.get(key) ?? 0) >= seq) present++;
  let aheadOfAck = 0;
  for (const [key, seq] of stored) if (seq > (acked.get(key) ?? 0)) aheadOfAck++;
  // The restarted server takes saves again.
  const again = new Pool(restarted.origin);
  const first = candidates[0];
  const afterRestart = first ? await postSave(again, restarted.origin, first, nextSave(first).body) : 0;
  await again.close();
  await restarted.kill();
  removeDb(dbFile);
  return {
    candidates: count,
    runMs,
    sent,
    inFlightAtKill,
    acknowledgedSaves,
    /** (attempt, question) pairs with an acknowledged save: each must hold at least its highest acknowledged seq. */
    acknowledged: acked.size,
    present,
    missing: acked.size - present,
    /** Saves in flight at the kill that had committed before it: their 200 never arrived, a retry re-acknowledges. */
    committedNotAcknowledged: aheadOfAck,
    integrity,
    saveAfterRestart: afterRestart,
  };
}

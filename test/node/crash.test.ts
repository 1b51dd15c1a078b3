import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { expect, it } from 'vitest';
import { formatSigningKeys, generateSigningKey, parseSigningKeys } from '../../src/auth/keys';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createOrgWithOwner } from '../../src/db/accounts';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import { libsqlConfig, libsqlDb } from '../../src/db/client';
import type { AppDeps } from '../../src/deps';
import { defaultAssessment } from '../support/fixtures';
import { writeTestBank } from '../support/seed-server';
import { startServer } from '../support/server';

/**
 * The promise of issue 4, tested on the real server: a save acknowledged with a 200 is never lost,
 * not even when the process is killed (SIGKILL, no shutdown) while other saves are in flight.
 * bench/crash.ts is the bigger version (200 candidates).
 */
const candidates = 20;

interface Candidate {
  attemptId: string;
  cookie: string;
  items: { type: string; options: number }[];
}

/** A valid answer for each question type, as the test page's form posts it. */
function answer(item: Candidate['items'][number], seq: number): Record<string, string> {
  switch (item.type) {
    case 'single':
    case 'multiple':
      return { [item.type === 'single' ? 'choice' : 'choices']: String(seq % 2) };
    case 'truefalse':
      return { choice: seq % 2 ? 'true' : 'false' };
    case 'text':
      return { text: `answer ${seq}` };
    case 'numeric':
      return { number: String(seq) };
    default:
      return Object.fromEntries(Array.from({ length: item.options }, (_, i) => [`pos_${i}`, String(i + 1)]));
  }
}

async function openDb(url: string) {
  const client = createClient(libsqlConfig(url));
  return { client, db: await libsqlDb(client, url) };
}

it('keeps every acknowledged save through a SIGKILL and a restart', async () => {
  const signingKeys = formatSigningKeys([generateSigningKey(Date.now())]);
  const bank = writeTestBank();
  const env = { QUESTIONS_DIR: bank, SIGNING_KEYS: signingKeys };
  const server = await startServer(env);
  const url = `file:${join(server.dir, 'db.sqlite')}`;
  const sameOrigin = { Origin: server.url, 'Sec-Fetch-Site': 'same-origin' };

  // An assessment over the test bank and one invitation per candidate.
  const now = Date.now();
  const seeding = await openDb(url);
  const { orgId, userId } = await createOrgWithOwner(seeding.db, {
    email: 'owner@example.com',
    name: 'Olivia Owner',
    passwordHash: 'unused',
    orgName: 'Acme Hiring',
  });
  const assessmentId = await createAssessment(seeding.db, orgId, userId, defaultAssessment, now);
  const deps = { keys: parseSigningKeys(signingKeys), clock: Date.now } as AppDeps;
  const tokens: string[] = [];
  for (let i = 0; i < candidates; i++) {
    const invitation = { candidateName: `C${i}`, candidateEmail: `c${i}@example.com`, expiresAt: now + 864e5 };
    const id = await createInvitation(seeding.db, orgId, assessmentId, userId, { ...invitation, extraSeconds: 0 }, now);
    tokens.push(await invitationToken(deps, id, now + 864e5));
  }

  // Each candidate starts from its invitation link, in its own "browser" (its own cookies).
  const started = await Promise.all(
    tokens.map(async (token) => {
      const res = await fetch(`${server.url}/invite/${token}`, {
        method: 'POST',
        headers: sameOrigin,
        redirect: 'manual',
      });
      expect(res.status).toBe(303);
      const attemptId = (res.headers.get('location') ?? '').split('/').pop() ?? '';
      const cookie = res.headers
        .getSetCookie()
        .map((line) => line.split(';')[0])
        .join('; ');
      return { attemptId, cookie };
    }),
  );
  const rows = await seeding.client.execute(`
    select ai.attempt_id, qv.type, json_array_length(qv.options) as options
    from attempt_items ai join question_versions qv on qv.question_id = ai.question_id and qv.version = ai.question_version
    order by ai.attempt_id, ai.position`);
  seeding.client.close();
  const people: Candidate[] = started.map((s) => ({
    ...s,
    items: rows.rows
      .filter((r) => r.attempt_id === s.attemptId)
      .map((r) => ({ type: String(r.type), options: Number(r.options) })),
  }));

  // Every candidate saves one answer after another, cycling through its questions.
  const acked = new Map<string, number>();
  let stop = false;
  let inFlight = 0;
  let acknowledged = 0;
  const workers = people.map(async (c, i) => {
    for (let n = 0; !stop; n++) {
      const position = (i + n) % c.items.length;
      const seq = Math.floor(n / c.items.length) + 1;
      const item = c.items[position] ?? { type: '', options: 0 };
      const body = new URLSearchParams({ ...answer(item, seq), q: String(position), seq: String(seq) });
      inFlight++;
      const status = await fetch(`${server.url}/attempts/${c.attemptId}/answers`, {
        method: 'POST',
        body,
        headers: { ...sameOrigin, Cookie: c.cookie, 'HX-Request': 'true', 'HX-Request-Type': 'partial' },
      }).then(
        (res) => res.status,
        () => 0,
      );
      inFlight--;
      if (status !== 200) continue;
      acknowledged++;
      acked.set(`${c.attemptId}:${position}`, seq);
    }
  });
  await new Promise((r) => setTimeout(r, 2000));
  stop = true;
  const inFlightAtKill = inFlight;
  await server.stop('SIGKILL');
  await Promise.all(workers);

  // Restart on the same file, then look for every acknowledged save.
  const restarted = await startServer({ ...env, DATABASE_URL: url });
  const check = createClient({ url });
  const stored = new Map(
    (
      await check.execute(`
        select ai.attempt_id, ai.position, r.seq
        from responses r join attempt_items ai on ai.attempt_id = r.attempt_id and ai.question_id = r.question_id`)
    ).rows.map((r) => [`${r.attempt_id}:${r.position}`, Number(r.seq)]),
  );
  check.close();
  const missing = [...acked].filter(([key, seq]) => (stored.get(key) ?? 0) < seq);
  console.log(
    `crash: ${acknowledged} saves acknowledged, ${inFlightAtKill} in flight at SIGKILL; ` +
      `${acked.size} (attempt, question) pairs checked: ${acked.size - missing.length} present, ${missing.length} missing`,
  );
  expect(acked.size).toBeGreaterThan(0);
  expect(inFlightAtKill).toBeGreaterThan(0);
  expect(missing).toEqual([]);

  // The restarted server serves the attempt with its answers.
  const [first] = people;
  const page = await fetch(`${restarted.url}/attempts/${first?.attemptId}?q=0`, {
    headers: { Cookie: first?.cookie ?? '' },
  });
  expect(page.status).toBe(200);

  await restarted.stop();
  restarted.cleanup();
  server.cleanup();
  rmSync(bank, { recursive: true, force: true });
}, 30_000);

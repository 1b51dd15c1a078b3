/**
 * A simulated candidate over HTTP, speaking the protocol of public/static/attempt.js: start the
 * attempt from the invitation link (303 + a cookie scoped to /attempts/<id>), then save answers
 * as htmx-style partial posts with a growing sequence number per question.
 */
import { createClient } from '@libsql/client';
import type { Dispatcher, Pool } from 'undici';

export interface Item {
  type: string;
  options: number;
}

export interface Candidate {
  attemptId: string;
  cookie: string;
  items: Item[];
  seq: number[];
  next: number;
}

const timeouts = { headersTimeout: 10_000, bodyTimeout: 10_000 };

function sameOrigin(origin: string) {
  return { origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' };
}

/** POST /invite/:token as a new browser: the attempt id from the redirect and the cookies it set. */
export async function startAttempt(pool: Pool, origin: string, token: string) {
  const res = await pool.request({
    method: 'POST',
    path: `/invite/${token}`,
    headers: sameOrigin(origin),
    ...timeouts,
  });
  await res.body.dump();
  const location = String(res.headers.location ?? '');
  const setCookie = res.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [])
    .map((line) => line.split(';')[0])
    .join('; ');
  return { status: res.statusCode, attemptId: /^\/attempts\/([\w-]{22})$/.exec(location)?.[1] ?? null, cookie };
}

/** Each attempt's items in position order: question type and option count, read from the database file. */
export async function itemsOf(dbFile: string, attemptIds: string[]): Promise<Map<string, Item[]>> {
  const client = createClient({ url: `file:${dbFile}` });
  const rows = await client.execute({
    sql: `select ai.attempt_id, ai.position, qv.type, json_array_length(qv.options) as options
          from attempt_items ai
          join question_versions qv on qv.question_id = ai.question_id and qv.version = ai.question_version
          where ai.attempt_id in (select value from json_each(?))
          order by ai.attempt_id, ai.position`,
    args: [JSON.stringify(attemptIds)],
  });
  client.close();
  const out = new Map<string, Item[]>();
  for (const row of rows.rows) {
    const id = String(row.attempt_id);
    const list = out.get(id) ?? [];
    list.push({ type: String(row.type), options: Number(row.options) });
    out.set(id, list);
  }
  return out;
}

/** Starts attempts for `tokens`, `parallel` at a time, and returns them ready to save. */
export async function startCandidates(pool: Pool, origin: string, dbFile: string, tokens: string[], parallel = 8) {
  const started = await startAttempts(pool, origin, tokens, parallel);
  const items = await itemsOf(
    dbFile,
    started.map((s) => s.attemptId),
  );
  return started.map((s): Candidate => {
    const list = items.get(s.attemptId) ?? [];
    return { ...s, items: list, seq: list.map(() => 0), next: Math.floor(Math.random() * list.length) };
  });
}

/** Starts attempts for `tokens`, `parallel` at a time; each must succeed. */
export async function startAttempts(pool: Pool, origin: string, tokens: string[], parallel = 8) {
  const started: { attemptId: string; cookie: string }[] = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (i < tokens.length) {
        const token = tokens[i++] ?? '';
        let res = await startAttempt(pool, origin, token);
        // A start refused by load shedding (503 while the event loop runs late, as the first
        // starts of a cold server can be) is tried again, as a candidate would press Start again.
        for (let retry = 0; res.status === 503 && retry < 20; retry++) {
          await new Promise((done) => setTimeout(done, 250));
          res = await startAttempt(pool, origin, token);
        }
        if (res.status !== 303 || !res.attemptId) throw new Error(`start answered ${res.status}`);
        started.push({ attemptId: res.attemptId, cookie: res.cookie });
      }
    }),
  );
  return started;
}

const pick = (n: number) => Math.floor(Math.random() * n);

function shuffled(n: number): number[] {
  const a = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i > 0; i--) {
    const j = pick(i + 1);
    [a[i], a[j]] = [a[j] ?? 0, a[i] ?? 0];
  }
  return a;
}

/** A valid answer for an item, as its form would post it. */
export function answerFields(item: Item, seq: number): [string, string][] {
  switch (item.type) {
    case 'single':
      return [['choice', String(pick(item.options))]];
    case 'multiple':
      return [
        ['choices', '0'],
        ...(item.options > 2 ? ([['choices', String(2 + pick(item.options - 2))]] as [string, string][]) : []),
      ];
    case 'truefalse':
      return [['choice', seq % 2 ? 'true' : 'false']];
    case 'text':
      return [['text', `answer number ${seq}`]];
    case 'numeric':
      return [['number', String(seq * 1.5)]];
    case 'ordering':
      return shuffled(item.options).map((p, i) => [`pos_${i}`, String(p)]);
    default:
      return [];
  }
}

/** The candidate's next save: moves to the next question and raises its sequence number. */
export function nextSave(c: Candidate) {
  const position = c.next;
  c.next = (c.next + 1) % c.items.length;
  const seq = (c.seq[position] ?? 0) + 1;
  c.seq[position] = seq;
  const body = new URLSearchParams(answerFields(c.items[position] ?? { type: '', options: 0 }, seq));
  body.set('q', String(position));
  body.set('seq', String(seq));
  body.set('elapsed', String(1000 * seq));
  return { position, seq, body: body.toString() };
}

/**
 * POST /attempts/:id/answers as attempt.js sends it; resolves to the status, or to the error's code
 * when no answer came (UND_ERR_HEADERS_TIMEOUT after 10 s, as attempt.js gives up and retries).
 */
export async function postSave(pool: Dispatcher, origin: string, c: Candidate, body: string): Promise<number | string> {
  try {
    const res = await pool.request({
      method: 'POST',
      path: `/attempts/${c.attemptId}/answers`,
      headers: { ...sameOrigin(origin), cookie: c.cookie, 'hx-request': 'true', 'hx-request-type': 'partial' },
      body,
      ...timeouts,
    });
    await res.body.dump();
    return res.statusCode;
  } catch (error) {
    return String((error as { code?: string }).code ?? 'network error');
  }
}

/** GET /attempts/:id?q=N with the candidate's cookie; resolves to the status and the page size. */
/** Every question of the attempt as templates, as the test page's script fetches them once per page load. */
export async function getTemplates(pool: Pool, c: Candidate) {
  try {
    const res = await pool.request({
      method: 'GET',
      path: `/attempts/${c.attemptId}/questions`,
      headers: { cookie: c.cookie, 'hx-request': 'true' },
      ...timeouts,
    });
    await res.body.dump();
    return res.statusCode;
  } catch {
    return 0;
  }
}

export async function getQuestion(pool: Pool, c: Candidate, position: number) {
  try {
    const res = await pool.request({
      method: 'GET',
      path: `/attempts/${c.attemptId}?q=${position}`,
      headers: { cookie: c.cookie },
      ...timeouts,
    });
    const text = await res.body.text();
    return { status: res.statusCode, bytes: Buffer.byteLength(text) };
  } catch {
    return { status: 0, bytes: 0 };
  }
}

/**
 * The authorization matrix: every route of the workspace (and the API), enumerated from the app
 * itself, requested by people who must not get through. Organization A is full of real data whose
 * every name carries a marker; organization B's owner must get 403/404 for each of A's ids and
 * never see a marker. Each route names the capability it requires (requireCapability), and the
 * table of src/auth/permissions.ts says which roles hold it: A's owner, admin and reviewer must
 * get exactly the pages it grants them, and 403 (changing nothing) from every other route. Routes
 * added later are picked up at run time: a new route that forgets the organization scope or its
 * capability fails here without anyone writing a test for it.
 */
import { eq, inArray, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/auth/api-key';
import { hashPassword } from '../../src/auth/password';
import { type Capability, can } from '../../src/auth/permissions';
import { verifyToken } from '../../src/auth/tokens';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createOrgWithOwner, createUser } from '../../src/db/accounts';
import { createApiKey } from '../../src/db/api-keys';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import { attemptItemsWithContent, recordEvent, saveResponse } from '../../src/db/attempts';
import { createCollection } from '../../src/db/collections';
import { saveQuestionDraft } from '../../src/db/private-bank';
import { addDecision, addNote } from '../../src/db/reports';
import {
  apiKeys,
  assessments,
  attemptEvents,
  attemptItems,
  attempts,
  decisions,
  invitations,
  memberships,
  notes,
  organizations,
  questionEvents,
  questionReports,
  questions,
  regrades,
  responses,
  skillAreas,
  teamInvites,
  users,
  webhooks,
} from '../../src/db/schema';
import { acceptTeamInvite, createTeamInvite } from '../../src/db/team';
import { createWebhook } from '../../src/db/webhooks';
import type { Role } from '../../src/engine/roles';
import type { CapabilityCheck } from '../../src/middleware/auth';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import { TestBrowser } from '../support/client';
import { defaultAssessment } from '../support/fixtures';

/** In every name of organization A; case-insensitive, since emails are lower-cased. */
const marker = 'Qzx7Marker';
const password = 'a long enough passphrase';

let t: TestApp;
let a: Awaited<ReturnType<typeof seedOrgA>>;
let bOwner: TestBrowser;
let aOwner: TestBrowser;
let aAdmin: TestBrowser;
let aReviewer: TestBrowser;
let bApiKey: string;
let aApiKey: string;

async function signIn(email: string) {
  const browser = new TestBrowser(t.app);
  const res = await browser.post('/login', { email, password });
  expect(res.headers.get('location'), `sign in as ${email}`).toBe('/app');
  return browser;
}

/** A candidate takes the test through the real pages: start, one answer carrying the marker, finish. */
async function takeTest(invitationId: string, expiresAt: number) {
  const candidate = new TestBrowser(t.app);
  const token = await invitationToken(t.deps, invitationId, expiresAt);
  const start = await candidate.post(`/invite/${token}`);
  const attemptId = start.headers.get('location')?.split('/').pop() ?? '';
  expect(attemptId).toMatch(/^[\w-]{22}$/);
  const text = (await attemptItemsWithContent(t.db, attemptId)).find((i) => i.type === 'text');
  if (text) {
    await saveResponse(t.db, {
      attemptId,
      questionId: text.questionId,
      seq: 1,
      answer: { type: 'text', text: `Answer ${marker}` },
      flagged: false,
      timeSpentMs: 30_000,
      now: t.clock.now,
    });
  }
  await recordEvent(t.db, attemptId, 'focus_lost', t.clock.now, { position: 1 });
  t.clock.advance(60_000);
  expect((await candidate.post(`/attempts/${attemptId}/finish`)).status).toBe(303);
  return attemptId;
}

async function seedOrgA() {
  const passwordHash = await hashPassword(password, { iterations: 1000 });
  const now = t.clock.now;
  const owner = await createOrgWithOwner(t.db, {
    email: `owner-${marker}@example.com`,
    name: `Olga ${marker}`,
    passwordHash,
    orgName: `Org ${marker}`,
  });
  const orgId = owner.orgId;
  const reviewerId = await createUser(t.db, {
    email: `rev-${marker}@example.com`,
    name: `Rita ${marker}`,
    passwordHash,
  });
  const join = async (userId: string, email: string, role: Role) => {
    const id = await createTeamInvite(t.db, {
      orgId,
      email,
      role,
      createdBy: owner.userId,
      now,
      expiresAt: now + 864e5,
    });
    expect(await acceptTeamInvite(t.db, id, userId, now)).toBe(true);
  };
  await join(reviewerId, `rev-${marker}@example.com`, 'reviewer');
  const adminId = await createUser(t.db, { email: `adm-${marker}@example.com`, name: `Adam ${marker}`, passwordHash });
  await join(adminId, `adm-${marker}@example.com`, 'admin');
  const teamInviteId = await createTeamInvite(t.db, {
    orgId,
    email: `pending-${marker}@example.com`,
    role: 'admin',
    createdBy: owner.userId,
    now,
    expiresAt: now + 7 * 864e5,
  });
  const assessmentId = await createAssessment(
    t.db,
    orgId,
    owner.userId,
    { ...defaultAssessment, title: `Assessment ${marker}`, description: `Description ${marker}` },
    now,
  );
  const expiresAt = now + 7 * 864e5;
  const invitationIds: string[] = [];
  for (const n of [1, 2, 3]) {
    invitationIds.push(
      await createInvitation(
        t.db,
        orgId,
        assessmentId,
        owner.userId,
        {
          candidateName: `Cand${n} ${marker}`,
          candidateEmail: `cand${n}-${marker}@example.com`,
          expiresAt,
          extraSeconds: 0,
        },
        now,
      ),
    );
  }
  const attemptIds = [
    await takeTest(invitationIds[0] ?? '', expiresAt),
    await takeTest(invitationIds[1] ?? '', expiresAt),
  ];
  const attemptId = attemptIds[0] ?? '';
  await addNote(t.db, { orgId, attemptId, authorId: reviewerId, body: `Note ${marker}`, now: t.clock.now });
  await addDecision(t.db, {
    orgId,
    attemptId,
    userId: owner.userId,
    decision: 'hold',
    reason: `Reason ${marker}`,
    now: t.clock.now,
  });
  // A candidate's report of a question, in the queue of A's question reports only.
  await t.db.insert(questionReports).values({
    id: `report-${marker}`.slice(0, 22),
    orgId,
    attemptId,
    questionId: (await attemptItemsWithContent(t.db, attemptId))[0]?.questionId ?? '',
    questionVersion: 1,
    reason: 'unclear',
    body: `Report ${marker}`,
    createdAt: now,
  });
  const [note] = await t.db.select().from(notes).where(eq(notes.orgId, orgId));
  const [decision] = await t.db.select().from(decisions).where(eq(decisions.orgId, orgId));
  const key = await generateApiKey();
  const apiKeyId = await createApiKey(t.db, {
    orgId,
    name: `Key ${marker}`,
    prefix: key.prefix,
    keyHash: key.hash,
    createdBy: owner.userId,
    now,
  });
  aApiKey = key.key;
  const webhookId = await createWebhook(t.db, {
    orgId,
    url: 'https://hooks.example.com/skillcheck',
    description: `Hook ${marker}`,
    events: ['attempt.completed'],
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    createdBy: owner.userId,
    now,
  });
  // A private collection and question: its pages must not open for anyone outside A.
  const collection = await createCollection(
    t.db,
    orgId,
    { title: `Collection ${marker}`, summary: '', topics: [{ id: 'basics', title: `Topic ${marker}`, docsUrl: '' }] },
    now,
  );
  if (!collection.ok) throw new Error(collection.errors.join());
  const privateQuestion = await saveQuestionDraft(t.db, {
    orgId,
    collectionId: collection.id,
    topic: 'basics',
    actorId: owner.userId,
    markdown: `## private-one\ntype: single\ndifficulty: 2\n\nPrompt ${marker}?\n\n### Options\n- [x] yes ${marker}\n- [ ] no\n\n### Explanation\nKey ${marker}.\n`,
    now,
  });
  if (!privateQuestion.ok) throw new Error(JSON.stringify(privateQuestion.errors));
  return {
    orgId,
    ownerId: owner.userId,
    adminId,
    reviewerId,
    ids: {
      assessment: assessmentId,
      attempt: attemptId,
      attempts: attemptIds,
      invitation: invitationIds[2] ?? '',
      user: reviewerId,
      teamInvite: teamInviteId,
      note: note?.id ?? '',
      decision: decision?.id ?? '',
      apiKey: apiKeyId,
      webhook: webhookId,
      org: orgId,
      question: (await attemptItemsWithContent(t.db, attemptId))[0]?.questionId ?? '',
      collection: collection.id,
      bankQuestion: privateQuestion.questionId,
      // The public bank is every organization's: its pages open for B too, and show nothing of A.
      publicQuestion: 'alpha-s1',
    },
  };
}

async function seedOrgB() {
  const passwordHash = await hashPassword(password, { iterations: 1000 });
  const owner = await createOrgWithOwner(t.db, {
    email: 'owner-b@example.com',
    name: 'Bruno B',
    passwordHash,
    orgName: 'Org B',
  });
  await createAssessment(t.db, owner.orgId, owner.userId, { ...defaultAssessment, title: 'B screening' }, t.clock.now);
  const key = await generateApiKey();
  await createApiKey(t.db, {
    orgId: owner.orgId,
    name: 'B key',
    prefix: key.prefix,
    keyHash: key.hash,
    createdBy: owner.userId,
    now: t.clock.now,
  });
  bApiKey = key.key;
}

beforeAll(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
  a = await seedOrgA();
  await seedOrgB();
  bOwner = await signIn('owner-b@example.com');
  aOwner = await signIn(`owner-${marker}@example.com`);
  aAdmin = await signIn(`adm-${marker}@example.com`);
  aReviewer = await signIn(`rev-${marker}@example.com`);
});
afterAll(() => t.close());

// ------------------------------------------------------------------ the routes, from the app itself

interface Route {
  method: string;
  path: string;
  params: string[];
  /** What the route's requireCapability middleware asks for. */
  capabilities: Capability[];
}

/** Every concrete route (middleware entries are method ALL or end in a wildcard), once. */
function routes(prefix: string): Route[] {
  const seen = new Map<string, Route>();
  for (const r of t.app.routes) {
    if (r.method === 'ALL' || r.path.includes('*') || !r.path.startsWith(prefix)) continue;
    const params = r.path
      .split('/')
      .filter((s) => s.startsWith(':'))
      .map((s) => /^:(\w+)/.exec(s)?.[1] ?? '');
    const key = `${r.method} ${r.path}`;
    const route = seen.get(key) ?? { method: r.method, path: r.path, params, capabilities: [] };
    const capability = (r.handler as Partial<CapabilityCheck>).capability;
    if (capability) route.capabilities.push(capability);
    seen.set(key, route);
  }
  return [...seen.values()];
}

/** A's members by role, to ask the permissions table about each. */
const people = (): [Role, TestBrowser][] => [
  ['owner', aOwner],
  ['admin', aAdmin],
  ['reviewer', aReviewer],
];

/** The workspace route a link or form on a page leads to, if any. */
function routeAt(method: string, path: string): Route | undefined {
  return routes('/app').find((r) => {
    if (r.method !== method) return false;
    const pattern = r.path.replace(/:\w+(\{[^}]*\})?/g, (_, custom?: string) =>
      custom ? `(${custom.slice(1, -1)})` : '[^/]+',
    );
    return new RegExp(`^${pattern}$`).test(path);
  });
}

/** The links (GET) and forms (their method) of a page, by path without query or fragment. */
function targets(html: string): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  const bare = (url: string) => url.replace(/&amp;/g, '&').split(/[?#]/)[0] ?? '';
  for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="(\/app[^"]*)"/g))
    found.push({ method: 'GET', path: bare(href ?? '') });
  for (const [form] of html.matchAll(/<form\b[^>]*>/g)) {
    const action = /\baction="(\/app[^"]*)"/.exec(form)?.[1];
    const method = (/\bmethod="(\w+)"/.exec(form)?.[1] ?? 'get').toUpperCase();
    if (action) found.push({ method, path: bare(action) });
  }
  return found;
}

/** Whether the table lets a role through the route: it holds every capability the route requires. */
const allows = (role: Role, route: Route) => route.capabilities.every((capability) => can({ role }, capability));

type Kind = Exclude<keyof Awaited<ReturnType<typeof seedOrgA>>['ids'], 'attempts'>;
const kindBySegment: Record<string, Kind> = {
  assessments: 'assessment',
  attempts: 'attempt',
  invitations: 'invitation',
  candidates: 'invitation',
  members: 'user',
  users: 'user',
  team: 'user',
  invites: 'teamInvite',
  notes: 'note',
  decisions: 'decision',
  'api-keys': 'apiKey',
  webhooks: 'webhook',
  keys: 'apiKey',
  orgs: 'org',
  organizations: 'org',
};

/** Which of A's ids a parameter wants: by its name (`:attemptId`), else by the segment before it. */
function kindOf(segments: string[], index: number): Kind {
  const name = (/^:(\w+)/.exec(segments[index] ?? '')?.[1] ?? '').toLowerCase();
  const byName: [string, Kind][] = [
    ['assessment', 'assessment'],
    ['attempt', 'attempt'],
    ['invitation', 'invitation'],
    ['invite', 'teamInvite'],
    ['user', 'user'],
    ['member', 'user'],
    ['note', 'note'],
    ['decision', 'decision'],
    ['webhook', 'webhook'],
    ['key', 'apiKey'],
    ['org', 'org'],
    ['collection', 'collection'],
    ['bankquestion', 'bankQuestion'],
    ['publicquestion', 'publicQuestion'],
    ['question', 'question'],
  ];
  const named = byName.find(([part]) => name.includes(part));
  if (named) return named[1];
  for (let i = index - 1; i >= 0; i--) {
    const kind = kindBySegment[segments[i] ?? ''];
    if (kind) return kind;
  }
  return 'assessment';
}

/** The route's path with every parameter filled with organization A's id of the right kind. */
function fill(route: Route): string {
  const segments = route.path.split('/');
  return segments
    .map((segment, i) => {
      if (!segment.startsWith(':')) return segment;
      const kind = kindOf(segments, i);
      return String(a.ids[kind]);
    })
    .join('/');
}

/** A query and a form body naming A's ids in every field a handler might read them from. */
function query() {
  const q = new URLSearchParams({
    ids: a.ids.attempts.join(','),
    invited: a.ids.teamInvite,
    assessment: a.ids.assessment,
    attempt: a.ids.attempt,
    invitation: a.ids.invitation,
    collection: a.ids.collection,
  });
  return `?${q}`;
}
function body(): Record<string, string | string[]> {
  return {
    orgId: a.orgId,
    assessmentId: a.ids.assessment,
    attemptId: a.ids.attempt,
    invitationId: a.ids.invitation,
    collection: a.ids.collection,
    userId: a.ids.user,
    id: a.ids.assessment,
    ids: a.ids.attempts,
    role: 'admin',
    decision: 'advance',
    body: 'a note from somebody else',
    reason: 'a reason',
    name: 'Someone',
    title: 'Some title',
    email: 'someone@example.com',
  };
}

function send(browser: TestBrowser, method: string, path: string, headers: Record<string, string> = {}) {
  if (method === 'GET') return browser.get(`${path}${query()}`, headers);
  if (method === 'POST') return browser.post(path, body(), headers);
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body())) for (const x of [v].flat()) form.append(k, x);
  return browser.request(path, {
    method,
    body: form.toString(),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: 'http://localhost',
      'Sec-Fetch-Site': 'same-origin',
      ...headers,
    },
  });
}

/** Each request is made as a plain browser request and as an htmx swap: both paths must be guarded. */
const variants: Record<string, string>[] = [{}, { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }];

const mutating = (r: Route) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method);

/** Everything of organization A, to prove a request changed nothing there. */
async function snapshotA() {
  const attemptIds = (await t.db.select({ id: attempts.id }).from(attempts).where(eq(attempts.orgId, a.orgId))).map(
    (r) => r.id,
  );
  const memberIds = (
    await t.db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.orgId, a.orgId))
  ).map((r) => r.id);
  const byOrg = {
    questionReports,
    regrades,
    memberships,
    teamInvites,
    apiKeys,
    assessments,
    invitations,
    attempts,
    notes,
    decisions,
    webhooks,
    skillAreas,
    questions,
    questionEvents,
  };
  const snap: Record<string, unknown> = {
    organization: await t.db.select().from(organizations).where(eq(organizations.id, a.orgId)),
    users: await t.db
      .select()
      .from(users)
      .where(or(inArray(users.id, memberIds), inArray(users.id, [a.ownerId, a.adminId, a.reviewerId]))),
    responses: await t.db.select().from(responses).where(inArray(responses.attemptId, attemptIds)),
    events: await t.db.select().from(attemptEvents).where(inArray(attemptEvents.attemptId, attemptIds)),
    items: await t.db.select().from(attemptItems).where(inArray(attemptItems.attemptId, attemptIds)),
  };
  for (const [name, table] of Object.entries(byOrg)) {
    // apiKeys.lastUsedAt moves whenever A's own key is used: not a change made by someone else.
    snap[name] = (await t.db.select().from(table).where(eq(table.orgId, a.orgId))).map((row) =>
      'lastUsedAt' in row ? { ...row, lastUsedAt: null } : row,
    );
  }
  return JSON.stringify(snap);
}

function leaks(text: string): boolean {
  return text.toLowerCase().includes(marker.toLowerCase());
}

/**
 * What would let the reader act as a candidate: an invitation link, or a token that verifies as
 * an invitation or as an attempt's access, anywhere in the body, a redirect or a cookie.
 */
async function candidateCredentials(res: Response): Promise<string[]> {
  const text = [await res.text(), res.headers.get('location') ?? '', ...res.headers.getSetCookie()].join('\n');
  const found: string[] = [];
  if (text.includes('/invite/')) found.push('an /invite/ link');
  for (const token of text.match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g) ?? []) {
    for (const audience of ['invitation', 'attempt'] as const) {
      if (await verifyToken(t.deps.keys, audience, token, t.clock.now)) found.push(`a valid ${audience} token`);
    }
  }
  return found;
}

// ------------------------------------------------------------------ the matrix

describe('authorization matrix', () => {
  it('covers a real route list, not an empty one', () => {
    const app = routes('/app');
    expect(app.length, app.map((r) => `${r.method} ${r.path}`).join('\n')).toBeGreaterThanOrEqual(10);
    expect(app.filter(mutating).length).toBeGreaterThanOrEqual(5);
    expect(app.filter((r) => r.params.length > 0).length).toBeGreaterThanOrEqual(5);
    expect(app.some((r) => /export|\.csv/.test(r.path))).toBe(true);
  });

  it('finds a capability required by every route of the workspace, and one to change things on every change', () => {
    const unnamed = routes('/app').filter((r) => r.capabilities.length === 0);
    expect(unnamed.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    // A change guarded by a capability to look (assessment.view...) would let every reader make it.
    const viewOnly = routes('/app').filter((r) => mutating(r) && r.capabilities.every((c) => c.endsWith('.view')));
    expect(viewOnly.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it("gives each of A's roles the pages the table grants it (with A's data) and 403 for the others", async () => {
    const failures: string[] = [];
    let refused = 0;
    for (const route of routes('/app').filter((r) => r.method === 'GET')) {
      for (const [role, browser] of people()) {
        const res = await send(browser, 'GET', fill(route));
        const where = `${role} ${route.method} ${fill(route)}: ${res.status} ${res.headers.get('location') ?? ''}`;
        if (!allows(role, route)) {
          refused += 1;
          if (res.status !== 403) failures.push(`${where}, expected 403`);
        } else if (res.status !== 200 && !(res.status === 303 && /^\/app\//.test(res.headers.get('location') ?? ''))) {
          // A page, a download, or a redirect to another page of the workspace (never to sign-in or an error).
          failures.push(`${where}, expected a page`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The control: the table does refuse some pages (new assessment, API keys), so the 403s are checked.
    expect(refused).toBeGreaterThanOrEqual(3);
  });

  it("shows each of A's roles no link or form the table would refuse them", async () => {
    const failures: string[] = [];
    const seen: Record<string, number> = {};
    for (const page of routes('/app').filter((r) => r.method === 'GET')) {
      for (const [role, browser] of people()) {
        if (!allows(role, page)) continue;
        const res = await send(browser, 'GET', fill(page));
        if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
        for (const target of targets(await res.text())) {
          const route = routeAt(target.method, target.path);
          if (!route) continue;
          seen[role] = (seen[role] ?? 0) + 1;
          if (!allows(role, route))
            failures.push(`${role} on ${page.path}: ${target.method} ${target.path} (${route.capabilities})`);
        }
      }
    }
    expect([...new Set(failures)]).toEqual([]);
    // The control: the pages do link to the workspace, so the check above looked at something.
    expect(seen.reviewer).toBeGreaterThanOrEqual(10);
  });

  it("gives B's owner nothing of A: 403/404 for A's ids, no marker anywhere", async () => {
    const before = await snapshotA();
    const failures: string[] = [];
    for (const route of routes('/app')) {
      const path = fill(route);
      for (const headers of variants) {
        const res = await send(bOwner, route.method, path, headers);
        const text = await res.text();
        const where = `${route.method} ${route.path}${'HX-Request' in headers ? ' (htmx)' : ''}: ${res.status}`;
        if (leaks(text) || leaks(res.headers.get('location') ?? '')) failures.push(`${where} shows A's data`);
        const shared = route.params.every((p) => p === 'publicQuestionId');
        if (route.params.length > 0 && !shared && ![403, 404].includes(res.status))
          failures.push(`${where}, expected 403 or 404`);
        if (res.status >= 500) failures.push(where);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotA()).toBe(before);
  });

  it("gives B's API key nothing of A either", async () => {
    const api = routes('/api/v1');
    expect(api.length).toBeGreaterThanOrEqual(3);
    const before = await snapshotA();
    const failures: string[] = [];
    for (const route of api) {
      const path = fill(route);
      const mine = await t.app.request(path, { headers: { Authorization: `Bearer ${aApiKey}` } });
      if (route.method === 'GET' && mine.status !== 200)
        failures.push(`${route.path} with A's own key: ${mine.status}`);
      const res = await t.app.request(path, {
        method: route.method,
        headers: { Authorization: `Bearer ${bApiKey}`, 'Content-Type': 'application/json' },
        ...(route.method === 'GET' ? {} : { body: JSON.stringify(body()) }),
      });
      const text = await res.text();
      if (leaks(text)) failures.push(`${route.method} ${route.path} shows A's data`);
      if (route.params.length > 0 && ![403, 404].includes(res.status))
        failures.push(`${route.method} ${route.path}: ${res.status}, expected 403 or 404`);
    }
    expect(failures).toEqual([]);
    expect(await snapshotA()).toBe(before);
  });

  it("shows A's reviewer (and A's API key) no candidate's link or token on any page, download or answer", async () => {
    // The control: an owner sees the pending candidate's link, so the check below can find one.
    const ownerView = await send(aOwner, 'GET', `/app/assessments/${a.ids.assessment}/invitations`);
    expect(await candidateCredentials(ownerView)).toContain('an /invite/ link');

    const failures: string[] = [];
    for (const route of routes('/app').filter((r) => r.method === 'GET')) {
      for (const headers of variants) {
        const res = await send(aReviewer, 'GET', fill(route), headers);
        for (const what of await candidateCredentials(res))
          failures.push(`${route.path}${'HX-Request' in headers ? ' (htmx)' : ''}: ${what}`);
      }
    }
    for (const route of routes('/api/v1').filter((r) => r.method === 'GET')) {
      const res = await t.app.request(fill(route), { headers: { Authorization: `Bearer ${aApiKey}` } });
      expect(res.status, route.path).toBe(200);
      for (const what of await candidateCredentials(res)) failures.push(`${route.path} (API): ${what}`);
    }
    expect(failures).toEqual([]);
  });

  it("refuses every change the table does not grant A's admin and reviewer with 403, and changes nothing", async () => {
    const before = await snapshotA();
    const failures: string[] = [];
    const refused: Record<string, number> = {};
    for (const route of routes('/app').filter(mutating)) {
      for (const [role, browser] of people()) {
        if (allows(role, route)) continue;
        refused[role] = (refused[role] ?? 0) + 1;
        for (const headers of variants) {
          const res = await send(browser, route.method, fill(route), headers);
          if (res.status !== 403) failures.push(`${role} ${route.method} ${route.path}: ${res.status}, expected 403`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotA()).toBe(before);
    // Reviewers change nearly nothing; admins all but the team's roles and members; owners everything.
    expect(refused.reviewer).toBeGreaterThanOrEqual(5);
    expect(refused.admin).toBeGreaterThanOrEqual(2);
    expect(refused.owner).toBeUndefined();

    // The control: what a reviewer may do works, so the 403s above are about the role.
    const note = await aReviewer.post(`/app/attempts/${a.ids.attempt}/notes`, { body: 'Looks solid.' });
    expect(note.status).toBe(303);
    expect(await t.db.select().from(notes).where(eq(notes.body, 'Looks solid.'))).toHaveLength(1);
  });
});

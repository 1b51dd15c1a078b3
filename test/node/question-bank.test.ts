/**
 * An organization's private bank through its pages: an admin creates a collection, writes a
 * single-choice question with code through the form (live preview rendered by the candidate's
 * components, key shown) and a numeric one as Markdown, is refused a broken one with bank:check's
 * messages on its fields and nothing saved, submits, and needs a second admin to approve when the
 * organization asks for it. A reviewer reads and comments but cannot edit; another organization
 * finds nothing. A public question is copied into the bank. The private questions' marker never
 * shows on public pages, in a practice test or on another organization's pages.
 */
import { readFileSync } from 'node:fs';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemStats, memberships, questionEvents, questions, questionVersions, users } from '../../src/db/schema';
import { calibratePracticeBank } from '../../src/practice/calibration';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import { TestBrowser } from '../support/client';
import { signUpOwner, signUpReviewer } from '../support/people';

const marker = 'PrivMarker42';
let t: TestApp;
let owner: TestBrowser;
let colleague: TestBrowser;
let reviewer: TestBrowser;
let other: TestBrowser;
let collectionId = '';
let singleId = '';

async function signUpAdmin(email: string) {
  const browser = new TestBrowser(t.app);
  await browser.post('/signup', { name: 'Cem Colleague', email, password: 'a long enough passphrase' });
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  const [first] = await t.db.select().from(memberships).where(eq(memberships.role, 'owner'));
  await t.db.insert(memberships).values({ orgId: first?.orgId ?? '', userId: user?.id ?? '', role: 'admin' });
  return browser;
}

const privateQuestions = () => t.db.select().from(questions).where(isNotNull(questions.orgId));

const singleForm = (intent: string, extra: Record<string, string> = {}) => ({
  intent,
  mode: 'form',
  place: `${collectionId}/python`,
  slug: 'py-list-append',
  type: 'single',
  difficulty: '2',
  tags: 'lists, python',
  prompt: `What does this print? (${marker})\n\n\`\`\`python\nxs = [1]\nxs.append(2)\nprint(len(xs))\n\`\`\``,
  'option-text-0': '`1`',
  'option-text-1': '`2`',
  'option-correct-1': '1',
  'option-text-2': 'An error',
  'option-text-3': '',
  explanation: '`append` adds one element, so the list holds two.',
  ...extra,
});

const numericMarkdown = `## pg-page-size-ours
type: numeric
difficulty: 3

How many kilobytes is a default PostgreSQL page? (${marker})

### Answer

8 +- 0

### Explanation

The block size is 8 kB unless compiled otherwise.
`;

beforeAll(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme');
  reviewer = await signUpReviewer(t);
  colleague = await signUpAdmin('cem@example.com');
  other = await signUpOwner(t, 'bruno@example.com', 'Other Ltd');
});
afterAll(() => t.close());

describe('the private bank, end to end', () => {
  it('asks for a collection first, then creates one with its topics', async () => {
    const first = await owner.get('/app/bank/questions/new');
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/app/bank/collections?need=collection');
    const bad = await owner.post('/app/bank/collections', { title: '', topics: 'Not An Id' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Give the collection a title.');
    const made = await owner.post('/app/bank/collections', {
      title: 'Our backend',
      summary: 'Written by us.',
      topics: 'python | Python | https://docs.python.org/3/\nsql | SQL',
    });
    expect(made.status).toBe(303);
    const page = await (await owner.get('/app/bank/collections')).text();
    collectionId = /action="\/app\/bank\/collections\/(c_[\w-]+)"/.exec(page)?.[1] ?? '';
    expect(collectionId).toMatch(/^c_/);
  });

  it('previews a question as candidates see it, code highlighted and key shown, while typing', async () => {
    const res = await owner.post('/app/bank/preview', singleForm('preview'), {
      'HX-Request': 'true',
      'HX-Request-Type': 'partial',
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(html).toContain('hljs-built_in'); // print, highlighted by the bank's highlighter
    expect(html).toContain('type="radio"'); // the candidate's single-choice control
    expect(html).toContain('Correct answer');
    expect(html).toContain('<code>2</code>');
  });

  it('previews without JavaScript through the Preview button, saving nothing', async () => {
    const res = await owner.post('/app/bank/questions/new', singleForm('preview'));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Write a question</h1>');
    expect(html).toContain('hljs-built_in');
    expect(html).toContain('Correct answer');
    expect(await privateQuestions()).toEqual([]);
  });

  it('writes a type added to the registry later (code) through its answer section in the form', async () => {
    const file = readFileSync('questions/programming-languages/javascript-coding.md', 'utf8');
    const block = `## ${file.split(/^## /m)[1] ?? ''}`;
    const toForm = await owner.post('/app/bank/questions/new', {
      intent: 'form',
      mode: 'markdown',
      place: `${collectionId}/python`,
      markdown: block,
    });
    const html = await toForm.text();
    expect(html).toContain('<option value="code" selected="">');
    expect(html).toContain('#### Hidden tests');
    const preview = await owner.post('/app/bank/preview', {
      mode: 'markdown',
      place: `${collectionId}/python`,
      markdown: block,
    });
    const fragment = await preview.text();
    expect(fragment).not.toContain('bank:check finds');
    expect(fragment).toContain('Correct answer');
  });

  it('refuses a broken question with the messages of bank:check on its fields, saving nothing (422)', async () => {
    const res = await owner.post(
      '/app/bank/questions/new',
      singleForm('save', { 'option-correct-1': '', explanation: '', slug: 'Bad Slug' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#f-slug"');
    expect(html).toContain('must be lower-case kebab case');
    expect(html).toContain('href="#f-option-text-0"');
    expect(html).toContain('Explanation: the explanation is empty');
    expect(html).toContain(marker); // the prompt is kept
    expect(await privateQuestions()).toEqual([]);
    // The live preview says the same, as a fragment (a half-written question is no failed request).
    const preview = await owner.post('/app/bank/preview', singleForm('preview', { explanation: '' }));
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('Explanation: the explanation is empty');
  });

  it('saves a single-choice question from the form and a numeric one written as Markdown', async () => {
    const saved = await owner.post('/app/bank/questions/new', singleForm('save', { changeNote: 'first go' }));
    expect(saved.status).toBe(303);
    singleId = /\/app\/bank\/questions\/(q_[\w-]+)\?done=saved/.exec(saved.headers.get('location') ?? '')?.[1] ?? '';
    expect(singleId).not.toBe('');
    const page = await (await owner.get(`/app/bank/questions/${singleId}`)).text();
    expect(page).toContain('py-list-append');
    expect(page).toContain('Draft');
    expect(page).toContain('first go');

    const toMarkdown = await owner.post('/app/bank/questions/new', singleForm('markdown'));
    expect(toMarkdown.status).toBe(200);
    expect(await toMarkdown.text()).toContain('## py-list-append');

    const numeric = await owner.post('/app/bank/questions/new', {
      intent: 'save',
      mode: 'markdown',
      place: `${collectionId}/sql`,
      markdown: numericMarkdown,
    });
    expect(numeric.status).toBe(303);
    const broken = await owner.post('/app/bank/questions/new', {
      intent: 'save',
      mode: 'markdown',
      place: `${collectionId}/sql`,
      markdown: numericMarkdown.replace('8 +- 0', 'eight'),
    });
    expect(broken.status).toBe(422);
    expect(await broken.text()).toContain('Line 9: &quot;eight&quot; is not a number');
    expect((await privateQuestions()).length).toBe(2);
  });

  it('edits into a new version, and the same text into none', async () => {
    const edit = await owner.get(`/app/bank/questions/${singleId}/edit`);
    expect(edit.status).toBe(200);
    expect(await edit.text()).toContain('name="baseVersion" value="1"');
    const same = await owner.post(`/app/bank/questions/${singleId}/edit`, { ...singleForm('save'), baseVersion: '1' });
    expect(same.headers.get('location')).toContain('done=unchanged');
    const changed = await owner.post(`/app/bank/questions/${singleId}/edit`, {
      ...singleForm('save', { difficulty: '3', changeNote: 'harder' }),
      baseVersion: '1',
    });
    expect(changed.headers.get('location')).toContain('done=saved');
    const stale = await owner.post(`/app/bank/questions/${singleId}/edit`, {
      ...singleForm('save', { difficulty: '4' }),
      baseVersion: '1',
    });
    expect(stale.status).toBe(409);
    const versions = await t.db.select().from(questionVersions).where(eq(questionVersions.questionId, singleId));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    // The history shows what changed, line by line.
    const page = await (await owner.get(`/app/bank/questions/${singleId}`)).text();
    expect(page).toContain('<del>− difficulty: 2</del><ins>+ difficulty: 3</ins>');
    expect(page).toContain('harder');
  });

  it('needs a second admin to approve once the organization asks for it', async () => {
    expect((await owner.post('/app/settings/question-approval', { required: '1' })).status).toBe(303);
    expect((await owner.post(`/app/bank/questions/${singleId}/submit`)).status).toBe(303);
    // A reviewer's way back: sent back with a reason, then submitted again.
    const sendBack = await colleague.post(`/app/bank/questions/${singleId}/return`, { body: 'Say which Python.' });
    expect(sendBack.status).toBe(303);
    expect(await (await owner.get(`/app/bank/questions/${singleId}`)).text()).toContain('Say which Python.');
    expect((await owner.post(`/app/bank/questions/${singleId}/submit`)).status).toBe(303);
    const self = await owner.post(`/app/bank/questions/${singleId}/approve`);
    expect(self.status).toBe(409);
    expect(await self.text()).toContain('someone other than the last editor');
    expect((await colleague.post(`/app/bank/questions/${singleId}/approve`)).status).toBe(303);
    const [row] = await t.db.select().from(questions).where(eq(questions.id, singleId));
    expect(row?.status).toBe('active');
    // An edit of the live question needs approving again.
    const edited = await owner.post(`/app/bank/questions/${singleId}/edit`, {
      ...singleForm('save', { difficulty: '3', tags: 'lists, python, len' }),
      baseVersion: '2',
    });
    expect(edited.headers.get('location')).toContain('done=back-to-review');
    expect(await (await owner.get(edited.headers.get('location') ?? '')).text()).toContain('is in review again');
    expect((await colleague.post(`/app/bank/questions/${singleId}/approve`)).status).toBe(303);
  });

  it('lets a reviewer read and comment, and refuses editing and approving (403)', async () => {
    const page = await reviewer.get(`/app/bank/questions/${singleId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Correct answer');
    expect(html).not.toContain(`/app/bank/questions/${singleId}/edit`);
    expect(
      (await reviewer.post(`/app/bank/questions/${singleId}/comments`, { body: 'Is 2 unambiguous?' })).status,
    ).toBe(303);
    expect((await reviewer.get(`/app/bank/questions/${singleId}/edit`)).status).toBe(403);
    expect((await reviewer.post(`/app/bank/questions/${singleId}/edit`, singleForm('save'))).status).toBe(403);
    expect((await reviewer.post(`/app/bank/questions/${singleId}/retire`)).status).toBe(403);
    expect((await reviewer.post('/app/bank/preview', singleForm('preview'))).status).toBe(403);
    const events = await t.db.select().from(questionEvents).where(eq(questionEvents.questionId, singleId));
    expect(events.map((e) => e.action)).toEqual([
      'created',
      'edited',
      'submitted',
      'returned',
      'submitted',
      'approved',
      'edited',
      'approved',
      'commented',
    ]);
    const history = await (await owner.get(`/app/bank/questions/${singleId}`)).text();
    expect(history).toContain('Is 2 unambiguous?');
  });

  it('copies a public question into the bank as a draft', async () => {
    const page = await owner.get('/app/bank/public/alpha-s1');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Copy as a draft');
    const copied = await owner.post('/app/bank/public/alpha-s1/copy', { place: `${collectionId}/python` });
    expect(copied.status).toBe(303);
    const id = /questions\/(q_[\w-]+)/.exec(copied.headers.get('location') ?? '')?.[1] ?? '';
    const [version] = await t.db.select().from(questionVersions).where(eq(questionVersions.questionId, id));
    expect(version?.sourceText).toContain('## alpha-s1');
    const [event] = await t.db.select().from(questionEvents).where(eq(questionEvents.questionId, id));
    expect(event?.action).toBe('copied');
  });

  it('shows another organization nothing of it', async () => {
    for (const path of [
      `/app/bank/questions/${singleId}`,
      `/app/bank/questions/${singleId}/edit`,
      `/app/bank/public/${singleId}`,
    ]) {
      const res = await other.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain(marker);
    }
    expect((await other.post(`/app/bank/questions/${singleId}/comments`, { body: 'hi' })).status).toBe(404);
    expect((await other.post(`/app/bank/collections/${collectionId}`, { title: 'Mine', topics: 'a | A' })).status).toBe(
      404,
    );
    // Searched by words of its prompt (the search box echoes the words, so not by the marker).
    for (const bank of ['ours', 'public']) {
      const list = await (await other.get(`/app/bank?bank=${bank}&text=does+this+print`)).text();
      expect(list, bank).not.toContain(marker);
      expect(list, bank).toContain('No question matches');
    }
    // The owner's own list finds it.
    expect(await (await owner.get('/app/bank?bank=ours&text=does+this+print')).text()).toContain(marker);
    // As the live filter asks for it: the results alone.
    const fragment = await owner.get('/app/bank?bank=ours&type=single&difficulty=3&tag=lists', {
      'HX-Request': 'true',
      'HX-Request-Type': 'partial',
    });
    const results = await fragment.text();
    expect(results).toMatch(/^<div id="bank-results">/);
    expect(results).toContain(marker);
    const none = await owner.get('/app/bank?bank=ours&type=numeric&tag=lists');
    expect(await none.text()).toContain('No question matches');
  });

  it('drops a collection or topic the bank does not have from the filters, and says so', async () => {
    // Another organization's collection id, as in a link forwarded between organizations.
    const foreign = await (await other.get(`/app/bank?bank=ours&collection=${collectionId}`)).text();
    expect(foreign).toContain(`There is no collection “${collectionId}” in this organization’s bank`);
    expect(foreign).not.toContain(marker);
    // Its own bank with an unknown collection: every collection's questions, its own included.
    const unknown = await (await owner.get('/app/bank?bank=ours&collection=no-such-collection')).text();
    expect(unknown).toContain('There is no collection “no-such-collection”');
    expect(unknown).toContain(marker);
    // An unknown topic in a known collection, through the live filter: the fragment says it too.
    const fragment = await owner.get(`/app/bank?bank=ours&collection=${collectionId}&topic=no-such-topic`, {
      'HX-Request': 'true',
      'HX-Request-Type': 'partial',
    });
    const results = await fragment.text();
    expect(results).toContain('There is no topic “no-such-topic” here');
    expect(results).toContain(marker);
    // A known collection and topic are applied, with no note.
    const known = await (await owner.get(`/app/bank?bank=ours&collection=${collectionId}&topic=python`)).text();
    expect(known).toContain(marker);
    expect(known).not.toContain('There is no');
    // The public bank names its areas.
    const area = await (await owner.get('/app/bank?bank=public&collection=no-such-area')).text();
    expect(area).toContain('There is no area “no-such-area” in the public bank');
  });

  it('never shows a private question on public pages, in practice or in pooled statistics', async () => {
    const anonymous = new TestBrowser(t.app);
    for (const path of ['/', `/areas/${collectionId}`, `/practice/${collectionId}`]) {
      const res = await anonymous.get(path);
      expect(await res.text(), path).not.toContain(marker);
      if (path !== '/') expect(res.status, path).toBe(404);
    }
    expect((await anonymous.post(`/practice/${collectionId}`)).status).toBe(404);
    // A practice test of a public area draws only public questions.
    const start = await anonymous.post('/practice/alpha');
    const attemptPath = start.headers.get('location') ?? '';
    expect(attemptPath).toMatch(/^\/attempts\//);
    expect(await (await anonymous.get(attemptPath)).text()).not.toContain(marker);
    await calibratePracticeBank(t.db, t.clock.now);
    const pooled = await t.db.select().from(itemStats).where(eq(itemStats.questionId, singleId));
    expect(pooled).toEqual([]);
    const privateRows = await t.db
      .select()
      .from(questions)
      .where(and(eq(questions.areaId, 'alpha'), eq(questions.id, singleId)));
    expect(privateRows).toEqual([]);
  });
});

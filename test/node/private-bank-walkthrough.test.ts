/**
 * A hiring test built only from an organization's own questions, driven through the pages as the
 * people would (same-origin form posts, no database writes by the test): the owner invites an
 * admin by link; the admin creates a collection and writes one question of every registered type
 * through the authoring form, previews one, is refused a broken one with bank:check's message
 * and nothing saved, and submits them; the owner approves them (the organization asks for a
 * second person). The owner builds an assessment from that collection alone and invites a
 * candidate, who answers everything (the code and SQL questions with correct code) and
 * finishes; the report shows each question and 100%. Then the admin edits a question after use:
 * a new version, in the history; the finished report keeps the old text and the next candidate
 * gets the new one. A retired question is not drawn and stays, with its versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGradingPool } from '../../src/grading/node/pool';
import { questionTypes } from '../../src/question-types/rules';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import { TestBrowser } from '../support/client';
import { assessmentForm } from '../support/fixtures';
import { inviteThroughForm } from '../support/invite-link';
import { signUpOwner } from '../support/people';

const pool = createGradingPool({ size: 1 });
const password = 'a long enough passphrase';

let t: TestApp;
let owner: TestBrowser;
let admin: TestBrowser;
let collectionId = '';
let assessmentId = '';
/** Question ids by type. */
const ids: Record<string, string> = {};
let firstAttemptId = '';

/** The text a reader sees: tags dropped, entities read, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');

const codeAnswerSection = `function: countVowels
time: 500 ms

#### Starter

\`\`\`js
function countVowels(text) {
  // your code
}
\`\`\`

#### Tests

- \`countVowels("hello")\` → \`2\`

#### Hidden tests

- \`countVowels("")\` → \`0\`
- \`countVowels("AEIOU")\` → \`5\`
- \`countVowels("rhythm")\` → \`0\`
- \`countVowels("Queue")\` → \`4\`
- \`countVowels("sky")\` → \`0\`

#### Reference solution

\`\`\`js
const countVowels = (text) => (text.match(/[aeiou]/gi) ?? []).length;
\`\`\`

#### Wrong solution

\`\`\`js
// Forgets capital letters.
const countVowels = (text) => (text.match(/[aeiou]/g) ?? []).length;
\`\`\``;

const sqlAnswerSection = `order matters: no

#### Schema

\`\`\`sql
CREATE TABLE staff (id INTEGER PRIMARY KEY, name TEXT NOT NULL, team TEXT);
\`\`\`

#### Tests

- two teams
  \`\`\`sql
  INSERT INTO staff VALUES (1, 'Ada', 'core'), (2, 'Linus', 'edge');
  \`\`\`

#### Hidden tests

- one team only
  \`\`\`sql
  INSERT INTO staff VALUES (1, 'Ada', 'core'), (2, 'Grace', 'core');
  \`\`\`
- someone without a team
  \`\`\`sql
  INSERT INTO staff VALUES (1, 'Ada', 'core'), (2, 'Sam', NULL);
  \`\`\`
- nobody
  \`\`\`sql
  \`\`\`
- everyone in the core team
  \`\`\`sql
  INSERT INTO staff VALUES (1, 'Kim', 'core'), (2, 'Lee', 'core'), (3, 'Max', 'core');
  \`\`\`
- two people of the same name
  \`\`\`sql
  INSERT INTO staff VALUES (1, 'Sam', 'core'), (2, 'Sam', 'edge'), (3, 'Sam', 'core');
  \`\`\`

#### Reference query

\`\`\`sql
SELECT name FROM staff WHERE team = 'core';
\`\`\`

#### Wrong query

\`\`\`sql
-- Everyone, whatever their team.
SELECT name FROM staff;
\`\`\``;

const correctCode = 'function countVowels(text) {\n  return (text.match(/[aeiou]/gi) || []).length;\n}\n';
const correctQuery = "SELECT name FROM staff WHERE team = 'core'";

/** The marker a question's prompt carries, so a page can be matched to its question. */
const marker = (type: string) => `PWK-${type}-prompt`;

/** The authoring form's fields for one question of each type, as an admin fills them in. */
function formFor(type: string): Record<string, string> {
  const base = {
    intent: 'save',
    mode: 'form',
    place: `${collectionId}/services`,
    slug: `ours-${type}`,
    type,
    difficulty: String(1 + (questionTypes.indexOf(type as never) % 5)),
    tags: 'walkthrough',
    prompt: `${marker(type)}: which answer fits our services?`,
    explanation: `Explained for ${type}: the right answer follows from how our services are set up, and the others do not.`,
  };
  const options = (rows: [string, boolean][]) =>
    Object.fromEntries(
      rows.flatMap(([text, correct], i) => [
        [`option-text-${i}`, text],
        ...(correct ? [[`option-correct-${i}`, '1']] : []),
      ]),
    );
  switch (type) {
    case 'single':
      return {
        ...base,
        ...options([
          ['the billing gateway', false],
          ['the public gateway', true],
          ['the mail relay', false],
        ]),
      };
    case 'multiple':
      return {
        ...base,
        ...options([
          ['the ledger', true],
          ['the printer', false],
          ['the queue', true],
          ['the fax', false],
        ]),
      };
    case 'truefalse':
      return { ...base, truth: 'false' };
    case 'text':
      return { ...base, accepted: 'gatekeeper\nthe gatekeeper' };
    case 'numeric':
      return { ...base, value: '443', tolerance: '' };
    case 'ordering':
      return { ...base, order: 'build the image\npush the image\nroll out the service' };
    case 'code':
      return { ...base, prompt: `${marker(type)}: count the vowels of a text.`, answerSection: codeAnswerSection };
    case 'sql':
      return { ...base, prompt: `${marker(type)}: list the core team.`, answerSection: sqlAnswerSection };
    default:
      throw new Error(`the walkthrough has no question of type ${type}: add one`);
  }
}

/** The right answer to the question on a candidate's page, as the answer form posts it. */
function rightAnswer(type: string, html: string): Record<string, string | string[]> {
  // Options travel as display positions: find each by its text.
  const shown = [
    ...html.matchAll(/<input type="(?:radio|checkbox)" name="choices?" value="(\d+)"[^>]*>\s*<span>(.*?)<\/span>/g),
  ];
  const positionOf = (text: string) => {
    const found = shown.find((m) => textOf(m[2] ?? '').trim() === text);
    if (!found) throw new Error(`option "${text}" is not on the page`);
    return found[1] ?? '';
  };
  switch (type) {
    case 'single':
      return { choice: positionOf('the public gateway') };
    case 'multiple':
      return { choices: [positionOf('the ledger'), positionOf('the queue')] };
    case 'truefalse':
      return { choice: 'false' };
    case 'text':
      return { text: 'The Gatekeeper' };
    case 'numeric':
      return { number: '443' };
    case 'ordering': {
      const correct = ['build the image', 'push the image', 'roll out the service'];
      const items = [...html.matchAll(/<select name="pos_(\d+)"[\s\S]*?<\/select>\s*<span>(.*?)<\/span>/g)];
      expect(items).toHaveLength(3);
      return Object.fromEntries(
        items.map((m) => [`pos_${m[1]}`, String(correct.indexOf(textOf(m[2] ?? '').trim()) + 1)]),
      );
    }
    case 'code':
      return { source: correctCode };
    case 'sql':
      return { source: correctQuery };
    default:
      throw new Error(`no answer for ${type}`);
  }
}

const typeOfPage = (html: string) => questionTypes.find((type) => html.includes(marker(type)));

/** The assessment the owner builds from the collection alone, asking `count` of its questions. */
const platformTest = (count: number) =>
  assessmentForm(
    {
      title: 'Platform hiring test',
      description: 'Our own questions only.',
      sources: { [collectionId]: { count, mix: [1, 1, 1] } },
    },
    { timeLimitMinutes: '30' },
  );

/** The owner invites a candidate through the invitations form; the candidate's browser opens the copied link and starts. */
async function inviteAndStart(name: string, email: string) {
  const path = await inviteThroughForm(owner, assessmentId, { name, email });
  const candidate = new TestBrowser(t.app);
  const landing = await candidate.get(path);
  expect(landing.status).toBe(200);
  const start = await candidate.post(path);
  expect(start.status).toBe(303);
  const attemptId = (start.headers.get('location') ?? '').split('/').pop() ?? '';
  expect(attemptId).not.toBe('');
  return { candidate, attemptId };
}

/** Every question page of an attempt, by position, without answering. */
async function pagesOf(candidate: TestBrowser, attemptId: string) {
  const first = await (await candidate.get(`/attempts/${attemptId}?q=0`)).text();
  const total = Number(/Question 1 of (\d+)/.exec(textOf(first))?.[1] ?? 0);
  expect(total).toBeGreaterThan(0);
  const pages = [first];
  for (let q = 1; q < total; q++) pages.push(await (await candidate.get(`/attempts/${attemptId}?q=${q}`)).text());
  return pages;
}

/** Answers every question right through the answer form (no script: a plain post, then the next page), and finishes. */
async function answerAllAndFinish(candidate: TestBrowser, attemptId: string) {
  const pages = await pagesOf(candidate, attemptId);
  const types: string[] = [];
  for (const [q, html] of pages.entries()) {
    const type = typeOfPage(html);
    if (!type) throw new Error(`question ${q + 1} is none of the walkthrough's: ${textOf(html).slice(0, 300)}`);
    types.push(type);
    const saved = await candidate.post(`/attempts/${attemptId}/answers`, {
      q: String(q),
      seq: '1',
      ...rightAnswer(type, html),
      go: 'next',
    });
    expect(saved.status, `${type}: ${saved.status === 422 ? textOf(await saved.text()).slice(0, 400) : ''}`).toBe(303);
  }
  expect((await candidate.post(`/attempts/${attemptId}/finish`)).status).toBe(303);
  return { pages, types };
}

const privateCount = async () => {
  const list = textOf(await (await admin.get('/app/bank?bank=ours')).text());
  if (list.includes('No questions of your own yet')) return 0;
  return Number(/(\d+) questions?\b/.exec(list)?.[1] ?? Number.NaN);
};

beforeAll(async () => {
  t = await makeTestApp();
  // As src/node.ts does: code and SQL answers are graded in worker threads.
  t.deps.grade = pool.grade;
  // The public bank is there too, and none of it may be drawn.
  await importTestBank(t.db);
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
  // The owner invites Ada as an admin by link; Ada signs up from it and accepts.
  const invited = await owner.post('/app/team/invites', { email: 'ada@example.com', role: 'admin' });
  expect(invited.status).toBe(303);
  const team = await (await owner.get(invited.headers.get('location') ?? '/app/team')).text();
  const joinPath = new URL(/value="(http:\/\/localhost\/team\/join\/[\w.-]+)"/.exec(team)?.[1] ?? '').pathname;
  admin = new TestBrowser(t.app);
  const signup = await admin.post('/signup', { name: 'Ada Admin', email: 'ada@example.com', password, next: joinPath });
  expect(signup.headers.get('location')).toBe(joinPath);
  expect((await admin.post(joinPath)).headers.get('location')).toBe('/app');
});
afterAll(async () => {
  t?.close();
  await pool.close();
});

describe('a hiring test from an organization’s own questions', () => {
  it('the admin creates a collection', async () => {
    const made = await admin.post('/app/bank/collections', {
      title: 'Our platform',
      summary: 'Questions about our own services.',
      topics: 'services | Services',
    });
    expect(made.status).toBe(303);
    const page = await (await admin.get('/app/bank/collections')).text();
    collectionId = /action="\/app\/bank\/collections\/(c_[\w-]+)"/.exec(page)?.[1] ?? '';
    expect(collectionId).toMatch(/^c_/);
  });

  it('previews a question as candidates will see it, key included, saving nothing', async () => {
    const res = await admin.post(
      '/app/bank/preview',
      { ...formFor('ordering'), intent: 'preview' },
      {
        'HX-Request': 'true',
        'HX-Request-Type': 'partial',
      },
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('bank:check finds');
    expect(html).toContain(marker('ordering'));
    expect(html).toContain('name="pos_0"'); // the candidate's ordering control
    expect(html).toContain('Correct answer');
    expect(await privateCount()).toBe(0);
  });

  it('refuses a broken question with bank:check’s message on its field, and saves nothing', async () => {
    const broken = await admin.post('/app/bank/questions/new', { ...formFor('numeric'), value: 'four hundred' });
    expect(broken.status).toBe(422);
    const html = await broken.text();
    expect(html).toContain('href="#f-value"');
    expect(textOf(html)).toContain('"four hundred" is not a number');
    expect(html).toContain(marker('numeric')); // what was typed is kept
    // A code question whose reference solution fails its own hidden test: bank:check runs it.
    const failing = await admin.post('/app/bank/questions/new', {
      ...formFor('code'),
      answerSection: codeAnswerSection.replace('`countVowels("Queue")` → `4`', '`countVowels("Queue")` → `3`'),
    });
    expect(failing.status).toBe(422);
    const refused = await failing.text();
    expect(refused).toContain('href="#f-answerSection"');
    expect(textOf(refused)).toContain('the reference solution fails test "countVowels("Queue")": expected 3, got 4');
    expect(await privateCount()).toBe(0);
  }, 60_000);

  it('writes one question of every registered type through the form', async () => {
    expect([...questionTypes].sort()).toEqual(
      ['code', 'multiple', 'numeric', 'ordering', 'single', 'sql', 'text', 'truefalse'].sort(),
    );
    for (const type of questionTypes) {
      const saved = await admin.post('/app/bank/questions/new', formFor(type));
      expect(saved.status, `${type}: ${textOf(await saved.clone().text()).slice(0, 600)}`).toBe(303);
      const id = /\/app\/bank\/questions\/(q_[\w-]+)\?done=saved/.exec(saved.headers.get('location') ?? '')?.[1];
      expect(id, type).toBeDefined();
      ids[type] = id ?? '';
      const page = await (await admin.get(`/app/bank/questions/${id}`)).text();
      expect(page).toContain(`ours-${type}`);
      expect(page).toContain('Draft');
    }
    expect(await privateCount()).toBe(questionTypes.length);
  }, 60_000);

  it('goes live through review: the admin submits, the owner approves (a second person)', async () => {
    expect((await owner.post('/app/settings/question-approval', { required: '1' })).status).toBe(303);
    for (const type of questionTypes) {
      expect((await admin.post(`/app/bank/questions/${ids[type]}/submit`)).status).toBe(303);
      const self = await admin.post(`/app/bank/questions/${ids[type]}/approve`);
      expect(self.status).toBe(409);
      expect((await owner.post(`/app/bank/questions/${ids[type]}/approve`)).status).toBe(303);
    }
    const active = await (await admin.get('/app/bank?bank=ours&status=active')).text();
    expect(textOf(active)).toContain(`${questionTypes.length} questions`);
  });

  it('the owner builds an assessment drawn only from the collection', async () => {
    const form = await (await owner.get('/app/assessments/new')).text();
    expect(form).toContain('Our platform');
    expect(form).toContain(`name="count_${collectionId}"`);
    const created = await owner.post('/app/assessments', platformTest(questionTypes.length));
    expect(created.status, textOf(await created.clone().text()).slice(0, 600)).toBe(303);
    assessmentId = (created.headers.get('location') ?? '').split('/').pop() ?? '';
    const overview = textOf(await (await owner.get(`/app/assessments/${assessmentId}`)).text());
    expect(overview).toContain(`Our platform: ${questionTypes.length} questions`);
    const poolPage = await (await owner.get(`/app/assessments/${assessmentId}/pool`)).text();
    for (const type of questionTypes) expect(poolPage).toContain(ids[type]);
    expect(poolPage).not.toContain('alpha-');
  });

  it('a candidate answers every question, the code and SQL ones with correct code, and finishes', async () => {
    const { candidate, attemptId } = await inviteAndStart('Casey Candidate', 'casey@example.com');
    firstAttemptId = attemptId;
    const { types, pages } = await answerAllAndFinish(candidate, attemptId);
    expect([...types].sort()).toEqual([...questionTypes].sort());
    // Keys never reached the candidate's pages.
    const all = pages.join('\n');
    for (const type of questionTypes) expect(all).not.toContain(`Explained for ${type}`);
    expect(all).not.toContain('Forgets capital letters');
    expect(all).not.toContain('countVowels("Queue")');
    const result = textOf(await (await candidate.get(`/attempts/${attemptId}/result`)).text());
    expect(result).toContain('100%');
  }, 60_000);

  it('the owner’s report shows each question, its answer right, the hidden tests and the score', async () => {
    const res = await owner.get(`/app/attempts/${firstAttemptId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = textOf(html);
    for (const type of questionTypes) {
      expect(html).toContain(marker(type));
      expect(html).toContain(ids[type]);
    }
    expect(html.match(/<span class="badge ok">Correct<\/span>/g)).toHaveLength(questionTypes.length);
    expect(text.match(/Hidden tests: 5 of 5 passed/g)).toHaveLength(2);
    expect(text).toContain('100%');
    expect(text).toContain('Our platform');
  });

  it('an edit after use is a new version in the history; the finished report keeps the old text', async () => {
    const id = ids.single ?? '';
    const edit = await admin.get(`/app/bank/questions/${id}/edit`);
    expect(edit.status).toBe(200);
    expect(await edit.text()).toContain('name="baseVersion" value="1"');
    const newPrompt = `${marker('single')}: which gateway answers our public traffic since the move?`;
    const saved = await admin.post(`/app/bank/questions/${id}/edit`, {
      ...formFor('single'),
      prompt: newPrompt,
      baseVersion: '1',
      changeNote: 'Say which traffic.',
    });
    expect(saved.headers.get('location')).toContain('done=back-to-review');
    expect((await owner.post(`/app/bank/questions/${id}/approve`)).status).toBe(303);

    const page = textOf(await (await admin.get(`/app/bank/questions/${id}`)).text());
    expect(page).toContain('Version 2 · Ada Admin');
    expect(page).toContain('Version 1 · Ada Admin');
    expect(page).toContain('Say which traffic.');
    expect(page).toContain('+ PWK-single-prompt: which gateway answers our public traffic since the move?');

    const report = textOf(await (await owner.get(`/app/attempts/${firstAttemptId}`)).text());
    expect(report).toContain(`${marker('single')}: which answer fits our services?`);
    expect(report).not.toContain('since the move');
  });

  it('the next candidate gets the new version', async () => {
    const { candidate, attemptId } = await inviteAndStart('Bea Second', 'bea@example.com');
    const pages = await pagesOf(candidate, attemptId);
    const single = pages.find((html) => typeOfPage(html) === 'single') ?? '';
    expect(single).toContain('since the move');
    expect(single).not.toContain('which answer fits our services');
  });

  it('a retired question is no longer drawn, and is never deleted', async () => {
    const id = ids.truefalse ?? '';
    expect((await admin.post(`/app/bank/questions/${id}/retire`)).status).toBe(303);
    // The owner shrinks the assessment by one (a new version: candidates took it already).
    const edit = await owner.get(`/app/assessments/${assessmentId}/edit`);
    expect(edit.status).toBe(200);
    const saved = await owner.post(`/app/assessments/${assessmentId}`, platformTest(questionTypes.length - 1));
    expect(saved.status, textOf(await saved.clone().text()).slice(0, 600)).toBe(303);
    assessmentId = (saved.headers.get('location') ?? '').split('/').pop() ?? '';
    const poolPage = await (await owner.get(`/app/assessments/${assessmentId}/pool`)).text();
    expect(poolPage).not.toContain(id);

    const { candidate, attemptId } = await inviteAndStart('Cleo Third', 'cleo@example.com');
    const pages = await pagesOf(candidate, attemptId);
    expect(pages).toHaveLength(questionTypes.length - 1);
    expect(pages.some((html) => html.includes(marker('truefalse')))).toBe(false);

    // Still there, retired, with its version; the first report still shows it.
    const page = await admin.get(`/app/bank/questions/${id}`);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain('Retired');
    expect(text).toContain('Version 1 · Ada Admin');
    const retired = textOf(await (await admin.get('/app/bank?bank=ours&status=retired')).text());
    expect(retired).toContain('1 question');
    expect(await (await owner.get(`/app/attempts/${firstAttemptId}`)).text()).toContain(marker('truefalse'));
  });
});

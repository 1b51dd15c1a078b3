/**
 * The private bank in the deployable bundle under workerd with D1: a collection, a question
 * written through the authoring page (its batch of question, version and event), submitted and
 * activated, then listed with the tag filter (json_each) and the live preview's fragment.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app';
import { questionEvents, questions, questionVersions } from '../../src/db/schema';
import { TestBrowser } from '../support/client';
import { startWorker } from '../support/worker';

let worker: Awaited<ReturnType<typeof startWorker>>;
let app: App;

beforeAll(async () => {
  worker = await startWorker();
  app = worker.app;
});
afterAll(() => worker?.close());

const markdown = `## edge-numeric
type: numeric
difficulty: 2
tags: edge, d1

How many bytes are in a kibibyte?

### Answer

1024

### Explanation

Kibi means 2 to the 10th.
`;

describe('the private bank on Workers with D1', () => {
  it('writes a question with its version and event in one batch, moves it through review and lists it', async () => {
    const owner = new TestBrowser(app);
    const signUp = {
      name: 'Olivia',
      email: 'olivia@example.com',
      password: 'a long enough passphrase',
      orgName: 'Edge',
    };
    expect((await owner.post('/signup', signUp)).status).toBe(303);
    expect((await owner.post('/app/bank/collections', { title: 'Edge basics', topics: 'units | Units' })).status).toBe(
      303,
    );
    const page = await (await owner.get('/app/bank/collections')).text();
    const collectionId = /action="\/app\/bank\/collections\/(c_[\w-]+)"/.exec(page)?.[1] ?? '';

    const preview = await owner.post(
      '/app/bank/preview',
      { mode: 'markdown', place: `${collectionId}/units`, markdown },
      { 'HX-Request': 'true', 'HX-Request-Type': 'partial' },
    );
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('Correct answer');

    const saved = await owner.post('/app/bank/questions/new', {
      intent: 'save',
      mode: 'markdown',
      place: `${collectionId}/units`,
      markdown,
    });
    expect(saved.status).toBe(303);
    const id = /questions\/(q_[\w-]+)/.exec(saved.headers.get('location') ?? '')?.[1] ?? '';
    expect(await worker.db.select().from(questionVersions).where(eq(questionVersions.questionId, id))).toHaveLength(1);

    expect((await owner.post(`/app/bank/questions/${id}/submit`)).status).toBe(303);
    expect((await owner.post(`/app/bank/questions/${id}/approve`)).status).toBe(303);
    const [row] = await worker.db.select().from(questions).where(eq(questions.id, id));
    expect(row?.status).toBe('active');
    const events = await worker.db.select().from(questionEvents).where(eq(questionEvents.questionId, id));
    expect(events.map((e) => e.action)).toEqual(['created', 'submitted', 'activated']);

    const listed = await (await owner.get('/app/bank?bank=ours&tag=d1&text=kibibyte')).text();
    expect(listed).toContain(`/app/bank/questions/${id}`);
    expect(listed).toContain('<option value="d1" selected="">d1</option>');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank, secretMarker } from '../support/bank';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
});
afterEach(() => t.close());

describe('public skill area pages', () => {
  it('lists every area on the landing page with its question count', async () => {
    const html = await (await t.app.request('/')).text();
    expect(html).toMatch(/Alpha[\s\S]*10 questions/);
    expect(html).toMatch(/Beta[\s\S]*4 questions/);
    expect(html).toContain('href="/practice/alpha"');
  });

  it('shows topics, counts and the difficulty spread, and nothing from the answer keys', async () => {
    const res = await t.app.request('/areas/alpha');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('10 questions in 2 topics');
    expect(html).toMatch(/<td>T1<\/td><td class="num">5<\/td>/);
    expect(html).toMatch(/<td>T2<\/td><td class="num">5<\/td>/);
    // difficulty 1..5 of alpha: 1, 2, 3, 3, 1 questions (see test/support/bank.ts)
    expect(html).toContain(
      'Basic: 1 questions; Junior: 2 questions; Mid-level: 3 questions; Senior: 3 questions; Expert: 1 questions',
    );
    expect(html).not.toContain(secretMarker);
    expect(html).not.toContain('right one of');
  });

  it('answers an unknown area with a 404 page', async () => {
    const res = await t.app.request('/areas/nope');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('There is no skill area by that name');
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { limits } from '../../src/auth/throttle';
import { loginThrottle } from '../../src/db/schema';
import { makeTestApp, type TestApp } from '../support/app';
import { TestBrowser } from '../support/client';

const owner = { name: 'Olivia Owner', email: 'olivia@example.com', password: 'a long enough passphrase' };

let t: TestApp;
let server: Server;
let mails: Record<string, string>[];

/** Mails reach the relay after the answer (it is not awaited): wait for the count expected. */
async function mailsArrived(count: number) {
  for (let i = 0; i < 100 && mails.length < count; i++) await new Promise((r) => setTimeout(r, 20));
  return mails;
}

const linkIn = (mail: Record<string, string> | undefined) =>
  /http:\/\/localhost(\/password\/reset\/[\w.-]+)/.exec(mail?.text ?? '')?.[1] ?? '';

const signIn = (browser: TestBrowser, password: string, address = '198.51.100.1') =>
  browser.post('/login', { email: owner.email, password }, { 'X-Test-Address': address });

beforeEach(async () => {
  mails = [];
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => {
      mails.push(JSON.parse(data) as Record<string, string>);
      res.statusCode = 202;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t = await makeTestApp({ emailWebhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send` });
  t.deps.clientAddress = (c) => c.req.header('X-Test-Address');
  await new TestBrowser(t.app).post('/signup', { ...owner, orgName: 'Acme' }, { 'X-Test-Address': '198.51.100.1' });
});
afterEach(async () => {
  t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('a forgotten password, by email', () => {
  it('answers alike for any email, mails a link only to an account, and the link sets a new password once', async () => {
    const elsewhere = new TestBrowser(t.app);
    expect((await signIn(elsewhere, owner.password)).status).toBe(303);

    const ask = (email: string) => new TestBrowser(t.app).post('/password/forgot', { email });
    const known = await ask('Olivia@Example.com');
    const unknown = await ask('nobody@example.com');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const page = async (r: Response, email: string) =>
      (await r.text()).replaceAll(email, 'EMAIL').replace(/nonce="[^"]+"/g, 'nonce');
    const knownPage = await page(known, owner.email);
    expect(await page(unknown, 'nobody@example.com')).toBe(knownPage);
    expect(knownPage).toContain('If an account uses EMAIL, we have sent it a link');

    const [mail, ...more] = await mailsArrived(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(more).toHaveLength(0);
    expect(mail?.to).toBe(owner.email);
    expect(mail?.subject).toBe('Set a new Skillcheck password');
    const link = linkIn(mail);
    expect(link).toMatch(/^\/password\/reset\//);

    const browser = new TestBrowser(t.app);
    const form = await browser.get(link);
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect(await form.text()).toContain('Set a new password');
    expect((await browser.post(link, { password: 'short' })).status).toBe(422);
    const saved = await browser.post(link, { password: 'a brand new passphrase' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/app');
    expect((await browser.get('/app')).status).toBe(200);

    // Other sessions end; the old password no longer works; the link does not work twice.
    expect((await elsewhere.get('/app')).status).toBe(303);
    expect((await signIn(new TestBrowser(t.app), owner.password, '198.51.100.7')).status).toBe(401);
    expect((await signIn(new TestBrowser(t.app), 'a brand new passphrase', '198.51.100.8')).status).toBe(303);
    const again = await new TestBrowser(t.app).get(link);
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('not valid any more');
  });

  it('is the way back in for an owner locked out of new browsers: the counters clear, this browser is known', async () => {
    for (let i = 0; i < limits.account.max; i++)
      await signIn(new TestBrowser(t.app), 'wrong password guess', `192.0.2.${i}`);
    const newLaptop = new TestBrowser(t.app);
    expect((await signIn(newLaptop, owner.password, '198.51.100.50')).status).toBe(429);

    await newLaptop.post('/password/forgot', { email: owner.email });
    const link = linkIn((await mailsArrived(1))[0]);
    expect((await newLaptop.post(link, { password: 'a brand new passphrase' })).status).toBe(303);
    expect((await t.db.select().from(loginThrottle)).filter((r) => r.account === owner.email)).toEqual([]);
    await newLaptop.post('/logout');
    expect((await signIn(newLaptop, 'a brand new passphrase', '198.51.100.50')).status).toBe(303);
  });

  it('refuses an expired or forged link', async () => {
    await new TestBrowser(t.app).post('/password/forgot', { email: owner.email });
    const link = linkIn((await mailsArrived(1))[0]);
    const forged = `${link.slice(0, -3)}${link.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    expect((await new TestBrowser(t.app).post(forged, { password: 'a brand new passphrase' })).status).toBe(404);
    t.clock.advance(61 * 60_000);
    expect((await new TestBrowser(t.app).post(link, { password: 'a brand new passphrase' })).status).toBe(404);
    expect((await signIn(new TestBrowser(t.app), owner.password)).status).toBe(303);
  });

  it('sends at most a few mails an hour to one account, without saying so', async () => {
    for (let i = 0; i < limits.resetMail.max + 2; i++) {
      const res = await new TestBrowser(t.app).post(
        '/password/forgot',
        { email: owner.email },
        { 'X-Test-Address': `192.0.2.${i}` },
      );
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('we have sent it a link');
    }
    await mailsArrived(limits.resetMail.max);
    await new Promise((r) => setTimeout(r, 200));
    expect(mails).toHaveLength(limits.resetMail.max);
  });
});

describe('without an email service', () => {
  it('says the server cannot send the link, and points to an unlock', async () => {
    const local = await makeTestApp();
    const res = await new TestBrowser(local.app).post('/password/forgot', { email: owner.email });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('not set up to send email');
    expect(html).toContain('npm run account:unlock');
    expect(local.logs.some((l) => String(l.msg).startsWith('email not sent'))).toBe(false);
    local.close();
  });
});

import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../deps';
import type { AppEnv } from '../env';
import { PublicError } from '../http/public-error';
import { onError } from './errors';

/** An app whose routes throw what loaders and libraries throw, answered by the app's error handler. */
function appThatThrows() {
  const logs: LogEntry[] = [];
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', { log: (entry: LogEntry) => logs.push(entry) } as never);
    await next();
  });
  for (const prefix of ['/api', '/app']) {
    app.get(`${prefix}/missing`, () => {
      throw new PublicError(404, 'There is no assessment at this address in your organization.');
    });
    // Hono's own: "Cannot clone request: body was already consumed..." is for developers, not users.
    app.get(`${prefix}/internal`, () => {
      throw new HTTPException(500, { message: 'Cannot clone request: body was already consumed and not cached.' });
    });
    app.get(`${prefix}/conflict`, () => {
      throw new HTTPException(409, { message: 'Unique constraint failed: invitations.candidate_email' });
    });
  }
  app.onError(onError);
  return { app, logs };
}

const fragment = { 'HX-Request-Type': 'partial' };

describe('the error handler', () => {
  it("shows a PublicError's message with its status, as JSON, a fragment or a page", async () => {
    const { app, logs } = appThatThrows();
    const json = await app.request('/api/missing');
    expect(json.status).toBe(404);
    expect(await json.json()).toMatchObject({
      status: 404,
      detail: 'There is no assessment at this address in your organization.',
    });
    const part = await app.request('/app/missing', { headers: fragment });
    expect(part.status).toBe(404);
    const partHtml = await part.text();
    expect(partHtml).toContain('There is no assessment at this address in your organization.');
    expect(partHtml).not.toContain('<html');
    const page = await app.request('/app/missing');
    expect(page.status).toBe(404);
    expect(await page.text()).toMatch(/^<!DOCTYPE html>[\s\S]*There is no assessment at this address/);
    expect(logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it("keeps any other HTTPException's message from the client, however long, and says what its status means", async () => {
    const { app, logs } = appThatThrows();
    const conflict = await app.request('/api/conflict');
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({
      status: 409,
      detail: 'The request could not be completed.',
    });
    const internal = await app.request('/app/internal', { headers: fragment });
    expect(internal.status).toBe(500);
    const text = await internal.text();
    expect(text).not.toContain('Cannot clone');
    expect(text).toContain('We could not complete this request.');
    // A 5xx is our failure: logged with what the client was not told.
    expect(logs.filter((l) => l.level === 'error').map((l) => l.error)).toEqual([
      'Error: Cannot clone request: body was already consumed and not cached.',
    ]);
  });
});

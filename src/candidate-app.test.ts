import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { createCandidateApp, isCandidateRequest } from './candidate-app';
import { type AppDeps, defaultSettings } from './deps';

describe('isCandidateRequest', () => {
  it.each([
    ['GET', '/invite/abc.def'],
    ['POST', '/invite/abc.def'],
    ['GET', '/attempts/a1'],
    ['HEAD', '/attempts/a1'],
    ['GET', '/attempts/a1/questions'],
    ['POST', '/attempts/a1/answers'],
    ['POST', '/attempts/a1/reports'],
    ['POST', '/attempts/a1/events'],
    ['GET', '/attempts/a1/finish'],
    ['POST', '/attempts/a1/finish'],
  ])('claims %s %s for the candidate app', (method, path) => {
    expect(isCandidateRequest(method, path)).toBe(true);
  });

  it.each([
    ['GET', '/'],
    ['GET', '/healthz'],
    ['GET', '/app'],
    ['GET', '/practice/databases'],
    ['POST', '/practice/databases'],
    ['POST', '/attempts/a1/claim'],
    ['POST', '/attempts/a1/share'],
    ['POST', '/attempts/a1/share/revoke'],
    ['GET', '/attempts/a1/result'],
    ['GET', '/results/token'],
    ['GET', '/api/v1/attempts/a1'],
    ['DELETE', '/attempts/a1'],
    ['GET', '/attempts/a1/answers'],
    ['GET', '/invite'],
    ['GET', '/attempts'],
  ])('leaves %s %s to the whole app', (method, path) => {
    expect(isCandidateRequest(method, path)).toBe(false);
  });
});

describe('the routes of the whole app', () => {
  // Every route, its parameters filled in: the candidate Worker must claim exactly its own.
  const deps = { settings: defaultSettings } as AppDeps;
  const routes = createApp(deps).routes.filter((r) => r.method !== 'ALL');
  const candidateApp = createCandidateApp(deps).routes.filter((r) => r.method !== 'ALL');
  const candidateHandlers = new Set(candidateApp.map((route) => route.handler));
  const concrete = (path: string) => path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, 'x1');

  it('are many, some of them the candidate routes', () => {
    expect(routes.length).toBeGreaterThan(100);
    const own = candidateApp.map((route) => `${route.method} ${route.path}`);
    expect(own).toContain('POST /attempts/:id/answers');
    expect(routes.filter((r) => candidateHandlers.has(r.handler)).map((r) => `${r.method} ${r.path}`)).toEqual(own);
  });

  it('are claimed for the candidate app exactly when they are candidate routes', () => {
    const wrong = routes.filter(
      (r) => isCandidateRequest(r.method, concrete(r.path)) !== candidateHandlers.has(r.handler),
    );
    expect(wrong.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
});

/**
 * The OpenAPI document against the app itself: every /api/v1 and partner route the app serves is
 * described with its method, nothing described is missing from the app, and the document holds
 * the structure OpenAPI 3.1 requires (checked here field by field: no validator package yet).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

// biome-ignore lint/suspicious/noExplicitAny: a JSON document walked generically
type Json = any;

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const described = (path: string) => path.startsWith('/api/v1/') || path.startsWith('/partners/');

async function documentOf(): Promise<Json> {
  const res = await t.app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  return res.json();
}

/** "GET /api/v1/assessments/{id}" for every concrete route (middleware entries are ALL or wildcards). */
function appOperations(): string[] {
  const seen = new Set<string>();
  for (const r of t.app.routes) {
    if (r.method === 'ALL' || r.path.includes('*') || !described(r.path)) continue;
    seen.add(`${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`);
  }
  return [...seen].sort();
}

function documentOperations(doc: Json): string[] {
  return Object.entries(doc.paths as Record<string, Json>)
    .flatMap(([path, item]) => methods.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

/** Every `$ref` in the document, with where it is. */
function refs(node: Json, at = '#'): [string, string][] {
  if (Array.isArray(node)) return node.flatMap((item, i) => refs(item, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' ? [[at, String(value)] as [string, string]] : refs(value, `${at}/${key}`),
  );
}

function resolve(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce(
      (node: Json, part) => (node === undefined ? undefined : node[part.replace(/~1/g, '/').replace(/~0/g, '~')]),
      doc,
    );
}

/** What keeps `doc` from being a valid OpenAPI 3.1 document, as far as these checks see. */
function structuralProblems(doc: Json): string[] {
  const problems: string[] = [];
  if (doc.openapi !== '3.1.0') problems.push('openapi is not 3.1.0');
  if (typeof doc.info?.title !== 'string' || typeof doc.info?.version !== 'string')
    problems.push('info needs title and version');
  const schemes = Object.keys(doc.components?.securitySchemes ?? {});
  const checkSecurity = (security: Json, where: string) => {
    for (const requirement of security ?? [])
      for (const name of Object.keys(requirement))
        if (!schemes.includes(name)) problems.push(`${where}: unknown security scheme ${name}`);
  };
  checkSecurity(doc.security, 'document');
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    if (!path.startsWith('/')) problems.push(`${path}: paths start with /`);
    const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const method of methods.filter((m) => m in item)) {
      const op = item[method];
      const where = `${method.toUpperCase()} ${path}`;
      const responses = Object.entries(op.responses ?? {});
      if (responses.length === 0) problems.push(`${where}: no responses`);
      for (const [code, response] of responses as [string, Json][]) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(code)) problems.push(`${where}: response key ${code}`);
        if (typeof (response.description ?? resolve(doc, response.$ref ?? '')?.description) !== 'string')
          problems.push(`${where} ${code}: a response needs a description`);
      }
      const params: Json[] = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      for (const p of params) {
        if (typeof p.name !== 'string' || !['query', 'header', 'path', 'cookie'].includes(p.in))
          problems.push(`${where}: a parameter needs name and in`);
        if (p.in === 'path' && (p.required !== true || !pathParams.includes(p.name)))
          problems.push(`${where}: path parameter ${p.name} must be required and in the path`);
        if (!('schema' in p) && !('content' in p)) problems.push(`${where}: parameter ${p.name} needs a schema`);
      }
      for (const name of pathParams)
        if (!params.some((p) => p.in === 'path' && p.name === name))
          problems.push(`${where}: path parameter ${name} is not declared`);
      if (op.requestBody && typeof op.requestBody.content !== 'object')
        problems.push(`${where}: requestBody needs content`);
      if (op.operationId) {
        if (operationIds.has(op.operationId)) problems.push(`${where}: duplicate operationId`);
        operationIds.add(op.operationId);
      }
      checkSecurity(op.security, where);
    }
  }
  for (const [at, ref] of refs(doc))
    if (resolve(doc, ref) === undefined) problems.push(`${at}: ${ref} resolves to nothing`);
  return problems;
}

describe('the OpenAPI document', () => {
  it('describes exactly the routes the app serves under /api/v1 and /partners, method by method', async () => {
    const doc = await documentOf();
    const app = appOperations();
    expect(app.length).toBeGreaterThanOrEqual(14);
    expect(app).toContain('POST /api/v1/assessments/{id}/invitations/batch');
    expect(documentOperations(doc)).toEqual(app);
  });

  it('has the structure OpenAPI 3.1 requires', async () => {
    expect(structuralProblems(await documentOf())).toEqual([]);
  });

  it('finds a broken document broken (the check can fail)', async () => {
    const broken = structuredClone(await documentOf());
    broken.paths['/api/v1/attempts/{id}'].get.parameters = [];
    broken.paths['/api/v1/assessments/{id}'].get.responses['200'] = { $ref: '#/components/responses/Nope' };
    broken.paths['/api/v1/assessments'].get.responses = {};
    expect(structuralProblems(broken)).toEqual([
      'GET /api/v1/assessments: no responses',
      'GET /api/v1/assessments/{id} 200: a response needs a description',
      'GET /api/v1/attempts/{id}: path parameter id is not declared',
      '#/paths//api/v1/assessments/{id}/get/responses/200: #/components/responses/Nope resolves to nothing',
    ]);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/d1';
import { migrate } from 'drizzle-orm/d1/migrator';
import { Miniflare } from 'miniflare';
import type { App } from '../../src/app';
import { formatSigningKeys, generateSigningKey, parseSigningKeys } from '../../src/auth/keys';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createOrgWithOwner } from '../../src/db/accounts';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import type { Db } from '../../src/db/client';
import * as schema from '../../src/db/schema';
import type { AssessmentSettings } from '../../src/engine/assessment';
import { defaultAssessment } from './fixtures';

export interface WorkerOptions {
  /** The worker's vars and secrets; by default SIGNING_KEYS only. */
  bindings?: Record<string, string>;
  /** A D1 state directory made by wrangler (`--persist-to <dir>`), with the database id of wrangler.toml. */
  d1?: { persistTo: string; databaseId: string };
  /** The app Worker's vars and secrets, when they differ from the candidate Worker's. */
  appBindings?: Record<string, string>;
  /** Only the candidate Worker, as when the app Worker was never deployed: no APP or GRADER binding. */
  candidateOnly?: boolean;
}

/**
 * The two deployable Workers (built exactly as `npm run build:worker` builds them) running in
 * workerd through Miniflare, wired as wrangler.toml wires them: requests reach the candidate
 * Worker, which hands the rest to the app Worker (APP) and code answers to its Grader (GRADER).
 * Both see one real local D1 that has our migrations applied (a fresh one, or wrangler's local
 * state, which wrangler migrated). `logs` collects what either Worker logs.
 */
export async function startWorker(options: WorkerOptions = {}) {
  // Inside the project: workerd refuses module paths that climb out of its starting directory.
  mkdirSync('dist', { recursive: true });
  const outdir = mkdtempSync(join('dist', 'worker-test-'));
  const signingKeys = formatSigningKeys([generateSigningKey(Date.now())]);
  execFileSync('node', ['scripts/build-worker.mjs', outdir], { stdio: 'ignore' });
  const logs: string[] = [];
  const shared = {
    modules: true,
    // The grading engines' WebAssembly sits beside the app bundle, as wrangler uploads it.
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: '2026-07-01',
    d1Databases: { DB: options.d1?.databaseId ?? 'skillcheck-test' },
    bindings: options.bindings ?? { SIGNING_KEYS: signingKeys },
  } as const;
  const mf = new Miniflare({
    workers: [
      {
        ...shared,
        name: 'skillcheck',
        scriptPath: join(outdir, 'candidate', 'worker.js'),
        assets: { directory: 'public', routerConfig: { has_user_worker: true } },
        ...(options.candidateOnly
          ? {}
          : { serviceBindings: { APP: 'skillcheck-app', GRADER: { name: 'skillcheck-app', entrypoint: 'Grader' } } }),
      },
      ...(options.candidateOnly
        ? []
        : [
            {
              ...shared,
              name: 'skillcheck-app',
              scriptPath: join(outdir, 'app', 'worker-app.js'),
              ...(options.appBindings ? { bindings: options.appBindings } : {}),
            },
          ]),
    ],
    ...(options.d1 ? { d1Persist: join(options.d1.persistTo, 'v3', 'd1') } : {}),
    handleStructuredLogs: ({ message }: { message: string }) => {
      logs.push(message);
    },
  });
  await mf.ready;
  const d1 = await mf.getD1Database('DB');
  const db = drizzle(d1 as unknown as D1Database, { schema });
  if (!options.d1) await migrate(db, { migrationsFolder: 'drizzle' });
  const fetch = (path: string, init?: RequestInit) =>
    mf.dispatchFetch(`http://localhost${path}`, {
      redirect: 'manual',
      ...init,
    } as never) as unknown as Promise<Response>;
  return {
    mf,
    logs,
    /** Where the two bundles were built: candidate/worker.js and app/worker-app.js. */
    outdir,
    db: db as unknown as Db,
    keys: parseSigningKeys(signingKeys),
    fetch,
    /** The worker as a TestBrowser drives an app: its requests go to workerd. */
    app: { request: fetch } as unknown as App,
    close: async () => {
      await mf.dispose();
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}

/** An organization, an assessment (the default one unless `settings` says otherwise) and an invitation to it, in the worker's D1; its token. */
export async function inviteOnWorker(
  worker: Awaited<ReturnType<typeof startWorker>>,
  settings: AssessmentSettings = defaultAssessment,
): Promise<string> {
  const now = Date.now();
  const { orgId, userId } = await createOrgWithOwner(worker.db, {
    email: 'owner@example.com',
    name: 'Owner',
    passwordHash: 'unused',
    orgName: 'Edge Org',
  });
  const assessmentId = await createAssessment(worker.db, orgId, userId, settings, now);
  const expiresAt = now + 864e5;
  const invitationId = await createInvitation(
    worker.db,
    orgId,
    assessmentId,
    userId,
    { candidateName: 'Casey', candidateEmail: 'casey@example.com', expiresAt, extraSeconds: 0 },
    now,
  );
  return invitationToken({ keys: worker.keys, clock: Date.now } as never, invitationId, expiresAt);
}

/**
 * Seeds a fresh database file for the benchmark: migrations, the real bank from questions/, one
 * organization with a 20-question, 60-minute assessment over three areas, and N invitations.
 * Writes the signing keys and the invitation tokens to a JSON file; start the server with
 * SIGNING_KEYS set to those keys so the tokens verify.
 *
 *   tsx bench/seed.ts <db-file> <out.json> [invitations=4000]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { formatSigningKeys, generateSigningKey, parseSigningKeys } from '../src/auth/keys';
import { invitationToken } from '../src/candidate/invitation-token';
import { importBankFromDir } from '../src/cli/import-bank-dir';
import { createOrgWithOwner } from '../src/db/accounts';
import { createAssessment } from '../src/db/assessments';
import { libsqlConfig, libsqlDb } from '../src/db/client';
import { newId } from '../src/db/ids';
import { invitations } from '../src/db/schema';
import type { AppDeps } from '../src/deps';
import type { Seed } from './proc';

const [dbFile, outFile, countArg] = process.argv.slice(2);
if (!dbFile || !outFile) throw new Error('usage: tsx bench/seed.ts <db-file> <out.json> [invitations]');
if (existsSync(dbFile)) throw new Error(`${dbFile} exists: the seed wants a fresh file`);
const count = Number(countArg ?? 4000);

const url = `file:${resolve(dbFile)}`;
const client = createClient(libsqlConfig(url));
const db = await libsqlDb(client, url);
await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: resolve('drizzle') });
// Same directory and working directory as the server, so its start-up import finds the bank unchanged.
await importBankFromDir(db, resolve('questions'), Date.now(), () => {});

const now = Date.now();
const { orgId, userId } = await createOrgWithOwner(db, {
  email: 'owner@bench.example',
  name: 'Bench Owner',
  passwordHash: 'unused',
  orgName: 'Bench Hiring',
});
const assessmentId = await createAssessment(
  db,
  orgId,
  userId,
  {
    title: 'Backend screening (bench)',
    description: 'Twenty questions over three areas.',
    blueprint: {
      sections: [
        { area: 'databases', count: 8 },
        { area: 'api-design', count: 6 },
        { area: 'security', count: 6 },
      ],
    },
    timeLimitSeconds: 60 * 60,
    passMark: 60,
    shuffleQuestions: true,
    shuffleOptions: true,
    showAfter: 'review',
    opensAt: null,
    closesAt: null,
  },
  now,
);

const keys = [generateSigningKey(now)];
const deps = { keys: parseSigningKeys(formatSigningKeys(keys)), clock: () => now } as AppDeps;
const expiresAt = now + 7 * 864e5;
const ids = Array.from({ length: count }, () => newId());
for (let i = 0; i < ids.length; i += 500) {
  const rows = ids.slice(i, i + 500).map((id, j) => ({
    id,
    orgId,
    assessmentId,
    createdBy: userId,
    createdAt: now,
    candidateName: `Candidate ${i + j}`,
    candidateEmail: `candidate${i + j}@bench.example`,
    expiresAt,
    extraSeconds: 0,
  }));
  await db.insert(invitations).values(rows);
}
const tokens = await Promise.all(ids.map((id) => invitationToken(deps, id, expiresAt)));

// Fold the WAL into the main file, so copying the one file copies everything.
await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
client.close();
const seed: Seed = { signingKeys: formatSigningKeys(keys), assessmentId, tokens };
writeFileSync(outFile, JSON.stringify(seed));
console.log(`seeded ${count} invitations into ${dbFile}`);

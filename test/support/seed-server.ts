import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { formatSigningKeys, generateSigningKey, parseSigningKeys } from '../../src/auth/keys';
import { invitationToken } from '../../src/candidate/invitation-token';
import { nodeClient } from '../../src/cli/database';
import { createOrgWithOwner } from '../../src/db/accounts';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import { libsqlDb } from '../../src/db/client';
import type { AssessmentSettings } from '../../src/engine/assessment';
import { testBankFiles } from './bank';
import { defaultAssessment } from './fixtures';
import { startServer } from './server';

/** Banks written by this test process, removed when it exits (a server may read one until then). */
const writtenBanks = new Set<string>();
process.once('exit', () => {
  for (const dir of writtenBanks) rmSync(dir, { recursive: true, force: true });
});

/** The test bank (plus any extra files) written to disk, for a server started with QUESTIONS_DIR. */
export function writeTestBank(extra: { path: string; text: string }[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'skillcheck-bank-'));
  writtenBanks.add(dir);
  for (const file of [...testBankFiles(), ...extra]) {
    const path = join(dir, file.path.replace(/^questions\//, ''));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return dir;
}

/** A real server over the test bank, with known signing keys so the test can mint invitation links. */
export async function startSeededServer(env: Record<string, string> = {}) {
  const signingKeys = formatSigningKeys([generateSigningKey(Date.now())]);
  const server = await startServer({ QUESTIONS_DIR: writeTestBank(), SIGNING_KEYS: signingKeys, ...env });
  const url = `file:${join(server.dir, 'db.sqlite')}`;
  const client = nodeClient(url);
  const db = await libsqlDb(client, url);
  const deps = { keys: parseSigningKeys(signingKeys), clock: Date.now };

  async function invite(overrides: Partial<AssessmentSettings> = {}) {
    const now = Date.now();
    const { orgId, userId } = await createOrgWithOwner(db, {
      email: `owner-${now}-${Math.random()}@example.com`,
      name: 'Olivia Owner',
      passwordHash: 'unused',
      orgName: 'Acme Hiring',
    });
    const assessmentId = await createAssessment(db, orgId, userId, { ...defaultAssessment, ...overrides }, now);
    const expiresAt = now + 7 * 864e5;
    const invitationId = await createInvitation(
      db,
      orgId,
      assessmentId,
      userId,
      { candidateName: 'Casey Candidate', candidateEmail: 'casey@example.com', expiresAt, extraSeconds: 0 },
      now,
    );
    return {
      assessmentId,
      invitationId,
      link: `${server.url}/invite/${await invitationToken(deps as never, invitationId, expiresAt)}`,
    };
  }

  return {
    server,
    db,
    invite,
    async stop() {
      client.close();
      await server.stop();
      server.cleanup();
    },
  };
}

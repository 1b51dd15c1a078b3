import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/app';
import { defaultAssessment } from '../../test/support/fixtures';
import { createOrgWithOwner, organizationName } from './accounts';
import { createAssessment, createNextVersion, getAssessment, isSuperseded, lineageVersions } from './assessments';

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeEach(async () => {
  t = await openTestDb();
});
afterEach(() => t.close());

const now = Date.UTC(2026, 10, 23, 9, 0, 0);

async function org(name: string) {
  return createOrgWithOwner(t.db, { email: `${name}@example.com`, name, passwordHash: 'x', orgName: `${name} Ltd` });
}

describe('lineageVersions', () => {
  it('lists every version of one assessment in its organization, newest first, with their status', async () => {
    const { orgId, userId } = await org('ada');
    const id = await createAssessment(t.db, orgId, userId, defaultAssessment, now);
    const first = await getAssessment(t.db, orgId, id);
    if (!first) throw new Error('created');
    const secondId = await createNextVersion(t.db, first, userId, { ...defaultAssessment, passMark: 70 }, now + 1);
    await createAssessment(t.db, orgId, userId, defaultAssessment, now + 2);

    expect(await lineageVersions(t.db, orgId, first.lineageId)).toEqual([
      { id: secondId, version: 2, status: 'active' },
      { id, version: 1, status: 'archived' },
    ]);
    expect(await isSuperseded(t.db, first)).toBe(true);
    const second = secondId ? await getAssessment(t.db, orgId, secondId) : null;
    expect(second && (await isSuperseded(t.db, second))).toBe(false);
  });

  it('finds nothing of another organization', async () => {
    const a = await org('ada');
    const b = await org('bob');
    const id = await createAssessment(t.db, a.orgId, a.userId, defaultAssessment, now);
    const row = await getAssessment(t.db, a.orgId, id);
    expect(await lineageVersions(t.db, b.orgId, row?.lineageId ?? '')).toEqual([]);
  });
});

describe('organizationName', () => {
  it('names an organization, and nothing for an unknown id', async () => {
    const { orgId } = await org('ada');
    expect(await organizationName(t.db, orgId)).toBe('ada Ltd');
    expect(await organizationName(t.db, 'nope')).toBeNull();
  });
});

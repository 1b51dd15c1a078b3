import { type Client, createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/support/app';
import { seedInvitation } from '../../test/support/fixtures';
import { createOrgWithOwner } from './accounts';
import { invitationForCandidate } from './assessments';
import { blueprintPool } from './pool';

let t: TestApp;
/** Another writer on the same file: the CLI, or a second instance of the app. */
let other: Client;
beforeEach(async () => {
  t = await makeTestApp();
  other = createClient({ url: t.url });
});
afterEach(() => {
  other.close();
  t.close();
});

async function assessment() {
  const { invitationId } = await seedInvitation(t);
  const row = await invitationForCandidate(t.db, invitationId);
  if (!row) throw new Error('no invitation');
  return { orgId: row.invitation.orgId, blueprint: row.assessment.blueprint };
}

const generation = async () =>
  Number((await other.execute('select coalesce(sum(n), 0) as n from bank_generations')).rows[0]?.n);
/** One bank's count: an organization's id, or '' for the public bank. */
const countOf = async (scope: string) =>
  Number(
    (await other.execute({ sql: 'select n from bank_generations where scope = ?', args: [scope] })).rows[0]?.n ?? 0,
  );

/** A second organization, with no questions yet. */
async function otherOrganization() {
  const owner = { email: 'b@example.com', name: 'B', passwordHash: 'unused', orgName: 'Org B' };
  return (await createOrgWithOwner(t.db, owner)).orgId;
}

/** A question of `orgId` ('org-b-question') in an area, written by the other writer. */
async function addQuestionOf(orgId: string, areaId: string) {
  await other.execute({
    sql: `insert into questions (id, org_id, area_id, topic, current_version, irt_a, irt_b, created_at, updated_at)
          values ('org-b-question', ?, ?, 't', 1, 1, 0, 0, 0)`,
    args: [orgId, areaId],
  });
}

describe('the pool a process keeps between starts', () => {
  it('is read again when another writer retires, edits or adds a question', async () => {
    const { orgId, blueprint } = await assessment();
    const first = await blueprintPool(t.db, orgId, blueprint);
    const [retired, edited] = first;
    if (!retired || !edited) throw new Error('pool too small');
    expect((await blueprintPool(t.db, orgId, blueprint)).map((q) => q.id)).toEqual(first.map((q) => q.id));

    await other.execute({ sql: "update questions set status = 'retired' where id = ?", args: [retired.id] });
    await other.execute({ sql: 'update questions set irt_b = 2.5 where id = ?', args: [edited.id] });
    const after = await blueprintPool(t.db, orgId, blueprint);
    expect(after.map((q) => q.id)).not.toContain(retired.id);
    expect(after).toHaveLength(first.length - 1);
    expect(after.find((q) => q.id === edited.id)?.irtB).toBe(2.5);

    // A new question in the same area, at a version this process has never read.
    await other.batch([
      {
        sql: `insert into questions (id, org_id, area_id, topic, current_version, status, irt_a, irt_b, created_at, updated_at)
              select 'pool-test-new', null, area_id, topic, 1, 'active', 1, 0, 0, 0 from questions where id = ?`,
        args: [edited.id],
      },
      // Its content copied from the edited question's version, under its own id and hash.
      {
        sql: 'create temp table copied as select * from question_versions where question_id = ? and version = ?',
        args: [edited.id, edited.version],
      },
      "update copied set question_id = 'pool-test-new', version = 1, content_hash = 'pool-test-hash'",
      'insert into question_versions select * from copied',
    ]);
    const added = await blueprintPool(t.db, orgId, blueprint);
    expect(added.map((q) => q.id)).toContain('pool-test-new');
    expect(added).toHaveLength(first.length);
  });

  it('reads exposure fresh on every call, with no question written', async () => {
    const { orgId, blueprint } = await assessment();
    const [question] = await blueprintPool(t.db, orgId, blueprint);
    if (!question) throw new Error('empty pool');
    expect(question.exposure).toBe(0);
    const before = await generation();
    await other.execute({
      sql: 'insert into question_exposure (org_id, question_id, drawn) values (?, ?, 7)',
      args: [orgId, question.id],
    });
    expect(await generation()).toBe(before);
    const again = await blueprintPool(t.db, orgId, blueprint);
    expect(again.find((q) => q.id === question.id)?.exposure).toBe(7);
    expect(again.filter((q) => q.exposure !== 0)).toHaveLength(1);
  });

  it('counts every insert, update and delete of a question, whoever writes it', async () => {
    await assessment();
    const before = await generation();
    const [area] = (await other.execute('select area_id from questions limit 1')).rows;
    await other.execute({
      sql: `insert into questions (id, area_id, topic, current_version, irt_a, irt_b, created_at, updated_at)
            values ('generation-test', ?, 't', 1, 1, 0, 0, 0)`,
      args: [area?.area_id ?? ''],
    });
    expect(await generation()).toBe(before + 1);
    await other.execute("update questions set topic = 'u' where id = 'generation-test'");
    expect(await generation()).toBe(before + 2);
    await other.execute("delete from questions where id = 'generation-test'");
    expect(await generation()).toBe(before + 3);
  });

  it('counts per bank: a write in one organization moves its own count only, a change of hands both', async () => {
    await assessment();
    const [area] = (await other.execute('select area_id from questions limit 1')).rows;
    const orgB = await otherOrganization();
    const publicBefore = await countOf('');
    await addQuestionOf(orgB, String(area?.area_id ?? ''));
    expect(await countOf(orgB)).toBe(1);
    expect(await countOf('')).toBe(publicBefore);
    await other.execute("update questions set org_id = null where id = 'org-b-question'");
    expect(await countOf(orgB)).toBe(2);
    expect(await countOf('')).toBe(publicBefore + 1);
    await other.execute("delete from questions where id = 'org-b-question'");
    expect(await countOf('')).toBe(publicBefore + 2);
    expect(await countOf(orgB)).toBe(2);
  });

  it("is kept when another organization writes a question, and read again when its own bank's count moves", async () => {
    const { orgId, blueprint } = await assessment();
    const [question] = await blueprintPool(t.db, orgId, blueprint);
    if (!question) throw new Error('empty pool');
    const orgB = await otherOrganization();
    // A change the counts do not see (the public count set back by hand), so a pool read again
    // shows it and a kept one does not.
    const publicCount = await countOf('');
    await other.execute({ sql: 'update questions set irt_b = 1.75 where id = ?', args: [question.id] });
    await other.execute({ sql: "update bank_generations set n = ? where scope = ''", args: [publicCount] });
    await addQuestionOf(orgB, question.area);
    const kept = await blueprintPool(t.db, orgId, blueprint);
    expect(kept.find((q) => q.id === question.id)?.irtB).toBe(question.irtB);
    // The organization's own count moves: read again.
    await other.execute({
      sql: 'insert into bank_generations (scope, n) values (?, 1) on conflict (scope) do update set n = n + 1',
      args: [orgId],
    });
    const read = await blueprintPool(t.db, orgId, blueprint);
    expect(read.find((q) => q.id === question.id)?.irtB).toBe(1.75);
  });
});

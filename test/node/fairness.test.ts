/**
 * The adverse-impact view: a manager labels candidates from their reports, and the assessment's
 * pass rates by label show the four-fifths ratio computed by hand, the small group unjudged, the
 * caveat in words; labels stay within the organization and need candidate.label.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import { attempts, invitations } from '../../src/db/schema';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import type { TestBrowser } from '../support/client';
import { defaultAssessment } from '../support/fixtures';
import { memberIds, signUpOwner, signUpReviewer } from '../support/people';
import { seedSimulatedAttempts } from '../support/statistics-seed';

let t: TestApp;
let owner: TestBrowser;
let reviewer: TestBrowser;
let stranger: TestBrowser;
let assessmentId: string;
let rows: { attemptId: string; invitationId: string; passed: boolean | null }[] = [];

beforeAll(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
  reviewer = await signUpReviewer(t);
  stranger = await signUpOwner(t, 'sam@example.com', 'Other Org');
  const olivia = await memberIds(t.db, 'olivia@example.com');
  assessmentId = await createAssessment(t.db, olivia.orgId, olivia.userId, defaultAssessment, t.clock.now);
  await seedSimulatedAttempts(t.db, {
    orgId: olivia.orgId,
    ownerId: olivia.userId,
    assessmentId,
    passMark: 50,
    candidates: 30,
    now: t.clock.now,
  });
  rows = (
    await t.db
      .select({ attemptId: attempts.id, invitationId: attempts.invitationId, passed: attempts.passed })
      .from(attempts)
      .where(eq(attempts.assessmentId, assessmentId))
  ).map((r) => ({ ...r, invitationId: r.invitationId ?? '' }));
});
afterAll(() => t.close());

describe('pass rates by group', () => {
  it('labels a candidate from the report, within the organization and with the capability', async () => {
    const first = rows[0];
    const res = await owner.post(`/app/invitations/${first?.invitationId}/group-label`, { label: '  Job   board ' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/app/attempts/${first?.attemptId}?done=label`);
    const page = await (await owner.get(`/app/attempts/${first?.attemptId}?done=label`)).text();
    expect(page).toContain('Group label saved.');
    expect(page).toContain('value="Job board"');
    const [row] = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, first?.invitationId ?? ''));
    expect(row?.groupLabel).toBe('Job board');

    expect((await reviewer.post(`/app/invitations/${first?.invitationId}/group-label`, { label: 'X' })).status).toBe(
      403,
    );
    expect((await stranger.post(`/app/invitations/${first?.invitationId}/group-label`, { label: 'X' })).status).toBe(
      404,
    );
    // Refused without JavaScript: the whole report again, the form keeping what was typed, the reason beside the field.
    const tooLong = `Referral ${'x'.repeat(60)}`;
    const long = await owner.post(`/app/invitations/${first?.invitationId}/group-label`, { label: tooLong });
    expect(long.status).toBe(422);
    const page422 = await long.text();
    expect(page422).toContain('<!DOCTYPE html>');
    expect(page422).toContain('Keep the group label to 60 characters (this one has 69)');
    expect(page422).toContain(`value="${tooLong}"`);
    expect(page422).toMatch(/aria-invalid="true" aria-describedby="f-group-label-hint f-group-label-error"/);
    expect(page422).toContain('id="f-group-label-error"');
    expect(page422).toContain('Decision and notes'); // the rest of the report is there
    // With htmx: only the section, to swap in place, with the same message and value.
    const htmx = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' };
    const invisible = 'Refer\u200Bral';
    const fragment = await owner.post(
      `/app/invitations/${first?.invitationId}/group-label`,
      { label: invisible },
      htmx,
    );
    expect(fragment.status).toBe(422);
    expect(fragment.headers.get('Vary')).toContain('HX-Request-Type');
    const section = await fragment.text();
    expect(section).not.toContain('<html');
    expect(section).toMatch(/^<section[^>]* id="group-label"/);
    expect(section).toContain('control or invisible character');
    expect(section).toContain(`value="${invisible}"`);
    expect(section).toContain('hx-target="#group-label"');
    // A good label through htmx: the section again, saying so.
    const saved = await owner.post(`/app/invitations/${first?.invitationId}/group-label`, { label: 'Referral' }, htmx);
    expect(saved.status).toBe(200);
    const savedSection = await saved.text();
    expect(savedSection).toContain('Group label saved.');
    expect(savedSection).toContain('value="Referral"');
    expect(savedSection).not.toContain('alert-error');
    expect(
      (await owner.post(`/app/invitations/${first?.invitationId}/group-label`, { label: 'Job board' })).status,
    ).toBe(303);
    // Another organization learns nothing from a refusal either.
    expect(
      (await stranger.post(`/app/invitations/${first?.invitationId}/group-label`, { label: tooLong })).status,
    ).toBe(404);
    const [after] = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, first?.invitationId ?? ''));
    expect(after?.groupLabel).toBe('Job board');
    // The pipeline shows it in the candidate's row, named for screen readers; unlabelled rows show none.
    const pipeline = await (await reviewer.get(`/app/assessments/${assessmentId}`)).text();
    const tableRow =
      pipeline.match(new RegExp(`<tr data-invitation="${first?.invitationId}">[\\s\\S]*?</tr>`))?.[0] ?? '';
    expect(tableRow).toContain(
      '<span class="sr-only">Group label: </span><span class="badge muted-badge">Job board</span>',
    );
    expect(pipeline.match(/Group label: /g)).toHaveLength(1);
    // A reviewer sees the label but no form to change it.
    const readOnly = await (await reviewer.get(`/app/attempts/${first?.attemptId}`)).text();
    expect(readOnly).toContain('Job board');
    expect(readOnly).not.toContain('/group-label');
  });

  it("offers the team's labels in use as the field's suggestions, never another organization's", async () => {
    const sam = await memberIds(t.db, 'sam@example.com');
    const theirs = await createAssessment(t.db, sam.orgId, sam.userId, defaultAssessment, t.clock.now);
    const invitationId = await createInvitation(
      t.db,
      sam.orgId,
      theirs,
      sam.userId,
      { candidateName: 'Other', candidateEmail: 'other@example.com', expiresAt: t.clock.now + 864e5, extraSeconds: 0 },
      t.clock.now,
    );
    await t.db.update(invitations).set({ groupLabel: 'Their secret channel' }).where(eq(invitations.id, invitationId));
    const ours = rows[1];
    await owner.post(`/app/invitations/${rows[2]?.invitationId}/group-label`, { label: 'Agency' });
    const page = await (await owner.get(`/app/attempts/${ours?.attemptId}`)).text();
    const input = page.match(/<input id="f-group-label"[^>]*>/)?.[0] ?? '';
    expect(input).toContain('list="group-label-suggestions"');
    const list = page.match(/<datalist id="group-label-suggestions">[\s\S]*?<\/datalist>/)?.[0] ?? '';
    const labels = (await t.db.selectDistinct({ label: invitations.groupLabel }).from(invitations))
      .map((r) => r.label)
      .filter((l): l is string => l !== null && l !== 'Their secret channel')
      .sort();
    expect(labels).toEqual(['Agency', 'Job board']);
    expect([...list.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(labels);
    expect(page).not.toContain('Their secret channel');
    // The htmx answer to a save keeps the suggestions, the new label among them.
    const htmx = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' };
    const saved = await owner.post(`/app/invitations/${ours?.invitationId}/group-label`, { label: 'Campus' }, htmx);
    expect(await saved.text()).toContain('<option value="Campus">');
    await owner.post(`/app/invitations/${ours?.invitationId}/group-label`, { label: '' });
    await owner.post(`/app/invitations/${rows[2]?.invitationId}/group-label`, { label: '' });
  });

  it('shows each group with its ratio to the highest judged rate, flags below four fifths, leaves small groups unjudged', async () => {
    // Labels by hand: 12 "Referral" (the passers first), 12 "Job board", 3 "Campus", 3 unlabelled.
    const passers = rows.filter((r) => r.passed);
    const failers = rows.filter((r) => !r.passed);
    expect(passers.length).toBeGreaterThanOrEqual(10);
    expect(failers.length).toBeGreaterThanOrEqual(10);
    const ordered = [...passers, ...failers];
    const groups: [string, typeof rows][] = [
      ['Referral', [...ordered.slice(0, 9), ...ordered.slice(-3)]],
      [
        'Job board',
        ordered
          .slice(9, 21)
          .filter((r) => !ordered.slice(-3).includes(r))
          .slice(0, 12),
      ],
    ];
    const used = new Set(groups.flatMap(([, g]) => g.map((r) => r.attemptId)));
    const rest = rows.filter((r) => !used.has(r.attemptId));
    groups.push(['Campus', rest.slice(0, 3)]);
    for (const [label, members] of groups) {
      for (const r of members)
        await t.db.update(invitations).set({ groupLabel: label }).where(eq(invitations.id, r.invitationId));
    }
    for (const r of rest.slice(3))
      await t.db.update(invitations).set({ groupLabel: null }).where(eq(invitations.id, r.invitationId));

    const rate = (members: typeof rows) => members.filter((r) => r.passed).length / members.length;
    const [referral, jobBoard] = [rate(groups[0]?.[1] ?? []), rate(groups[1]?.[1] ?? [])];
    const ratio = Math.min(referral, jobBoard) / Math.max(referral, jobBoard);

    const res = await owner.get(`/app/assessments/${assessmentId}/fairness`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('A screening aid, not a verdict.');
    expect(html).toContain(`<td>${ratio.toFixed(2)}</td>`);
    expect(html).toContain(ratio < 0.8 ? 'Below four fifths: look closer' : 'At or above four fifths');
    expect(html).toContain('Too few to judge (under 10)');
    expect(html).toContain(`${rest.length - 3} finished candidates without a label are left out.`);
    expect(html).toContain('<figure class="chart hbar-chart" id="group-rates"');

    expect((await reviewer.get(`/app/assessments/${assessmentId}/fairness`)).status).toBe(200);
    expect((await stranger.get(`/app/assessments/${assessmentId}/fairness`)).status).toBe(404);
  });
});

/** Candidates invited the way a manager does it: through the form, the link copied from the list. */
import { expect } from 'vitest';
import type { TestBrowser } from './client';

/** The candidate's link as the manager copies it from the assessment's invitations list. */
export async function copiedLink(manager: TestBrowser, assessmentId: string, invitationId: string): Promise<string> {
  const html = await (await manager.get(`/app/assessments/${assessmentId}/invitations`)).text();
  const match = new RegExp(`<tr id="inv-${invitationId}">[\\s\\S]*?data-copy="([^"]+)"`).exec(html);
  if (!match?.[1]) throw new Error(`no copy link for invitation ${invitationId} in the list`);
  return match[1];
}

/** Invites one candidate through the form (7 days, no extra time); the link's path, as copied from the list. */
export async function inviteThroughForm(
  manager: TestBrowser,
  assessmentId: string,
  candidate: { name: string; email: string },
): Promise<string> {
  const invited = await manager.post(`/app/assessments/${assessmentId}/invitations`, {
    ...candidate,
    expiryDays: '7',
    extraMinutes: '0',
  });
  expect(invited.status).toBe(303);
  const id = /#inv-([\w-]+)/.exec(invited.headers.get('location') ?? '')?.[1] ?? '';
  return new URL(await copiedLink(manager, assessmentId, id)).pathname;
}

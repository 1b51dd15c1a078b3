import { invitationToken } from '../../src/candidate/invitation-token';
import { createOrgWithOwner } from '../../src/db/accounts';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import type { AssessmentSettings } from '../../src/engine/assessment';
import type { TestApp } from './app';
import { importTestBank } from './bank';

export const defaultAssessment: AssessmentSettings = {
  title: 'Backend screening',
  description: 'A short screening test.',
  blueprint: {
    sections: [
      { area: 'alpha', count: 10 },
      { area: 'beta', count: 2 },
    ],
  },
  timeLimitSeconds: 20 * 60,
  passMark: 60,
  shuffleQuestions: true,
  shuffleOptions: true,
  showAfter: 'review',
  opensAt: null,
  closesAt: null,
};

/** An organization with an assessment over the test bank and one invitation, ready to start. */
export async function seedInvitation(t: TestApp, overrides: Partial<AssessmentSettings> = {}, extraSeconds = 0) {
  await importTestBank(t.db);
  const { orgId, userId } = await createOrgWithOwner(t.db, {
    email: `owner-${Math.random()}@example.com`,
    name: 'Olivia Owner',
    passwordHash: 'unused',
    orgName: 'Acme Hiring',
  });
  const now = t.clock.now;
  const assessmentId = await createAssessment(t.db, orgId, userId, { ...defaultAssessment, ...overrides }, now);
  const invitationId = await createInvitation(
    t.db,
    orgId,
    assessmentId,
    userId,
    { candidateName: 'Casey Candidate', candidateEmail: 'casey@example.com', expiresAt: now + 7 * 864e5, extraSeconds },
    now,
  );
  const token = await invitationToken(t.deps, invitationId, now + 7 * 864e5);
  return { orgId, userId, assessmentId, invitationId, token };
}

/**
 * What the assessment form posts: per source its count and difficulty mix (easy, medium, hard;
 * 1:2:1 unless given), the pinned ids, and the rest as a team often fills it in: 20 minutes, pass
 * mark 60, questions and options shuffled, the score shown after, no window. `extra` overrides.
 */
export function assessmentForm(
  p: {
    title: string;
    description?: string;
    sources: Record<string, { count: number; mix?: readonly [number, number, number] }>;
    pinned?: readonly string[];
  },
  extra: Record<string, string> = {},
): Record<string, string> {
  const sources = Object.entries(p.sources).flatMap(([id, { count, mix = [1, 2, 1] }]) => [
    [`count_${id}`, String(count)],
    [`easy_${id}`, String(mix[0])],
    [`medium_${id}`, String(mix[1])],
    [`hard_${id}`, String(mix[2])],
  ]);
  return {
    title: p.title,
    description: p.description ?? '',
    ...Object.fromEntries(sources),
    pinned: (p.pinned ?? []).join('\n'),
    timeLimitMinutes: '20',
    passMark: '60',
    shuffleQuestions: '1',
    shuffleOptions: '1',
    showAfter: 'score',
    opensAt: '',
    closesAt: '',
    ...extra,
  };
}

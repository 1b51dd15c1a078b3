import { and, eq } from 'drizzle-orm';
import type { Blueprint } from '../engine/blueprint';
import type { Db } from './client';
import { newId } from './ids';
import { assessments, invitations, organizations, type ShowAfter, users } from './schema';

export interface AssessmentInput {
  title: string;
  description: string;
  blueprint: Blueprint;
  timeLimitSeconds: number;
  passMark: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  showAfter: ShowAfter;
  opensAt: number | null;
  closesAt: number | null;
}

export async function createAssessment(
  db: Db,
  orgId: string,
  createdBy: string | null,
  input: AssessmentInput,
  now: number,
): Promise<string> {
  const id = newId();
  await db
    .insert(assessments)
    .values({ id, orgId, createdBy, lineageId: id, version: 1, createdAt: now, updatedAt: now, ...input });
  return id;
}

/** One assessment of one organization; another organization's id finds nothing. */
export async function getAssessment(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, id), eq(assessments.orgId, orgId)));
  return row ?? null;
}

export interface InvitationInput {
  candidateName: string;
  candidateEmail: string;
  expiresAt: number;
  extraSeconds: number;
}

export async function createInvitation(
  db: Db,
  orgId: string,
  assessmentId: string,
  createdBy: string | null,
  input: InvitationInput,
  now: number,
): Promise<string> {
  const id = newId();
  await db.insert(invitations).values({ id, orgId, assessmentId, createdBy, createdAt: now, ...input });
  return id;
}

/** What a candidate's landing page needs: the invitation, its assessment, who sent it. */
export async function invitationForCandidate(db: Db, invitationId: string) {
  const [row] = await db
    .select({
      invitation: invitations,
      assessment: assessments,
      orgName: organizations.name,
      inviterName: users.name,
    })
    .from(invitations)
    .innerJoin(assessments, eq(assessments.id, invitations.assessmentId))
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .leftJoin(users, eq(users.id, invitations.createdBy))
    .where(eq(invitations.id, invitationId));
  return row ?? null;
}

/** The first GET marks an invitation opened (for the pipeline); it never consumes it. */
export async function markInvitationOpened(db: Db, invitationId: string, now: number) {
  await db
    .update(invitations)
    .set({ status: 'opened', openedAt: now })
    .where(and(eq(invitations.id, invitationId), eq(invitations.status, 'invited')));
}

import type { Member } from '../middleware/auth';

/**
 * What a reviewer is told when they try to change an assessment or its invitations: both need the
 * admin role (assessment.edit, invitation.manage in src/auth/permissions.ts), so one sentence.
 */
export const changeRefusal = (member: Member) =>
  `Changing assessments and invitations needs the admin role in ${member.orgName}. You can view them; ask an owner if you need more.`;

/**
 * Who may do what in an organization's workspace: one table, capability -> the roles that hold
 * it (as Moodle's db/access.php). Routes require a capability (requireCapability in
 * src/middleware/auth.ts, or can() where the check follows a lookup); views receive the
 * answers as booleans; the authorization matrix test (test/node/authorization-matrix.test.ts)
 * reads this same table to decide what each role must and must not get.
 *
 * Roles are listed from the least, so the first one names the role a refusal asks for.
 */
import type { Role } from '../engine/roles';

const everyone = ['reviewer', 'admin', 'owner'] as const satisfies readonly Role[];
const admins = ['admin', 'owner'] as const satisfies readonly Role[];
const owners = ['owner'] as const satisfies readonly Role[];

export const capabilities = {
  /** Assessments, their pipelines, previews and CSV exports, invitation lists (without links). */
  'assessment.view': everyone,
  /** Create, edit (new versions), duplicate, archive and unarchive assessments. */
  'assessment.edit': admins,
  /** Invite candidates (one, pasted or CSV), resend, revoke, give extra time. */
  'invitation.manage': admins,
  /** See a candidate's invitation link: whoever holds it can act as the candidate. */
  'candidateLink.view': admins,
  /** Candidate reports and the side-by-side comparison. */
  'report.view': everyone,
  /** Comment on a candidate: reviewers' job. */
  'note.write': everyone,
  /** Advance, hold or reject: changes the candidate's standing in the pipeline. */
  'decision.record': admins,
  /** The team page: members, roles, pending invitations. */
  'team.view': everyone,
  /** Invite colleagues as reviewers or admins, copy and revoke those invitations. */
  'team.invite': admins,
  /** Invite owners (and revoke their invitations). */
  'team.assignOwner': owners,
  /** Change anyone's role, remove members. */
  'team.manage': owners,
  /** Clear a member's failed sign-ins: counters only, no access changes. */
  'signIn.unlock': admins,
  /** Create and revoke the organization's API keys (Settings). */
  'apiKey.manage': admins,
  /** Webhook endpoints (Settings): add, edit, test, disable, rotate secrets, read the delivery log. */
  'webhook.manage': admins,
  /** Browse the public bank and the organization's private bank, with answer keys, history, statistics and reports. */
  'bank.view': everyone,
  /** Comment on a private question (the review thread). */
  'bank.comment': everyone,
  /** Collections and questions: write, edit (new versions), submit for review, retire, import, export, copy from the public bank. */
  'bank.edit': admins,
  /** Activate a question in review (the second approval, when the organization asks for one). */
  'bank.approve': admins,
  /** Resolve question reports and regrade attempts (dry run, then apply). */
  'regrade.apply': admins,
  /** Give candidates a group label of the team's own, for the adverse-impact view. */
  'candidate.label': admins,
  /** Choose which of one's own organizations this browser shows. */
  'organization.switch': everyone,
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilities;

/** Every capability, resolved for one member: what views receive instead of a role. */
export type Permissions = Readonly<Record<Capability, boolean>>;

export const capabilityNames = Object.keys(capabilities) as Capability[];

export function can(holder: { role: Role }, capability: Capability): boolean {
  return (capabilities[capability] as readonly Role[]).includes(holder.role);
}

export function permissionsOf(role: Role): Permissions {
  return Object.fromEntries(capabilityNames.map((name) => [name, can({ role }, name)])) as Permissions;
}

/** The least role that holds a capability, for a refusal that says what to ask for. */
export function leastRoleFor(capability: Capability): Role {
  return capabilities[capability][0];
}

import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FormErrors } from '../../../views/components/form';
import { plural } from '../../../views/components/format';
import { type InvitationItem, InvitationsPage, type InvitationsView } from '../../../views/manage/invitations';
import { can } from '../../auth/permissions';
import { type AssessmentRow, getAssessment, lineageVersions } from '../../db/assessments';
import {
  getInvitation,
  invitationCountsByVersion,
  invitedEmails,
  listInvitations,
  type NewInvitation,
} from '../../db/invitations';
import { emailPattern } from '../../email/address';
import { checkRecipients, maxExtraMinutes, maxRecipients, parseCsv, parsePastedList } from '../../email/recipients';
import { emailSenderFor } from '../../email/sender';
import { invitationStatusAt } from '../../engine/invitation-state';
import { type FormData, field, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { publicOrigin } from '../../http/public-origin';
import { readUpload } from '../../http/upload';
import {
  closedReason,
  dayMs,
  defaultExpiryDays,
  giveExtraTime,
  type Inviter,
  invitationLink,
  inviteCandidates,
  maxExpiryDays,
  requireOpen,
  resendInvitation,
  withdrawInvitation,
} from '../../manage/invitations';
import { changeRefusal } from '../../manage/refusals';
import { requireAssessment } from '../../manage/require-assessment';
import { type ManageEnv, requireCapability } from '../../middleware/auth';

export const invitationsRoutes = new Hono<ManageEnv>();

type Ctx = Context<ManageEnv>;

const missingInvitation = 'There is no invitation at this address in your organization.';

// ---------------------------------------------------------------- links and email

/** The member as the invitation email names them. */
const inviterOf = (c: Ctx): Inviter => {
  const member = c.get('member');
  return { orgName: member.orgName, name: member.user.name, userId: member.user.id };
};

// ---------------------------------------------------------------- the page

/** Success messages arrive as codes in the redirect's query (never as free text someone could forge). */
function noticeOf(c: Ctx, mode: 'webhook' | 'log'): InvitationsView['notice'] {
  const count = (key: string) => {
    const raw = c.req.query(key) ?? '';
    return /^\d{1,4}$/.test(raw) ? Number(raw) : 0;
  };
  const failed = count('failed');
  const failure =
    failed > 0
      ? ` ${plural(failed, 'email')} could not be sent; copy ${failed === 1 ? 'its link' : 'their links'} from the list and send ${failed === 1 ? 'it' : 'them'} yourself.`
      : '';
  const kind = failed > 0 ? 'warn' : 'ok';
  switch (c.req.query('done')) {
    case 'invited': {
      const n = count('n');
      const what =
        mode === 'webhook'
          ? `${plural(n, 'candidate')} invited by email.`
          : `${plural(n, 'invitation link')} created: copy ${n === 1 ? 'it' : 'them'} from the list below.`;
      return { kind, text: `${what}${failure}` };
    }
    case 'resent':
      return {
        kind,
        text:
          failed > 0
            ? `The invitation was renewed, but${failure}`
            : 'The invitation was sent again with a new link. The previous link no longer works.',
      };
    case 'revoked':
      return { kind: 'ok', text: 'Invitation revoked: the link no longer works and says it was withdrawn.' };
    case 'extra':
      return { kind: 'ok', text: 'Extra time saved. It applies when the candidate starts.' };
    default:
      return undefined;
  }
}

async function renderPage(
  c: Ctx,
  row: AssessmentRow,
  overrides: Partial<Pick<InvitationsView, 'single' | 'bulk' | 'notice'>> = {},
  status: 200 | 409 | 422 = 200,
) {
  const deps = c.get('deps');
  const member = c.get('member');
  const now = deps.clock();
  const emailMode = emailSenderFor(deps).mode;
  const rows = await listInvitations(deps.db, member.orgId, row.id);
  const seesLinks = can(member, 'candidateLink.view');
  const items: InvitationItem[] = await Promise.all(
    rows.map(async (inv) => {
      const shown = invitationStatusAt(inv, now);
      const usable = seesLinks && (shown === 'invited' || shown === 'opened' || shown === 'started');
      return {
        id: inv.id,
        name: inv.candidateName,
        email: inv.candidateEmail,
        status: shown,
        createdAt: inv.createdAt,
        sentAt: inv.sentAt,
        expiresAt: inv.expiresAt,
        extraSeconds: inv.extraSeconds,
        link: usable ? await invitationLink(deps, publicOrigin(c), inv) : null,
      };
    }),
  );
  const versions = await lineageVersions(deps.db, member.orgId, row.lineageId);
  const counts = await invitationCountsByVersion(deps.db, member.orgId, row.lineageId);
  const view: InvitationsView = {
    assessment: {
      id: row.id,
      title: row.title,
      version: row.version,
      timeLimitSeconds: row.timeLimitSeconds,
      questionCount: row.blueprint.sections.reduce((sum, s) => sum + s.count, 0),
      closedReason: await closedReason(deps, row),
    },
    otherVersions: versions
      .filter((v) => v.id !== row.id && ((counts.get(v.id) ?? 0) > 0 || v.status === 'active'))
      .map((v) => ({ id: v.id, version: v.version, invitations: counts.get(v.id) ?? 0 })),
    items,
    canEdit: can(member, 'invitation.manage'),
    emailMode,
    defaultExpiryDays,
    notice: overrides.notice ?? noticeOf(c, emailMode),
    single: overrides.single ?? { values: {}, errors: {} },
    bulk: overrides.bulk ?? { values: {}, errors: {}, problems: [] },
  };
  c.header('Cache-Control', 'no-store');
  c.status(status);
  return c.render(<InvitationsPage view={view} />, {
    title: `Invitations · ${view.assessment.title}`,
    workspace: 'assessments',
  });
}

invitationsRoutes.get('/app/assessments/:id/invitations', requireCapability('assessment.view'), async (c) =>
  renderPage(c, await requireAssessment(c)),
);

// ---------------------------------------------------------------- inviting

/** Expiry and default extra time, shared by both invite forms. */
function readTerms(form: FormData, errors: FormErrors, now: number) {
  const text = (key: string) => (field(form, key) ?? '').trim();
  const days =
    text('expiryDays') === ''
      ? defaultExpiryDays
      : /^\d{1,3}$/.test(text('expiryDays'))
        ? Number(text('expiryDays'))
        : -1;
  if (days < 1 || days > maxExpiryDays)
    errors.expiryDays = `Enter how many days the link stays valid, from 1 to ${maxExpiryDays}.`;
  const extra =
    text('extraMinutes') === '' ? 0 : /^\d{1,4}$/.test(text('extraMinutes')) ? Number(text('extraMinutes')) : -1;
  if (extra < 0 || extra > maxExtraMinutes)
    errors.extraMinutes = `Enter extra time in whole minutes, from 0 to ${maxExtraMinutes}.`;
  return { expiresAt: now + days * dayMs, extraMinutes: extra };
}

/** The assessment in the path, open to new invitations (else a 409 that says why not). */
const requireOpenAssessment = async (c: Ctx): Promise<AssessmentRow> =>
  requireOpen(c.get('deps'), await requireAssessment(c));

const mayInvite = requireCapability('invitation.manage', changeRefusal);

invitationsRoutes.post('/app/assessments/:id/invitations', mayInvite, async (c) => {
  const deps = c.get('deps');
  const member = c.get('member');
  const row = await requireOpenAssessment(c);
  const form = await readForm(c);
  const now = deps.clock();
  const values = {
    name: (field(form, 'name') ?? '').trim(),
    email: (field(form, 'email') ?? '').trim().toLowerCase(),
    expiryDays: (field(form, 'expiryDays') ?? '').trim(),
    extraMinutes: (field(form, 'extraMinutes') ?? '').trim(),
  };
  const errors: FormErrors = {};
  if (!values.name || values.name.length > 100) errors.name = "Enter the candidate's name (up to 100 characters).";
  if (!emailPattern.test(values.email) || values.email.length > 254)
    errors.email = 'Enter an email address like name@example.com.';
  else if ((await invitedEmails(deps.db, member.orgId, row.lineageId)).has(values.email))
    errors.email = `${values.email} is already invited to this assessment. Resend or revoke that invitation in the list below.`;
  const terms = readTerms(form, errors, now);
  if (Object.values(errors).some(Boolean)) return renderPage(c, row, { single: { values, errors } }, 422);

  const person: NewInvitation = {
    candidateName: values.name,
    candidateEmail: values.email,
    extraSeconds: terms.extraMinutes * 60,
  };
  const { invitees, failed } = await inviteCandidates(deps, {
    origin: publicOrigin(c),
    inviter: inviterOf(c),
    assessment: row,
    expiresAt: terms.expiresAt,
    people: [person],
  });
  const id = invitees[0]?.id ?? '';
  return c.redirect(`/app/assessments/${row.id}/invitations?done=invited&n=1&failed=${failed}#inv-${id}`, 303);
});

/**
 * Invites a pasted list and/or a CSV file. Every bad line is reported with its number and what is
 * wrong, and nothing is created for it; the good lines are created together in one batch.
 */
invitationsRoutes.post('/app/assessments/:id/invitations/bulk', mayInvite, async (c) => {
  const deps = c.get('deps');
  const member = c.get('member');
  const row = await requireOpenAssessment(c);
  const { form, files } = await readUpload(c, 'csv');
  const file = files[0] ?? null;
  const now = deps.clock();
  const pasted = (field(form, 'lines') ?? '').trim();
  const values = {
    lines: pasted,
    expiryDays: (field(form, 'expiryDays') ?? '').trim(),
    extraMinutes: (field(form, 'extraMinutes') ?? '').trim(),
  };
  const errors: FormErrors = {};
  const terms = readTerms(form, errors, now);
  const lines = [...parsePastedList(pasted), ...(file ? parseCsv(await file.text()) : [])];
  if (lines.length === 0) errors.form = 'Paste at least one line, or choose a CSV file with at least one person.';
  else if (lines.length > maxRecipients)
    errors.form = `That is ${lines.length} people; invite at most ${maxRecipients} at a time. Nothing was created.`;
  if (Object.values(errors).some(Boolean)) return renderPage(c, row, { bulk: { values, errors, problems: [] } }, 422);

  const { people, problems } = checkRecipients(lines, await invitedEmails(deps.db, member.orgId, row.lineageId));
  const batch: NewInvitation[] = people.map((p) => ({
    candidateName: p.name,
    candidateEmail: p.email,
    extraSeconds: (p.extraMinutes ?? terms.extraMinutes) * 60,
  }));
  const { invitees, failed } = await inviteCandidates(deps, {
    origin: publicOrigin(c),
    inviter: inviterOf(c),
    assessment: row,
    expiresAt: terms.expiresAt,
    people: batch,
  });
  const ids = invitees.map((i) => i.id);
  if (problems.length === 0)
    return c.redirect(`/app/assessments/${row.id}/invitations?done=invited&n=${ids.length}&failed=${failed}`, 303);

  // Some lines need attention: show them, with only the bad pasted lines left in the box to fix.
  const badPasted = new Set(problems.filter((p) => p.where.startsWith('Line ')).map((p) => p.where));
  const remaining = parsePastedList(pasted)
    .filter((l) => badPasted.has(l.where))
    .map((l) => l.raw)
    .join('\n');
  const summary = `${plural(ids.length, 'person', 'people')} invited, ${plural(problems.length, 'line needs', 'lines need')} attention.`;
  const notice =
    failed > 0
      ? {
          kind: 'warn' as const,
          text: `${plural(failed, 'email')} could not be sent; copy those links from the list and send them yourself.`,
        }
      : undefined;
  return renderPage(
    c,
    row,
    { bulk: { values: { ...values, lines: remaining }, errors: {}, problems, summary }, notice },
    422,
  );
});

// ---------------------------------------------------------------- one invitation

/** The invitation in the path and its assessment, both within the member's organization (else a 404). */
async function requireInvitation(c: Ctx) {
  const deps = c.get('deps');
  const orgId = c.get('member').orgId;
  const invitation = await getInvitation(deps.db, orgId, c.req.param('id') ?? '');
  const assessment = invitation ? await getAssessment(deps.db, orgId, invitation.assessmentId) : null;
  if (!invitation || !assessment) throw new PublicError(404, missingInvitation);
  return { invitation, assessment };
}

const backTo = (assessmentId: string, invitationId: string, query: string) =>
  `/app/assessments/${assessmentId}/invitations?${query}#inv-${invitationId}`;

invitationsRoutes.get('/app/invitations/:id', requireCapability('assessment.view'), async (c) => {
  const found = await requireInvitation(c);
  return c.redirect(`/app/assessments/${found.assessment.id}/invitations#inv-${found.invitation.id}`, 303);
});

invitationsRoutes.post('/app/invitations/:id/revoke', mayInvite, async (c) => {
  const found = await requireInvitation(c);
  await withdrawInvitation(c.get('deps'), found.invitation);
  return c.redirect(backTo(found.assessment.id, found.invitation.id, 'done=revoked'), 303);
});

/**
 * Sends the invitation again with a new link; links sent before stop working (a forwarded or
 * leaked link is cut off by a resend). Optionally (and always when it has expired) the expiry
 * moves to the default number of days from now; it never moves earlier.
 */
invitationsRoutes.post('/app/invitations/:id/resend', mayInvite, async (c) => {
  const deps = c.get('deps');
  const found = await requireInvitation(c);
  const { invitation, assessment } = found;
  const now = deps.clock();
  const form = await readForm(c);
  const extend = field(form, 'extend') === '1' || invitation.expiresAt < now;
  const { sent } = await resendInvitation(deps, {
    origin: publicOrigin(c),
    inviter: inviterOf(c),
    assessment,
    invitation,
    expiresAt: extend ? now + defaultExpiryDays * dayMs : invitation.expiresAt,
  });
  const failed = sent ? 0 : 1;
  return c.redirect(backTo(assessment.id, invitation.id, `done=resent&failed=${failed}`), 303);
});

invitationsRoutes.post('/app/invitations/:id/extra-time', mayInvite, async (c) => {
  const deps = c.get('deps');
  const found = await requireInvitation(c);
  const { invitation, assessment } = found;
  const raw = (field(await readForm(c), 'extraMinutes') ?? '').trim();
  const minutes = /^\d{1,4}$/.test(raw) ? Number(raw) : -1;
  if (minutes < 0 || minutes > maxExtraMinutes) {
    const text = `Extra time for ${invitation.candidateName} was not saved: enter whole minutes from 0 to ${maxExtraMinutes}.`;
    return renderPage(c, assessment, { notice: { kind: 'error', text } }, 422);
  }
  await giveExtraTime(deps, invitation, minutes);
  return c.redirect(backTo(assessment.id, invitation.id, 'done=extra'), 303);
});

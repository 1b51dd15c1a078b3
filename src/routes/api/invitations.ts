import { type Context, Hono } from 'hono';
import { invitationJson } from '../../api/json';
import { missingAssessment, missingInvitation } from '../../api/not-found';
import { type AssessmentRow, getAssessment } from '../../db/assessments';
import { attemptForInvitation } from '../../db/attempts';
import { getInvitation, type InvitationRow, invitedEmails, type NewInvitation } from '../../db/invitations';
import { checkRecipients, maxRecipients, type RecipientLine } from '../../email/recipients';
import { FieldReader, readJsonObject } from '../../http/json-body';
import { type FieldError, ProblemError, validationProblem } from '../../http/problem';
import { publicOrigin } from '../../http/public-origin';
import {
  dayMs,
  defaultExpiryDays,
  giveExtraTime,
  type Inviter,
  inviteCandidates,
  maxExpiryDays,
  maxExtraMinutes,
  requireOpen,
  resendInvitation,
  withdrawInvitation,
} from '../../manage/invitations';
import { type ApiEnv, requireScope } from '../../middleware/api-auth';
import { idempotent } from '../../middleware/idempotency';

/**
 * Inviting candidates and managing their invitations through the API, with the workspace's rules
 * and email (src/manage/invitations.ts). Every change needs a key with the write scope and
 * accepts an Idempotency-Key.
 */
export const apiInvitationRoutes = new Hono<ApiEnv>();

type Ctx = Context<ApiEnv>;

const write = [requireScope('write'), idempotent()] as const;

/** An integration invites in the organization's name: the email names no person. */
const inviterOf = (c: Ctx): Inviter => ({ orgName: c.get('apiKey').orgName, name: null, userId: null });

async function requireAssessment(c: Ctx): Promise<AssessmentRow> {
  const row = await getAssessment(c.get('deps').db, c.get('apiOrgId'), c.req.param('id') ?? '');
  if (!row) throw new ProblemError({ status: 404, detail: missingAssessment });
  return row;
}

async function requireInvitation(c: Ctx): Promise<InvitationRow> {
  const row = await getInvitation(c.get('deps').db, c.get('apiOrgId'), c.req.param('id') ?? '');
  if (!row) throw new ProblemError({ status: 404, detail: missingInvitation });
  return row;
}

/** The invitation as it is now, with its attempt once started. */
async function currentJson(c: Ctx, id: string, emailSent?: boolean) {
  const { db, clock } = c.get('deps');
  const row = await getInvitation(db, c.get('apiOrgId'), id);
  if (!row) throw new ProblemError({ status: 404, detail: missingInvitation });
  const attempt = await attemptForInvitation(db, id);
  return invitationJson(row, attempt ? { id: attempt.id, state: attempt.state } : null, clock(), emailSent);
}

/** Expiry of a request that invites, and (for a batch) the extra time of entries that give none. */
function readTerms(body: FieldReader, now: number, opts: { defaultExtra: boolean }) {
  const days = body.integer('expiresInDays', { min: 1, max: maxExpiryDays, fallback: defaultExpiryDays });
  const extraMinutes = opts.defaultExtra
    ? body.integer('extraMinutes', { min: 0, max: maxExtraMinutes, fallback: 0 })
    : 0;
  return { expiresAt: now + (days ?? defaultExpiryDays) * dayMs, extraMinutes: extraMinutes ?? 0 };
}

/**
 * The people of a request, checked by the same rules as the workspace's lists (a name, a valid
 * address, not invited yet, not twice). All or nothing: any problem refuses the whole request.
 */
async function readPeople(
  c: Ctx,
  assessment: AssessmentRow,
  people: FieldReader[],
  defaultExtraMinutes: number,
  errors: FieldError[],
): Promise<NewInvitation[]> {
  const lines: RecipientLine[] = people.map((p) => {
    const extra = p.integer('extraMinutes', { min: 0, max: maxExtraMinutes, fallback: defaultExtraMinutes });
    return {
      where: p.pointer('').slice(0, -1),
      raw: '',
      name: p.string('name', { max: 1000 }) ?? '',
      email: p.string('email', { max: 1000 }) ?? '',
      extraMinutes: String(extra ?? defaultExtraMinutes),
    };
  });
  const invited = await invitedEmails(c.get('deps').db, c.get('apiOrgId'), assessment.lineageId);
  const { people: checked, problems } = checkRecipients(lines, invited, { everyProblem: true });
  for (const p of problems) {
    const field = `${p.where}/${p.field}`;
    if (!errors.some((e) => e.field === field)) errors.push({ field, detail: p.message });
  }
  if (errors.length > 0) throw validationProblem(errors);
  return checked.map((p) => ({
    candidateName: p.name,
    candidateEmail: p.email,
    extraSeconds: (p.extraMinutes ?? defaultExtraMinutes) * 60,
  }));
}

async function invite(c: Ctx, assessment: AssessmentRow, people: NewInvitation[], expiresAt: number) {
  const deps = c.get('deps');
  const { invitees, sent } = await inviteCandidates(deps, {
    origin: publicOrigin(c),
    inviter: inviterOf(c),
    assessment,
    expiresAt,
    people,
  });
  return Promise.all(invitees.map((i) => currentJson(c, i.id, sent.has(i.id))));
}

/** One candidate: {name, email, extraMinutes?, expiresInDays?}. The candidate gets the invitation by email. */
apiInvitationRoutes.post('/api/v1/assessments/:id/invitations', ...write, async (c) => {
  const deps = c.get('deps');
  const assessment = await requireOpen(deps, await requireAssessment(c));
  const body = new FieldReader(await readJsonObject(c));
  const terms = readTerms(body, deps.clock(), { defaultExtra: false });
  const [person] = await readPeople(c, assessment, [body], terms.extraMinutes, body.errors);
  const [created] = await invite(c, assessment, person ? [person] : [], terms.expiresAt);
  if (!created) throw new ProblemError({ status: 500, detail: 'The invitation could not be created.' });
  c.header('Location', `/api/v1/invitations/${created.id}`);
  return c.json(created, 201);
});

/**
 * Up to 500 candidates in one request: {invitations: [{name, email, extraMinutes?}], expiresInDays?,
 * extraMinutes?}. All are created or none: any bad entry refuses the request, naming each one.
 */
apiInvitationRoutes.post('/api/v1/assessments/:id/invitations/batch', ...write, async (c) => {
  const deps = c.get('deps');
  const assessment = await requireOpen(deps, await requireAssessment(c));
  const body = new FieldReader(await readJsonObject(c));
  const terms = readTerms(body, deps.clock(), { defaultExtra: true });
  const entries = body.objects('invitations', { min: 1, max: maxRecipients });
  const people = await readPeople(c, assessment, entries, terms.extraMinutes, body.errors);
  return c.json({ invitations: await invite(c, assessment, people, terms.expiresAt) }, 201);
});

apiInvitationRoutes.get('/api/v1/invitations/:id', async (c) => {
  const invitation = await requireInvitation(c);
  return c.json(await currentJson(c, invitation.id));
});

/** Withdraws an invitation nobody started: its link then says it was withdrawn. */
apiInvitationRoutes.post('/api/v1/invitations/:id/revoke', ...write, async (c) => {
  const invitation = await requireInvitation(c);
  await withdrawInvitation(c.get('deps'), invitation);
  return c.json(await currentJson(c, invitation.id));
});

/**
 * Gives the candidate more days: {expiresInDays}, counted from now (never earlier than the expiry
 * already set). Like Resend in the workspace, the candidate gets a new link by email and links
 * sent before stop working.
 */
apiInvitationRoutes.post('/api/v1/invitations/:id/extend', ...write, async (c) => {
  const deps = c.get('deps');
  const invitation = await requireInvitation(c);
  const assessment = await getAssessment(deps.db, invitation.orgId, invitation.assessmentId);
  if (!assessment) throw new ProblemError({ status: 404, detail: missingInvitation });
  const body = new FieldReader(await readJsonObject(c));
  const days = body.integer('expiresInDays', { min: 1, max: maxExpiryDays });
  if (body.errors.length > 0 || days === null) throw validationProblem(body.errors);
  const { sent } = await resendInvitation(deps, {
    origin: publicOrigin(c),
    inviter: inviterOf(c),
    assessment,
    invitation,
    expiresAt: deps.clock() + days * dayMs,
  });
  return c.json(await currentJson(c, invitation.id, sent));
});

/** Extra time for this candidate (an accommodation): {extraMinutes}, until they start. */
apiInvitationRoutes.post('/api/v1/invitations/:id/extra-time', ...write, async (c) => {
  const invitation = await requireInvitation(c);
  const body = new FieldReader(await readJsonObject(c));
  const minutes = body.integer('extraMinutes', { min: 0, max: maxExtraMinutes });
  if (body.errors.length > 0 || minutes === null) throw validationProblem(body.errors);
  await giveExtraTime(c.get('deps'), invitation, minutes);
  return c.json(await currentJson(c, invitation.id));
});

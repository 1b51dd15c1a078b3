import { type Context, Hono } from 'hono';
import { areaTitlesOf } from '../../api/results';
import { sealCredential } from '../../auth/partner-credential';
import { type AssessmentRow, getAssessment } from '../../db/assessments';
import { getInvitation, invitedEmails } from '../../db/invitations';
import { invitationByCallbackUrl } from '../../db/partner-invitations';
import { assessmentPage } from '../../db/pipeline';
import { candidateRecords } from '../../db/reports';
import { teamMembers } from '../../db/team';
import { checkRecipients } from '../../email/recipients';
import { FieldReader, type JsonObject, readJsonObject } from '../../http/json-body';
import { ProblemError, validationProblem } from '../../http/problem';
import { publicOrigin } from '../../http/public-origin';
import { attemptResultSummary } from '../../manage/attempt-result';
import { candidateRows, scoresOf } from '../../manage/candidates';
import { dayMs, defaultExpiryDays, type Inviter, inviteCandidates, requireOpen } from '../../manage/invitations';
import { type ApiEnv, requireApiKey, requireScope } from '../../middleware/api-auth';
import { limitApiWrites } from '../../middleware/api-rate-limit';
import { testStatus } from '../../partners/greenhouse-status';

/**
 * Greenhouse's Assessment Partner API, the partner's side: Greenhouse lists our tests
 * (list_tests), sends one to a candidate (send_test), asks how it went (test_status) and reports
 * answers it could not use (response_error). Greenhouse authenticates every call with HTTP Basic,
 * the organization's API key as the username. When the candidate finishes, the outbox sends the
 * completion PATCH to the `url` of send_test (src/db/webhook-events.ts, queuePartnerCallback),
 * and Greenhouse then asks test_status. Register these URLs with Greenhouse:
 * <origin>/partners/greenhouse/{list_tests,send_test,test_status,response_error}.
 */
export const greenhouseRoutes = new Hono<ApiEnv>();

type Ctx = Context<ApiEnv>;

greenhouseRoutes.use('/partners/greenhouse/*', requireApiKey('Basic'), limitApiWrites());

/** Greenhouse's own hosts: the completion PATCH, sent with the organization's key, goes nowhere else. */
export function isGreenhouseUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && (url.hostname === 'greenhouse.io' || url.hostname.endsWith('.greenhouse.io'));
}

/** An http(s) link, or null: where Greenhouse shows the candidate, kept to link back to. */
function linkOrNull(text: string | null): string | null {
  if (!text || text.length > 2000) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Tests Greenhouse can send: the organization's assessments that take new candidates, newest first. */
greenhouseRoutes.get('/partners/greenhouse/list_tests', async (c) => {
  const { db, clock } = c.get('deps');
  const now = clock();
  const rows = await assessmentPage(db, c.get('apiOrgId'), { archived: false, limit: 1000, now });
  return c.json(
    rows
      .filter((a) => a.closesAt === null || a.closesAt > now)
      .map((a) => ({ partner_test_id: a.id, partner_test_name: a.title })),
  );
});

/** Who sent the test: the member whose email Greenhouse gives as `sent_by`, else the organization. */
async function inviterFor(c: Ctx, sentBy: string | null): Promise<Inviter> {
  const orgName = c.get('apiKey').orgName;
  const email = sentBy?.toLowerCase();
  const member = email ? (await teamMembers(c.get('deps').db, c.get('apiOrgId'))).find((m) => m.email === email) : null;
  return member ? { orgName, name: member.name, userId: member.userId } : { orgName, name: null, userId: null };
}

const answer = (c: Ctx, invitationId: string) => c.json({ partner_interview_id: invitationId });

/**
 * Invites the candidate to the test and emails them (when the server sends email); answers the
 * invitation's id as `partner_interview_id`. Greenhouse gives one `url` per test sent, so a repeat
 * with the same url (a retry after a lost answer) answers the invitation it made the first time.
 */
greenhouseRoutes.post('/partners/greenhouse/send_test', requireScope('write'), async (c) => {
  const deps = c.get('deps');
  const orgId = c.get('apiOrgId');
  const body = new FieldReader(await readJsonObject(c));
  const url = body.string('url', { max: 2000, fallback: null });
  if (url) {
    const earlier = await invitationByCallbackUrl(deps.db, orgId, url);
    if (earlier) return answer(c, earlier.id);
    if (!isGreenhouseUrl(url)) body.fail('url', 'must be an https URL on greenhouse.io, as Greenhouse sends it.');
  }
  const testId = body.string('partner_test_id', { max: 100 });
  const assessment = testId ? await getAssessment(deps.db, orgId, testId) : null;
  if (testId && !assessment)
    throw new ProblemError({ status: 404, detail: `No test with partner_test_id "${testId}" in this organization.` });
  const candidate = body.has('candidate') ? body.object('candidate') : null;
  if (!candidate) body.fail('candidate', 'is required: an object with first_name, last_name and email.');
  const first = candidate?.string('first_name', { max: 100, fallback: '' }) ?? '';
  const last = candidate?.string('last_name', { max: 100, fallback: '' }) ?? '';
  const preferred = candidate?.string('preferred_name', { max: 100, fallback: '' }) ?? '';
  const email = candidate?.string('email', { max: 254 }) ?? '';
  const profile = candidate?.string('greenhouse_profile_url', { max: 2000, fallback: null }) ?? null;
  const sentBy = body.string('sent_by', { max: 254, fallback: null });
  if (!assessment || body.errors.length > 0) throw validationProblem(body.errors);
  await requireOpen(deps, assessment);
  const name = `${first} ${last}`.trim() || preferred;
  const { people, problems } = checkRecipients(
    [{ where: '/candidate', raw: '', name, email, extraMinutes: null }],
    await invitedEmails(deps.db, orgId, assessment.lineageId),
  );
  const [person] = people;
  if (!person)
    throw validationProblem(
      problems.map((p) => ({
        field: p.field === 'name' ? '/candidate/first_name' : `/candidate/${p.field}`,
        detail: p.message,
      })),
    );
  try {
    const { invitees } = await inviteCandidates(deps, {
      origin: publicOrigin(c),
      inviter: await inviterFor(c, sentBy),
      assessment,
      expiresAt: deps.clock() + defaultExpiryDays * dayMs,
      people: [
        {
          candidateName: person.name,
          candidateEmail: person.email,
          extraSeconds: 0,
          partner: {
            source: 'greenhouse',
            partnerCallbackUrl: url,
            partnerCandidateUrl: linkOrNull(profile),
            partnerApiKeyId: c.get('apiKey').id,
            partnerCredential: url ? await sealCredential(deps.keys, c.get('apiKey').secret) : null,
          },
        },
      ],
    });
    return answer(c, invitees[0]?.id ?? '');
  } catch (error) {
    // Two sends with one url at once: the unique index lets one in; the other answers its invitation.
    const winner = url ? await invitationByCallbackUrl(deps.db, orgId, url) : null;
    if (winner) return answer(c, winner.id);
    throw error;
  }
});

/** The candidate's status; once complete, the score, the report's address and the details. */
greenhouseRoutes.get('/partners/greenhouse/test_status', async (c) => {
  const { db, clock } = c.get('deps');
  const orgId = c.get('apiOrgId');
  const id = c.req.query('partner_interview_id');
  if (!id)
    throw validationProblem([{ field: 'partner_interview_id', detail: 'is required: the id send_test answered.' }]);
  const invitation = await getInvitation(db, orgId, id);
  const assessment: AssessmentRow | null = invitation ? await getAssessment(db, orgId, invitation.assessmentId) : null;
  if (!invitation || !assessment)
    throw new ProblemError({ status: 404, detail: `No test instance with partner_interview_id "${id}".` });
  const peers = await candidateRecords(db, orgId, { assessmentId: assessment.id });
  const row = candidateRows(peers, scoresOf(peers), clock()).find((r) => r.invitationId === invitation.id);
  if (!row) throw new ProblemError({ status: 404, detail: `No test instance with partner_interview_id "${id}".` });
  const result = attemptResultSummary(row, peers, assessment.blueprint, await areaTitlesOf(db, assessment));
  const reportUrl = row.attemptId ? `${publicOrigin(c)}/app/attempts/${row.attemptId}` : null;
  return c.json(testStatus(row, result, reportUrl));
});

/** A short text for the log: Greenhouse's values, cut to a length a log line can hold. */
const short = (value: unknown, max = 300) => (typeof value === 'string' ? value.slice(0, max) : null);

/**
 * Greenhouse could not use one of our answers: logged as a warning with what it says was wrong,
 * for whoever runs the server to find and fix. The candidate's email is left out of the log.
 */
greenhouseRoutes.post('/partners/greenhouse/response_error', async (c) => {
  const body: JsonObject = await readJsonObject(c);
  const errors = Array.isArray(body.errors) ? body.errors.slice(0, 20).map((e) => short(e) ?? String(e)) : null;
  if (typeof body.api_call !== 'string' || !errors)
    throw validationProblem([
      ...(typeof body.api_call === 'string' ? [] : [{ field: '/api_call', detail: 'is required: a string.' }]),
      ...(errors ? [] : [{ field: '/errors', detail: 'is required: an array of strings.' }]),
    ]);
  c.get('deps').log({
    level: 'warn',
    msg: 'Greenhouse could not use an answer of ours',
    orgId: c.get('apiOrgId'),
    apiCall: short(body.api_call, 50),
    errors,
    partnerTestId: short(body.partner_test_id, 100),
    partnerInterviewId: short(body.partner_interview_id, 100),
  });
  return c.json({ status: 200 });
});

import { type Context, Hono } from 'hono';
import { ComparePage } from '../../../views/manage/compare';
import { GroupLabel, ReportPage, type ReportView } from '../../../views/manage/report';
import type { PageProps } from '../../../views/page';
import { can } from '../../auth/permissions';
import { focusableCodeBlocks } from '../../bank/scrollable-code';
import { answerHtml, keyHtml } from '../../candidate/describe';
import { attemptItemsWithContent, eventsOf, finalizeAttempt, responsesOf } from '../../db/attempts';
import { blueprintSources } from '../../db/blueprint-sources';
import { gradeResponses, gradingsOf } from '../../db/grading';
import { groupLabelsInUse, labelledInvitation, setGroupLabel } from '../../db/group-labels';
import { regradesOfAttempt } from '../../db/regrades';
import {
  addDecision,
  addNote,
  candidateRecords,
  completedScores,
  decisionsOf,
  notesOf,
  orgAttempt,
} from '../../db/reports';
import { isDueForFinalization } from '../../engine/attempt-state';
import { isDecision } from '../../engine/decisions';
import { checkGroupLabel } from '../../engine/group-label';
import { countedCredit } from '../../engine/scoring';
import { describeValues, type VariantValues } from '../../engine/variant';
import { field, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { publicOrigin } from '../../http/public-origin';
import { wantsFragment } from '../../http/request-kind';
import { candidateRows } from '../../manage/candidates';
import { regradeWords } from '../../manage/regrade-words';
import { timeline } from '../../manage/timeline';
import { type ManageEnv, requireCapability } from '../../middleware/auth';
import { errorResponse } from '../../middleware/errors';

/**
 * Candidate reports, team notes and decisions, and the side-by-side comparison. Reviewers read
 * and comment (notes); recording a hiring decision changes the candidate's standing in the
 * pipeline, so it takes the admin role, like every other change in the workspace.
 */
export const reportsRoutes = new Hono<ManageEnv>();

type Ctx = Context<ManageEnv>;

const notFound = 'There is no candidate report at this address in your organization. Open it from the assessment.';
const idPattern = /^[\w-]{22}$/;
const id = ':id{[\\w-]{22}}';
const maxNote = 2000;

/** The organization's assessment attempt named in the path, or given (else a 404). */
async function requireOrgAttempt(c: Ctx, attemptId = c.req.param('id') ?? '') {
  const found = await orgAttempt(c.get('deps').db, c.get('member').orgId, attemptId);
  if (!found) throw new PublicError(404, notFound);
  return found;
}

/** Everything the report shows (a 404 when the attempt is not the organization's). */
async function reportView(c: Ctx, attemptIdGiven?: string): Promise<ReportView> {
  const { db, clock, settings, grade } = c.get('deps');
  const member = c.get('member');
  let found = await requireOrgAttempt(c, attemptIdGiven);
  const attemptId = found.attempt.id;
  // Time ran out and nobody came back: finalize now, as the candidate's next access or the sweep would.
  if (isDueForFinalization(found.attempt, clock(), settings.saveGraceMs)) {
    if (grade) await gradeResponses(db, attemptId, grade);
    await finalizeAttempt(db, attemptId, clock(), found.assessment.passMark, {
      origin: publicOrigin(c),
    });
    found = (await orgAttempt(db, member.orgId, attemptId)) ?? found;
  }
  const { assessment } = found;
  const mayLabel = can(member, 'candidate.label');
  const [records, scores, items, saved, events, notes, decisions, areas, regrades, gradings, labels] =
    await Promise.all([
      candidateRecords(db, member.orgId, { attemptIds: [attemptId] }),
      completedScores(db, member.orgId, [assessment.id]),
      attemptItemsWithContent(db, attemptId),
      responsesOf(db, attemptId),
      eventsOf(db, attemptId),
      notesOf(db, member.orgId, attemptId),
      decisionsOf(db, member.orgId, attemptId),
      blueprintSources(db, member.orgId),
      regradesOfAttempt(db, member.orgId, attemptId),
      gradingsOf(db, attemptId),
      mayLabel ? groupLabelsInUse(db, member.orgId) : [],
    ]);
  const [row] = candidateRows(records, scores, clock());
  if (!row?.attemptId) throw new PublicError(404, notFound);
  const areaTitles = Object.fromEntries(areas.map((a) => [a.id, a.title]));
  const finished = (scores.get(assessment.id) ?? []).length;
  return {
    row: { ...row, attemptId: row.attemptId },
    assessment,
    areaTitles,
    others: Math.max(0, finished - (row.status === 'completed' ? 1 : 0)),
    questions: items.map((item) => {
      const response = saved.get(item.questionId);
      const answer = response?.answer ?? null;
      return {
        position: item.position,
        questionId: item.questionId,
        areaTitle: areaTitles[item.area] ?? item.area,
        topic: item.topic,
        type: item.type,
        difficulty: item.difficulty,
        promptHtml: focusableCodeBlocks(item.promptHtml),
        answerHtml: answerHtml(item.options, answer),
        correctHtml: keyHtml(item.options, item.answerKey),
        explanationHtml: focusableCodeBlocks(item.explanationHtml),
        values: item.variant ? describeValues(item.variant as VariantValues) : null,
        ref: item.ref,
        answered: answer !== null,
        // As it counts now: a regrade's full credit or accepted answer, a dropped item 0.
        credit: countedCredit(item, answer, response?.score) ?? 0,
        timeSpentMs: response?.timeSpentMs ?? 0,
        flagged: response?.flagged ?? false,
        // Code and SQL: each hidden test as graded at the finish, inputs included (the manager sees them).
        tests: gradings.get(item.questionId)?.results ?? null,
      };
    }),
    regrades: regrades.map((r) => ({
      ...r,
      what: regradeWords(r.kind, r.acceptedAnswer, items.find((i) => i.questionId === r.questionId)?.options ?? []),
    })),
    groupLabel: {
      invitationId: found.invitation.id,
      value: found.invitation.groupLabel,
      canEdit: mayLabel,
      suggestions: labels,
    },
    timeline: timeline(events, found.attempt.startedAt),
    notes,
    decisions,
    canDecide: can(member, 'decision.record'),
  };
}

const notices: Record<string, string> = {
  note: 'Note added.',
  decision: 'Decision recorded.',
  unchanged: 'That is already the current decision; nothing changed.',
  label: 'Group label saved.',
};

reportsRoutes.get(`/app/attempts/${id}`, requireCapability('report.view'), async (c) => {
  const view = await reportView(c);
  c.header('Cache-Control', 'private, no-store');
  const notice = notices[c.req.query('done') ?? ''];
  return c.render(<ReportPage view={{ ...view, notice }} />, reportPage(view));
});

/** Re-renders the report with what was typed and why it was refused (422), or a fragment for htmx. */
async function refuse(c: Ctx, extra: Pick<ReportView, 'errors' | 'draft'>, status: 409 | 422 = 422) {
  const message = extra.errors?.note ?? extra.errors?.decision ?? 'Check your input.';
  if (wantsFragment(c)) return errorResponse(c, status, message);
  const view = await reportView(c);
  c.status(status);
  return c.render(<ReportPage view={{ ...view, ...extra }} />, reportPage(view));
}

/**
 * The whole report of an attempt with a form's refusal in place, for a form posted to another
 * address than the report's (the group label), when JavaScript is off.
 */
async function refusedOnReport(c: Ctx, attemptId: string, extra: Partial<ReportView>, status: 409 | 422) {
  const view = await reportView(c, attemptId);
  c.status(status);
  return c.render(<ReportPage view={{ ...view, ...extra }} />, reportPage(view));
}

function reportPage(view: ReportView): PageProps {
  return { title: `${view.row.candidateName} · ${view.assessment.title}`, workspace: 'assessments' };
}

function back(c: Ctx, attemptId: string, done: string) {
  const url = `/app/attempts/${attemptId}?done=${done}#activity`;
  if (wantsFragment(c)) {
    c.header('HX-Redirect', url);
    return c.body(null, 204);
  }
  return c.redirect(url, 303);
}

reportsRoutes.post(`/app/attempts/${id}/notes`, requireCapability('note.write'), async (c) => {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const attemptId = (await requireOrgAttempt(c)).attempt.id;
  const form = await readForm(c);
  const raw = field(form, 'body') ?? '';
  const body = raw.trim();
  if (body.length === 0) return refuse(c, { errors: { note: 'Write something before adding the note.' } });
  if (body.length > maxNote) {
    return refuse(c, {
      errors: {
        note: `A note holds at most ${maxNote} characters; this one has ${body.length}. Shorten it or split it in two.`,
      },
      draft: { note: raw },
    });
  }
  await addNote(db, { orgId: member.orgId, attemptId, authorId: member.user.id, body, now: clock() });
  return back(c, attemptId, 'note');
});

const mayDecide = requireCapability(
  'decision.record',
  (member) =>
    `Recording a decision needs the admin role in ${member.orgName}. Add a note with your recommendation instead.`,
);

reportsRoutes.post(`/app/attempts/${id}/decision`, mayDecide, async (c) => {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const found = await requireOrgAttempt(c);
  const attemptId = found.attempt.id;
  const form = await readForm(c);
  const decision = field(form, 'decision') ?? '';
  const rawReason = field(form, 'reason') ?? '';
  const reason = rawReason.trim();
  const draft = { decision, reason: rawReason };
  if (found.attempt.state === 'in_progress') {
    return refuse(
      c,
      { errors: { decision: 'The candidate is still taking the test. Decide once they finish.' }, draft },
      409,
    );
  }
  if (!isDecision(decision)) {
    return refuse(c, { errors: { decision: 'Choose advance, hold or reject.' }, draft });
  }
  if (reason.length > maxNote) {
    return refuse(c, {
      errors: { decision: `The reason holds at most ${maxNote} characters; this one has ${reason.length}.` },
      draft,
    });
  }
  // A double click or a re-sent form would repeat the current decision: history keeps changes, not echoes.
  const history = await decisionsOf(db, member.orgId, attemptId);
  if (history.at(-1)?.decision === decision && !reason) return back(c, attemptId, 'unchanged');
  await addDecision(db, {
    orgId: member.orgId,
    attemptId,
    userId: member.user.id,
    decision,
    reason,
    now: clock(),
  });
  return back(c, attemptId, 'decision');
});

/** `?ids=a,b` or `?ids=a&ids=b` (what the table's checkboxes send): 2 to 4 distinct attempts. */
function compareIds(c: Ctx): string[] {
  const values = c.req.queries('ids') ?? [];
  return [
    ...new Set(
      values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

reportsRoutes.get('/app/compare', requireCapability('report.view'), async (c) => {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const ids = compareIds(c);
  if (ids.length < 2 || ids.length > 4) {
    return errorResponse(
      c,
      400,
      `Choose 2 to 4 candidates to compare (you chose ${ids.length}). Tick them in an assessment's candidate table, then press "Compare selected".`,
    );
  }
  if (!ids.every((v) => idPattern.test(v))) throw new PublicError(404, notFound);
  const records = await candidateRecords(db, member.orgId, { attemptIds: ids });
  if (records.length !== ids.length)
    throw new PublicError(404, 'At least one of these candidates is not in your organization, or no longer exists.');
  const scores = await completedScores(db, member.orgId, [...new Set(records.map((r) => r.assessmentId))]);
  const byId = new Map(candidateRows(records, scores, clock()).map((r) => [r.attemptId, r]));
  const rows = ids.flatMap((v) => byId.get(v) ?? []);
  // Areas in catalogue order, each shown once, whichever candidate was tested on it.
  const tested = new Set(rows.flatMap((r) => Object.keys(r.result?.byArea ?? {})));
  // Public areas, then the organization's own collections.
  const areas = (await blueprintSources(db, member.orgId))
    .filter((a) => tested.has(a.id))
    .map((a) => ({ id: a.id, title: a.title }));
  return c.render(<ComparePage view={{ rows, areas }} />, { title: 'Compare candidates', workspace: 'assessments' });
});

const noCandidate = 'There is no candidate at this address in your organization.';

/**
 * The team's group label for a candidate (pass rates by group): set from the report's form; a
 * refused label keeps the form with what was typed and the reason beside the field (422), as
 * the report section for htmx, as the whole report otherwise.
 */
reportsRoutes.post('/app/invitations/:invitationId/group-label', requireCapability('candidate.label'), async (c) => {
  const { db } = c.get('deps');
  const orgId = c.get('member').orgId;
  const invitationId = c.req.param('invitationId');
  const raw = field(await readForm(c), 'label') ?? '';
  const checked = checkGroupLabel(raw);
  c.header('Vary', 'HX-Request-Type');
  if (!checked.ok) {
    const found = await labelledInvitation(db, orgId, invitationId);
    if (!found) throw new PublicError(404, noCandidate);
    const suggestions = await groupLabelsInUse(db, orgId);
    const label = { invitationId, value: found.label, canEdit: true, suggestions, draft: raw, error: checked.error };
    if (wantsFragment(c)) {
      c.status(422);
      return c.html(<GroupLabel label={label} assessmentId={found.assessmentId} />);
    }
    // The form lives on the candidate's report; an invitation not started yet has none to come back to.
    if (!found.attemptId) throw new PublicError(422, checked.error);
    return refusedOnReport(c, found.attemptId, { groupLabel: label }, 422);
  }
  const target = await setGroupLabel(db, orgId, invitationId, checked.label);
  if (!target) throw new PublicError(404, noCandidate);
  if (wantsFragment(c)) {
    const suggestions = await groupLabelsInUse(db, orgId);
    const label = { invitationId, value: checked.label, canEdit: true, suggestions, saved: true };
    return c.html(<GroupLabel label={label} assessmentId={target.assessmentId} />);
  }
  return c.redirect(
    target.attemptId ? `/app/attempts/${target.attemptId}?done=label` : `/app/assessments/${target.assessmentId}`,
    303,
  );
});

import { type Context, Hono } from 'hono';
import { FinishPage } from '../../../views/candidate/finish';
import { ReportPanelContent } from '../../../views/candidate/question-report';
import {
  attemptScript,
  type NavItem,
  QuestionTemplates,
  TestPage,
  type TestPageView,
  testPageProps,
} from '../../../views/candidate/test-page';
import { Time } from '../../../views/components/time';
import { attemptAccess, clientAddressOf } from '../../candidate/access';
import { answerFromForm, isAnswered } from '../../candidate/answer-form';
import { noteAddress, noteAddressSeen } from '../../candidate/arrival';
import { notFound, requireOwnAttempt } from '../../candidate/own-attempt';
import { questionViewOf } from '../../candidate/question-view';
import {
  attemptItemAt,
  attemptItemIds,
  finalizeAttempt,
  recordEvent,
  saveResponse,
  saveResponseIfOpen,
} from '../../db/attempts';
import type { Db } from '../../db/client';
import { cachedAttemptItemAt } from '../../db/form-items';
import { gradeResponses } from '../../db/grading';
import { type PageAttempt, type PageItem, type QuestionPageRead, questionPageRead } from '../../db/question-page';
import { attemptQuestionAt, saveQuestionReport } from '../../db/question-reports';
import { versionContent } from '../../db/version-content';
import { isPageSignal } from '../../engine/attempt-events';
import { acceptsSaves, isDueForFinalization } from '../../engine/attempt-state';
import { checkReport } from '../../engine/question-report';
import { remainingSeconds, secondsUntilSavesClose } from '../../engine/timing';
import { contentOf } from '../../engine/variant';
import type { AppEnv } from '../../env';
import { field, intField, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { publicOrigin } from '../../http/public-origin';
import { wantsFragment } from '../../http/request-kind';
import { errorResponse } from '../../middleware/errors';
import { currentPracticePosition, practiceAnswer, practiceTitleOf } from '../../practice/answer';
import { finalizeByKind } from '../../practice/finalize';
import { secondsPerQuestion } from '../../practice/rules';

export const attemptRoutes = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

/** The navigator's entries from the page read's items: answered and flagged per position. */
function navigatorOf(items: PageItem[]): NavItem[] {
  return items.map((i) => ({ position: i.position, answered: isAnswered(i.answer), flagged: i.flagged }));
}

/**
 * One item of the page read as the candidate sees it: its version's content from memory, this
 * attempt's instance of a variant question, its option order and saved answer. Null when the
 * version is missing.
 */
async function questionShown(db: Db, item: PageItem) {
  const content = await versionContent(db, item);
  if (!content) return null;
  const shown = contentOf(
    { promptHtml: content.promptHtml, options: content.options, answerKey: content.answerKey },
    content.variantSpec,
    item.variant,
  );
  return questionViewOf({ ...shown, type: content.type, optionOrder: item.optionOrder }, item.answer);
}

interface RenderExtra {
  notice?: string;
  error?: string;
  status?: 400 | 422;
  reportDraft?: { reason?: string; body?: string; error: string };
  /** The browser arriving on the page: its address is recorded when the attempt has not seen it. */
  arrival?: { device: string; address: string | null };
}

async function renderQuestion(
  c: Ctx,
  own: { attempt: PageAttempt },
  position: number,
  extra: RenderExtra = {},
  /** The page read when the caller already ran it for the same arrival (quickPage). */
  done?: QuestionPageRead,
) {
  const deps = c.get('deps');
  const { attempt } = own;
  // One statement for what the attempt holds; the question's content comes from memory by version.
  const read = done ?? (await questionPageRead(deps.db, attempt.id, extra.arrival?.address ?? null));
  if (read && extra.arrival) {
    const { device, address } = extra.arrival;
    await noteAddressSeen(deps.db, attempt.id, device, address, read.addressSeen, deps.clock());
  }
  const row = read?.items.find((i) => i.position === position);
  const question = row ? await questionShown(deps.db, row) : null;
  if (!read || !row || !question) throw new PublicError(404, `This test has no question ${position + 1}.`);
  const view: TestPageView = {
    attemptId: attempt.id,
    title: read.assessmentTitle ?? practiceTitleOf(read.areaTitle),
    position,
    total: read.items.length,
    question,
    seq: row.seq,
    flagged: row.flagged,
    navigator: navigatorOf(read.items),
    remainingSeconds: remainingSeconds(deps.clock(), attempt.deadlineAt),
    closesInSeconds: secondsUntilSavesClose(deps.clock(), attempt.deadlineAt, deps.settings.saveGraceMs),
    adaptive: attempt.kind === 'practice',
    // A practice test's time limit is its maximum length times the time per question.
    maxQuestions:
      attempt.kind === 'practice'
        ? Math.round((attempt.deadlineAt - attempt.startedAt) / 1000 / secondsPerQuestion)
        : undefined,
    notice: extra.notice,
    error: extra.error,
    report: {
      attemptId: attempt.id,
      position,
      sent: read.reports.get(row.questionId) ?? null,
      draft: extra.reportDraft,
      error: extra.reportDraft?.error,
    },
  };
  c.header('Cache-Control', 'no-store');
  c.status(extra.status ?? 200);
  return c.render(<TestPage view={view} />, testPageProps(view));
}

/** `?q=`: a question number, 0 when absent, -1 when it is not a number. */
function positionAsked(c: Ctx): number {
  const q = c.req.query('q');
  return q === undefined ? 0 : /^\d{1,4}$/.test(q) ? Number(q) : -1;
}

/**
 * The common page view in one statement: a running assessment attempt whose cookie verifies (a
 * signature, no read), asked for a question number. The page read carries the attempt's state and
 * clock, so the access check needs no read of its own. Null when anything is off that path (no
 * cookie, practice, finished or due for finalization, no such attempt, a bad number): the full
 * path then decides and answers as it always did.
 */
async function quickPage(c: Ctx): Promise<Response | null> {
  const id = c.req.param('id') ?? '';
  const device = await attemptAccess(c, id);
  const position = positionAsked(c);
  if (!device || position < 0) return null;
  const deps = c.get('deps');
  const arrival = { device, address: clientAddressOf(c) };
  const read = await questionPageRead(deps.db, id, arrival.address);
  if (!read) return null;
  const { attempt } = read;
  if (attempt.kind !== 'assessment' || attempt.state !== 'in_progress') return null;
  if (isDueForFinalization(attempt, deps.clock(), deps.settings.saveGraceMs)) return null;
  return renderQuestion(c, { attempt }, position, { notice: savedNotice(c), arrival }, read);
}

const savedNotice = (c: Ctx) => (c.req.query('saved') === '1' ? 'Your answer was saved.' : undefined);

attemptRoutes.get('/attempts/:id', async (c) => {
  const quick = await quickPage(c);
  if (quick) return quick;
  const own = await requireOwnAttempt(c);
  if (own.attempt.state !== 'in_progress') return c.redirect(`/attempts/${own.attempt.id}/result`, 303);
  const deps = c.get('deps');
  const arrival = { device: own.device, address: clientAddressOf(c) };
  if (own.attempt.kind === 'practice') {
    await noteAddress(deps.db, own.attempt.id, arrival.device, arrival.address, deps.clock());
    // Forward only: the page is always the current question, whatever ?q= says.
    const current = await currentPracticePosition(deps.db, own.attempt.id, deps.clock());
    if (current === 'finished') return c.redirect(`/attempts/${own.attempt.id}/result`, 303);
    return renderQuestion(c, own, current);
  }
  const position = positionAsked(c);
  if (position < 0) {
    await noteAddress(deps.db, own.attempt.id, arrival.device, arrival.address, deps.clock());
    return errorResponse(c, 400, 'That is not a question number. Use the navigator to move between questions.');
  }
  // The address is checked by the page's own read (renderQuestion), not by a statement of its own.
  return renderQuestion(c, own, position, { notice: savedNotice(c), arrival });
});

/**
 * Every question of a running assessment attempt with its saved answer, as inert templates for
 * attempt.js: with them in memory the page moves between questions without a request, so a
 * candidate keeps going while offline and the queue sends the answers later. Adaptive practice
 * has no such list: its next question is chosen from the answers.
 */
attemptRoutes.get('/attempts/:id/questions', async (c) => {
  const own = await requireOwnAttempt(c);
  if (own.attempt.kind !== 'assessment') throw new PublicError(404, notFound);
  if (own.attempt.state !== 'in_progress') {
    return errorResponse(c, 410, 'This test has ended. Reload the page to see your result.');
  }
  const db = c.get('deps').db;
  // The page's own read: one statement, every question's content from memory.
  const read = await questionPageRead(db, own.attempt.id, null);
  if (!read) throw new PublicError(404, notFound);
  const templates = [];
  for (const item of read.items) {
    const question = await questionShown(db, item);
    if (!question) throw new PublicError(404, notFound);
    templates.push({
      position: item.position,
      question,
      seq: item.seq,
      answered: isAnswered(item.answer),
      flagged: item.flagged,
      report: { attemptId: own.attempt.id, position: item.position, sent: read.reports.get(item.questionId) ?? null },
    });
  }
  c.header('Cache-Control', 'no-store');
  return c.html(<QuestionTemplates total={read.items.length} items={templates} />);
});

function timeUp(c: Ctx, attemptId: string) {
  if (wantsFragment(c)) {
    return errorResponse(
      c,
      410,
      'Time is up. The answers saved before the deadline were submitted; this one arrived too late to count.',
    );
  }
  return c.redirect(`/attempts/${attemptId}/result`, 303);
}

/**
 * The common save in one statement: an htmx save whose cookie verifies (a signature, no read), to
 * an item already known to this process, written by saveResponseIfOpen with every guard in SQL.
 * Null when anything is off the common path (no cookie, bad input, late, finished, practice, a
 * duplicate or stale sequence): the full path then decides and answers as it always did.
 */
async function quickSave(c: Ctx): Promise<Response | null> {
  if (!wantsFragment(c)) return null;
  const id = c.req.param('id') ?? '';
  if (!(await attemptAccess(c, id))) return null;
  const deps = c.get('deps');
  const form = await readForm(c);
  const position = intField(form, 'q', 10_000);
  const seq = intField(form, 'seq');
  if (position === null || seq === null) return null;
  const item = await cachedAttemptItemAt(deps.db, id, position);
  if (!item) return null;
  const parsed = answerFromForm(item, form);
  if (!parsed.ok) return null;
  const now = deps.clock();
  const written = await saveResponseIfOpen(deps.db, {
    attemptId: id,
    questionId: item.questionId,
    seq,
    answer: parsed.answer,
    flagged: field(form, 'flagged') === '1',
    elapsedMs: intField(form, 'elapsed') ?? 0,
    now,
    graceMs: deps.settings.saveGraceMs,
  });
  return written ? savedFragment(c, seq, now) : null;
}

function savedFragment(c: Ctx, seq: number, now: number) {
  c.header('X-Saved-Seq', String(seq));
  return c.html(
    <span class="saved">
      Saved <Time at={now} format="time" />
    </span>,
  );
}

/** Saves one answer (htmx or a plain form post) under the sequence rule of src/engine/save.ts. */
attemptRoutes.post('/attempts/:id/answers', async (c) => {
  const quick = await quickSave(c);
  if (quick) return quick;
  const own = await requireOwnAttempt(c);
  const deps = c.get('deps');
  const { attempt } = own;
  const form = await readForm(c);
  const position = intField(form, 'q', 10_000);
  const seq = intField(form, 'seq');
  if (position === null || seq === null) {
    return errorResponse(c, 400, 'This save was incomplete. Reload the page: your saved answers are safe.');
  }
  const now = deps.clock();
  if (!acceptsSaves(attempt, now, deps.settings.saveGraceMs)) {
    if (attempt.state === 'in_progress' || attempt.submittedAt === attempt.deadlineAt) {
      await recordEvent(deps.db, attempt.id, 'late_save', now, { position, seq });
      const passMark = (await own.assessment())?.passMark ?? null;
      await finalizeByKind(deps.db, attempt, now, passMark, publicOrigin(c), deps.grade);
    }
    return timeUp(c, attempt.id);
  }
  if (attempt.kind === 'practice') {
    const outcome = await practiceAnswer(deps.db, { attempt, position, seq, form, now });
    if (outcome.kind === 'invalid') {
      if (wantsFragment(c)) return errorResponse(c, 422, outcome.error);
      return renderQuestion(c, own, position, { error: outcome.error, status: 422 });
    }
    if (outcome.kind === 'closed') return timeUp(c, attempt.id);
    return c.redirect(`/attempts/${attempt.id}${outcome.kind === 'finished' ? '/result' : ''}`, 303);
  }
  const item = await attemptItemAt(deps.db, attempt.id, position);
  if (!item) return errorResponse(c, 400, 'This question is not part of your test. Reload the page to continue.');
  const parsed = answerFromForm(item, form);
  if (!parsed.ok) {
    if (wantsFragment(c)) return errorResponse(c, 422, parsed.error);
    return renderQuestion(c, own, position, { error: parsed.error, status: 422 });
  }
  const elapsed = Math.min(intField(form, 'elapsed') ?? 0, now - attempt.startedAt);
  const decision = await saveResponse(deps.db, {
    attemptId: attempt.id,
    questionId: item.questionId,
    seq,
    answer: parsed.answer,
    flagged: field(form, 'flagged') === '1',
    timeSpentMs: Math.max(0, elapsed),
    now,
  });
  if (decision.kind === 'closed') return timeUp(c, attempt.id);
  if (decision.kind === 'stale') {
    if (wantsFragment(c)) {
      return errorResponse(c, 409, 'A newer answer to this question is already saved; this older one was ignored.');
    }
    return c.redirect(`/attempts/${attempt.id}?q=${position}`, 303);
  }
  if (wantsFragment(c)) return savedFragment(c, seq, now);
  const go = field(form, 'go');
  if (go === 'finish') return c.redirect(`/attempts/${attempt.id}/finish`, 303);
  const next = go === 'next' ? position + 1 : go === 'prev' ? Math.max(0, position - 1) : position;
  const total = (await attemptItemIds(deps.db, attempt.id)).length;
  if (next >= total) return c.redirect(`/attempts/${attempt.id}/finish`, 303);
  return c.redirect(`/attempts/${attempt.id}?q=${next}${next === position ? '&saved=1' : ''}`, 303);
});

const ended = 'This test has ended, so reports are no longer taken. Thank you for looking closely.';

/**
 * A candidate's (or practice taker's) report of a problem with a question, during the test: the
 * same access as saving an answer, and only while the attempt runs. htmx swaps the panel; a plain
 * post comes back to the same question (answers are saved by their own form, never touched here).
 */
attemptRoutes.post('/attempts/:id/reports', async (c) => {
  const own = await requireOwnAttempt(c);
  const deps = c.get('deps');
  const { attempt } = own;
  const form = await readForm(c);
  const position = intField(form, 'q', 10_000);
  const item = position === null ? null : await attemptQuestionAt(deps.db, attempt.id, position);
  if (position === null || !item) {
    return errorResponse(c, 400, 'This question is not part of your test. Reload the page and report it from there.');
  }
  if (attempt.state !== 'in_progress') return errorResponse(c, 410, ended);
  const reason = field(form, 'reason');
  const body = field(form, 'body');
  const checked = checkReport(reason, body);
  const back = attempt.kind === 'practice' ? `/attempts/${attempt.id}` : `/attempts/${attempt.id}?q=${position}`;
  if (!checked.ok) {
    if (wantsFragment(c)) {
      c.status(422);
      return c.html(
        <ReportPanelContent
          view={{ attemptId: attempt.id, position, draft: { reason, body }, error: checked.error, sent: null }}
        />,
      );
    }
    return renderQuestion(c, own, position, { status: 422, reportDraft: { reason, body, error: checked.error } });
  }
  const kept = await saveQuestionReport(deps.db, {
    attemptId: attempt.id,
    orgId: attempt.orgId,
    questionId: item.questionId,
    questionVersion: item.version,
    reason: checked.reason,
    body: checked.body,
    now: deps.clock(),
  });
  if (!kept) return errorResponse(c, 410, ended);
  if (!wantsFragment(c)) return c.redirect(`${back}#report-title-${position}`, 303);
  c.header('Cache-Control', 'no-store');
  return c.html(
    <ReportPanelContent
      view={{ attemptId: attempt.id, position, sent: { reason: checked.reason, body: checked.body } }}
    />,
  );
});

/** Integrity signals from the page: evidence for a reviewer, recorded with the server's clock. */
attemptRoutes.post('/attempts/:id/events', async (c) => {
  const own = await requireOwnAttempt(c);
  const form = await readForm(c);
  const type = field(form, 'type') ?? '';
  if (!isPageSignal(type)) return errorResponse(c, 400, 'Unknown event type.');
  if (own.attempt.state !== 'in_progress') return c.body(null, 204);
  const deps = c.get('deps');
  await recordEvent(deps.db, own.attempt.id, type, deps.clock(), {
    position: intField(form, 'q', 10_000),
  });
  return c.body(null, 204);
});

attemptRoutes.get('/attempts/:id/finish', async (c) => {
  const own = await requireOwnAttempt(c);
  if (own.attempt.state !== 'in_progress') return c.redirect(`/attempts/${own.attempt.id}/result`, 303);
  // An adaptive test ends by its stop rule (or the clock), not by a finish button.
  if (own.attempt.kind === 'practice') return c.redirect(`/attempts/${own.attempt.id}`, 303);
  const deps = c.get('deps');
  c.header('Cache-Control', 'no-store');
  const title = (await own.assessment())?.title ?? 'Practice test';
  const read = await questionPageRead(deps.db, own.attempt.id, null);
  return c.render(
    <FinishPage
      attemptId={own.attempt.id}
      title={title}
      navigator={navigatorOf(read?.items ?? [])}
      remainingSeconds={remainingSeconds(deps.clock(), own.attempt.deadlineAt)}
      closesInSeconds={secondsUntilSavesClose(deps.clock(), own.attempt.deadlineAt, deps.settings.saveGraceMs)}
    />,
    { title: `Finish · ${title}`, bare: true, scripts: [attemptScript] },
  );
});

attemptRoutes.post('/attempts/:id/finish', async (c) => {
  const own = await requireOwnAttempt(c);
  const deps = c.get('deps');
  if (own.attempt.kind === 'practice' && own.attempt.state === 'in_progress') {
    return c.redirect(`/attempts/${own.attempt.id}`, 303);
  }
  if (deps.grade) await gradeResponses(deps.db, own.attempt.id, deps.grade);
  await finalizeAttempt(deps.db, own.attempt.id, deps.clock(), (await own.assessment())?.passMark ?? null, {
    origin: publicOrigin(c),
  });
  return c.redirect(`/attempts/${own.attempt.id}/result`, 303);
});

import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { assessmentStatuses, showAfterOptions } from '../engine/assessment';
import { attemptEventTypes } from '../engine/attempt-events';
import { attemptKinds, attemptStates } from '../engine/attempt-state';
import type { Blueprint } from '../engine/blueprint';
import { decisionValues } from '../engine/decisions';
import { invitationStatuses } from '../engine/invitation-state';
import type { Answer, AnswerKey, QuestionOption, QuestionType } from '../engine/question';
import { questionStatuses } from '../engine/question-status';
import { roles } from '../engine/roles';
import type { WebhookEventType } from '../engine/webhook-events';

// Times are epoch milliseconds (integer): the engine computes with numbers, never Dates.
const createdAt = () => integer('created_at', { mode: 'number' }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

// ---------------------------------------------------------------- accounts

export const organizations = sqliteTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** A private question goes active only after a second member approves it. */
  requireQuestionApproval: integer('require_question_approval', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`: parameters travel with the hash. */
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
});

export const apiScopes = ['read', 'write'] as const;
export type ApiScope = (typeof apiScopes)[number];

export const memberships = sqliteTable(
  'memberships',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: roles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('memberships_user').on(t.userId)],
);

/** Server-side record of every session token, so logout revokes it everywhere. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'number' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'number' }),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Sign-in and sign-up counters, one row per bucket (src/auth/throttle.ts names the buckets and
 * their limits). `failures` counts password checks not (yet) known to have succeeded in the window
 * that began at `window_start`. `account` is the email a bucket concerns, so that an unlock clears
 * all of one account's buckets.
 */
export const loginThrottle = sqliteTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    account: text('account'),
    failures: integer('failures').notNull().default(0),
    windowStart: integer('window_start', { mode: 'number' }).notNull(),
  },
  (t) => [index('login_throttle_account').on(t.account)],
);

export const teamInvites = sqliteTable(
  'team_invites',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    email: text('email').notNull(),
    role: text('role', { enum: roles }).notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'number' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'number' }),
    revokedAt: integer('revoked_at', { mode: 'number' }),
  },
  (t) => [index('team_invites_org').on(t.orgId)],
);

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    /** The first characters of the key, shown in lists so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the whole key: keys are long random strings, so a slow hash buys nothing. */
    keyHash: text('key_hash').notNull().unique(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    /** What the key may do; keys made before scopes existed were read-only, so they hold ["read"]. */
    scopes: text('scopes', { mode: 'json' }).$type<ApiScope[]>().notNull().default(['read']),
    lastUsedAt: integer('last_used_at', { mode: 'number' }),
    revokedAt: integer('revoked_at', { mode: 'number' }),
  },
  (t) => [index('api_keys_org').on(t.orgId)],
);

/**
 * A write through the API with an `Idempotency-Key` header: a repeat of the same key by the same
 * API key answers the stored response instead of acting twice. `fingerprint` (a hash of method,
 * path and body) tells a true repeat from a different request reusing the key. While the first
 * request runs, `response_status` is null. Rows older than 24 hours are deleted by the periodic jobs.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    apiKeyId: text('api_key_id')
      .notNull()
      .references(() => apiKeys.id),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.apiKeyId, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);

// ---------------------------------------------------------------- the bank

export interface AreaTopic {
  id: string;
  title: string;
  docsUrl: string;
}

/**
 * A public skill area (`org_id` null, from questions/) or an organization's private collection
 * (`org_id` set): the same shape, so drawing, rendering, scoring and statistics serve both.
 */
export const skillAreas = sqliteTable(
  'skill_areas',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').references(() => organizations.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    descriptionHtml: text('description_html').notNull().default(''),
    topics: text('topics', { mode: 'json' }).$type<AreaTopic[]>().notNull(),
    position: integer('position').notNull().default(0),
    updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('skill_areas_org').on(t.orgId)],
);

/** One row per stable question id; its content lives in versions. */
export const questions = sqliteTable(
  'questions',
  {
    id: text('id').primaryKey(),
    /** Null for the public bank; the owning organization of a private question (its area's org). */
    orgId: text('org_id').references(() => organizations.id),
    areaId: text('area_id')
      .notNull()
      .references(() => skillAreas.id),
    topic: text('topic').notNull(),
    currentVersion: integer('current_version').notNull(),
    status: text('status', { enum: questionStatuses }).notNull().default('active'),
    /** 2PL parameters: from calibration when enough data exists, else priors from difficulty. */
    irtA: real('irt_a').notNull(),
    irtB: real('irt_b').notNull(),
    calibratedAt: integer('calibrated_at', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('questions_area_status').on(t.areaId, t.status), index('questions_org').on(t.orgId, t.status)],
);

/** Immutable: attempts point at the exact version they showed. */
export const questionVersions = sqliteTable(
  'question_versions',
  {
    questionId: text('question_id')
      .notNull()
      .references(() => questions.id),
    version: integer('version').notNull(),
    contentHash: text('content_hash').notNull(),
    type: text('type').$type<QuestionType>().notNull(),
    difficulty: integer('difficulty').notNull(),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    timeWeight: real('time_weight').notNull().default(1),
    ref: text('ref'),
    promptHtml: text('prompt_html').notNull(),
    options: text('options', { mode: 'json' }).$type<QuestionOption[]>().notNull(),
    answerKey: text('answer_key', { mode: 'json' }).$type<AnswerKey>().notNull(),
    explanationHtml: text('explanation_html').notNull(),
    sourceFile: text('source_file').notNull(),
    /** The question's Markdown as written (private questions are edited from it; null for the public bank). */
    sourceText: text('source_text'),
    /** Parameters of a variant question and the templates they fill; null for a fixed question. */
    variant: text('variant', { mode: 'json' }).$type<Record<string, unknown>>(),
    authorId: text('author_id').references(() => users.id),
    changeNote: text('change_note'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.version] })],
);

/**
 * A private question's history and review thread, append-only: created, edited, submitted for
 * review, approved, activated, retired, commented, copied, imported, regraded.
 */
export const questionEvents = sqliteTable(
  'question_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    questionId: text('question_id')
      .notNull()
      .references(() => questions.id),
    version: integer('version'),
    actorId: text('actor_id').references(() => users.id),
    action: text('action').notNull(),
    body: text('body'),
    at: integer('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('question_events_question').on(t.questionId, t.at), index('question_events_org').on(t.orgId, t.at)],
);

/** How often each question was drawn for an organization's candidates: the draw prefers the less exposed. */
export const questionExposure = sqliteTable(
  'question_exposure',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    questionId: text('question_id')
      .notNull()
      .references(() => questions.id),
    drawn: integer('drawn').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.questionId] })],
);

/**
 * Per scope, an organization's id or '' for the public bank, an `n` that rises with every insert,
 * update and delete of one of its questions (triggers in drizzle/0006_bank_generations.sql, so
 * every writer counts: the app, the CLI, another instance). A process keeps an organization's
 * pool under the sum of its own and the public bank's `n` (src/db/pool.ts): both only rise, so a
 * write to either moves the sum, and a write in another organization leaves it alone.
 */
export const bankGenerations = sqliteTable('bank_generations', {
  scope: text('scope').primaryKey(),
  n: integer('n').notNull(),
});

/** The last bank imported, so start-up skips an unchanged bank. */
export const bankImports = sqliteTable('bank_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  hash: text('hash').notNull(),
  importedAt: integer('imported_at', { mode: 'number' }).notNull(),
  summary: text('summary', { mode: 'json' }).$type<Record<string, number>>().notNull(),
});

// ---------------------------------------------------------------- assessments

export const assessments = sqliteTable(
  'assessments',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    blueprint: text('blueprint', { mode: 'json' }).$type<Blueprint>().notNull(),
    timeLimitSeconds: integer('time_limit_seconds').notNull(),
    passMark: integer('pass_mark').notNull(),
    shuffleQuestions: integer('shuffle_questions', { mode: 'boolean' }).notNull().default(true),
    shuffleOptions: integer('shuffle_options', { mode: 'boolean' }).notNull().default(true),
    showAfter: text('show_after', { enum: showAfterOptions }).notNull().default('thanks'),
    opensAt: integer('opens_at', { mode: 'number' }),
    closesAt: integer('closes_at', { mode: 'number' }),
    status: text('status', { enum: assessmentStatuses }).notNull().default('active'),
    /** Versions of one assessment share a lineage; a blueprint with attempts is never edited in place. */
    lineageId: text('lineage_id').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('assessments_org').on(t.orgId, t.status)],
);

export const invitationSources = ['greenhouse'] as const;
export type InvitationSource = (typeof invitationSources)[number];

export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id),
    candidateName: text('candidate_name').notNull(),
    candidateEmail: text('candidate_email').notNull(),
    status: text('status', { enum: invitationStatuses }).notNull().default('invited'),
    expiresAt: integer('expires_at', { mode: 'number' }).notNull(),
    /** Accommodation: added to the assessment's time limit for this candidate only. */
    extraSeconds: integer('extra_seconds').notNull().default(0),
    /** Goes up with every resend; links carry it, and a link with an older one is refused. */
    tokenVersion: integer('token_version').notNull().default(1),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    openedAt: integer('opened_at', { mode: 'number' }),
    sentAt: integer('sent_at', { mode: 'number' }),
    revokedAt: integer('revoked_at', { mode: 'number' }),
    /**
     * Set when an applicant tracking system sent the test (Greenhouse's `send_test`); null when a
     * person did. For Greenhouse, the invitation id is the `partner_interview_id`.
     */
    source: text('source', { enum: invitationSources }),
    /** Greenhouse's `url`: where to send the completion PATCH. One test sent, one invitation. */
    partnerCallbackUrl: text('partner_callback_url'),
    /** Greenhouse's `greenhouse_profile_url`: the candidate's application there, to link back to. */
    partnerCandidateUrl: text('partner_candidate_url'),
    /** The API key the partner authenticated send_test with. */
    partnerApiKeyId: text('partner_api_key_id').references(() => apiKeys.id),
    /**
     * That key, encrypted (AES-GCM under a key derived from the signing keys): Greenhouse expects
     * the completion PATCH to authenticate with it, and api_keys holds only hashes.
     */
    partnerCredential: text('partner_credential'),
    /** A manager's own label for the candidate (source, location) for the adverse-impact view. */
    groupLabel: text('group_label'),
  },
  (t) => [
    index('invitations_assessment').on(t.assessmentId, t.status),
    index('invitations_org').on(t.orgId),
    // The periodic jobs look for invitations nobody started whose expiry passed.
    index('invitations_unstarted_expiry').on(t.expiresAt).where(sql`status in ('invited', 'opened')`),
    // A repeated send_test (a retry after a lost response) finds the invitation it already made.
    uniqueIndex('invitations_partner_callback')
      .on(t.orgId, t.partnerCallbackUrl)
      .where(sql`partner_callback_url is not null`),
  ],
);

// ---------------------------------------------------------------- attempts

export interface AttemptResult {
  points: number;
  max: number;
  percent: number;
  passed: boolean | null;
  byArea: Record<string, { points: number; max: number; percent: number }>;
  byTopic: Record<string, { points: number; max: number; percent: number }>;
}

export const attempts = sqliteTable(
  'attempts',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: attemptKinds }).notNull(),
    orgId: text('org_id').references(() => organizations.id),
    assessmentId: text('assessment_id').references(() => assessments.id),
    /** Unique: one invitation, one attempt, whatever the number of concurrent starts. */
    invitationId: text('invitation_id')
      .unique()
      .references(() => invitations.id),
    userId: text('user_id').references(() => users.id),
    areaId: text('area_id').references(() => skillAreas.id),
    seed: text('seed').notNull(),
    state: text('state', { enum: attemptStates }).notNull().default('in_progress'),
    startedAt: integer('started_at', { mode: 'number' }).notNull(),
    deadlineAt: integer('deadline_at', { mode: 'number' }).notNull(),
    submittedAt: integer('submitted_at', { mode: 'number' }),
    scorePercent: real('score_percent'),
    passed: integer('passed', { mode: 'boolean' }),
    result: text('result', { mode: 'json' }).$type<AttemptResult>(),
    theta: real('theta'),
    thetaSe: real('theta_se'),
    scaleScore: integer('scale_score'),
    percentile: real('percentile'),
    createdAt: createdAt(),
  },
  (t) => [
    index('attempts_assessment').on(t.assessmentId, t.state),
    index('attempts_deadline').on(t.state, t.deadlineAt),
    index('attempts_practice').on(t.areaId, t.kind, t.state),
    index('attempts_user').on(t.userId),
  ],
);

/** The frozen question list of an attempt: exact versions and option order, fixed at start (or when CAT picks). */
export const attemptItems = sqliteTable(
  'attempt_items',
  {
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id),
    position: integer('position').notNull(),
    questionId: text('question_id').notNull(),
    questionVersion: integer('question_version').notNull(),
    contentHash: text('content_hash').notNull(),
    optionOrder: text('option_order', { mode: 'json' }).$type<string[] | null>(),
    /** A variant question's parameter values for this attempt, drawn from its seed. */
    variant: text('variant', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** Set by a regrade: the item counts as full credit, or is dropped from the score. */
    scoring: text('scoring', { enum: ['full_credit', 'dropped'] }),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.position] }),
    uniqueIndex('attempt_items_question').on(t.attemptId, t.questionId),
  ],
);

/** One row per attempt and question, upserted under the sequence rule. */
export const responses = sqliteTable(
  'responses',
  {
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id),
    questionId: text('question_id').notNull(),
    answer: text('answer', { mode: 'json' }).$type<Answer | null>(),
    seq: integer('seq').notNull(),
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
    savedAt: integer('saved_at', { mode: 'number' }).notNull(),
    timeSpentMs: integer('time_spent_ms').notNull().default(0),
    score: real('score'),
    /** What a graded answer earned per test (code and SQL questions). */
    grading: text('grading', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] })],
);

export const attemptEvents = sqliteTable(
  'attempt_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id),
    type: text('type', { enum: attemptEventTypes }).notNull(),
    at: integer('at', { mode: 'number' }).notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [
    index('attempt_events_attempt').on(t.attemptId, t.at),
    // An attempt ends once: a second finish (double click, sweep racing a finish) adds no event.
    uniqueIndex('attempt_events_final').on(t.attemptId).where(sql`type in ('finished', 'expired')`),
  ],
);

/** Share links for practice results; the token is signed, this row lets the owner revoke it. */
export const resultShares = sqliteTable(
  'result_shares',
  {
    id: text('id').primaryKey(),
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id),
    createdAt: createdAt(),
    revokedAt: integer('revoked_at', { mode: 'number' }),
  },
  (t) => [index('result_shares_attempt').on(t.attemptId)],
);

// ---------------------------------------------------------------- review

export const notes = sqliteTable(
  'notes',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('notes_attempt').on(t.attemptId)],
);

/** Append-only: the latest row is the decision, the rest its history. */
export const decisions = sqliteTable(
  'decisions',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id),
    decision: text('decision', { enum: decisionValues }).notNull(),
    decidedBy: text('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: integer('decided_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('decisions_attempt').on(t.attemptId, t.decidedAt)],
);

// ---------------------------------------------------------------- question reports and regrades

export const questionReportStatuses = ['open', 'resolved'] as const;

/** A candidate's or practice taker's report of a problem with a question, kept with the version shown. */
export const questionReports = sqliteTable(
  'question_reports',
  {
    id: text('id').primaryKey(),
    /** The organization whose attempt it came from; null for practice. */
    orgId: text('org_id').references(() => organizations.id),
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id),
    questionId: text('question_id')
      .notNull()
      .references(() => questions.id),
    questionVersion: integer('question_version').notNull(),
    reason: text('reason').notNull(),
    body: text('body').notNull().default(''),
    status: text('status', { enum: questionReportStatuses }).notNull().default('open'),
    resolvedBy: text('resolved_by').references(() => users.id),
    resolvedAt: integer('resolved_at', { mode: 'number' }),
    resolution: text('resolution'),
    createdAt: createdAt(),
  },
  (t) => [
    index('question_reports_org').on(t.orgId, t.status, t.createdAt),
    index('question_reports_question').on(t.questionId),
    // One report per attempt and question: a second press updates it.
    uniqueIndex('question_reports_attempt_question').on(t.attemptId, t.questionId),
  ],
);

export const regradeKinds = ['full_credit', 'accept_answer', 'drop'] as const;

/** A regrade applied to an organization's attempts of one question; its changes list whose scores moved. */
export const regrades = sqliteTable(
  'regrades',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    questionId: text('question_id')
      .notNull()
      .references(() => questions.id),
    kind: text('kind', { enum: regradeKinds }).notNull(),
    /** For accept_answer: the additional answer counted as correct. */
    acceptedAnswer: text('accepted_answer', { mode: 'json' }).$type<Answer>(),
    note: text('note').notNull().default(''),
    actorId: text('actor_id')
      .notNull()
      .references(() => users.id),
    at: integer('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('regrades_org').on(t.orgId, t.at)],
);

export const regradeChanges = sqliteTable(
  'regrade_changes',
  {
    regradeId: text('regrade_id')
      .notNull()
      .references(() => regrades.id),
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id),
    beforePercent: real('before_percent'),
    afterPercent: real('after_percent'),
    beforePassed: integer('before_passed', { mode: 'boolean' }),
    afterPassed: integer('after_passed', { mode: 'boolean' }),
  },
  (t) => [primaryKey({ columns: [t.regradeId, t.attemptId] }), index('regrade_changes_attempt').on(t.attemptId)],
);

// ---------------------------------------------------------------- integration

/** An organization's endpoint, signed per Standard Webhooks (https://www.standardwebhooks.com). */
export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** `whsec_<base64 of the key bytes>`, the form Standard Webhooks libraries take. */
    secret: text('secret').notNull(),
    /**
     * The secret before the last rotation, until `previous_secret_expires_at`: meanwhile messages
     * carry a signature with each (the header takes several, space-separated), so receivers can
     * switch at their own pace.
     */
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: integer('previous_secret_expires_at', { mode: 'number' }),
    events: text('events', { mode: 'json' }).$type<WebhookEventType[]>().notNull(),
    disabledAt: integer('disabled_at', { mode: 'number' }),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'number' }),
  },
  (t) => [index('webhooks_org').on(t.orgId)],
);

export const outboxKinds = ['webhook', 'greenhouse'] as const;
export type OutboxKind = (typeof outboxKinds)[number];

/**
 * Messages to deliver at least once, written in the same batch as the change they report, so a
 * crash after the commit loses none. `webhook`: one row per event and subscribed endpoint, POSTed
 * signed to the endpoint's current URL. `greenhouse`: the completion PATCH to `target_url`, the URL
 * Greenhouse gave in send_test. The id is the `webhook-id` receivers deduplicate on: the same on
 * every try. A delivery run claims a due row by moving `next_try_at` past its own timeout, so two
 * runs never send the same try; after the last try `failed_at` is set.
 */
export const webhookOutbox = sqliteTable(
  'webhook_outbox',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: outboxKinds }).notNull().default('webhook'),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    webhookId: text('webhook_id').references(() => webhooks.id),
    /** For `greenhouse`: whose partner callback this is (the credential and URL come with it). */
    invitationId: text('invitation_id').references(() => invitations.id),
    targetUrl: text('target_url'),
    event: text('event').notNull(),
    /** The whole JSON body: `{type, timestamp, data}` for webhooks. */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    tries: integer('tries').notNull().default(0),
    nextTryAt: integer('next_try_at', { mode: 'number' }).notNull(),
    deliveredAt: integer('delivered_at', { mode: 'number' }),
    failedAt: integer('failed_at', { mode: 'number' }),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_outbox_due').on(t.nextTryAt).where(sql`delivered_at is null and failed_at is null`),
    index('webhook_outbox_webhook').on(t.webhookId, t.createdAt),
    index('webhook_outbox_org').on(t.orgId, t.createdAt),
    // Pruning old history reads messages by age.
    index('webhook_outbox_created').on(t.createdAt),
  ],
);

/** The delivery log: one row per try of an outbox message, shown per endpoint. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    outboxId: text('outbox_id')
      .notNull()
      .references(() => webhookOutbox.id),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id),
    webhookId: text('webhook_id').references(() => webhooks.id),
    /** 1 for the first try of the message. */
    tryNumber: integer('try_number').notNull(),
    at: integer('at', { mode: 'number' }).notNull(),
    /** Null when no response came (refused address, timeout, connection error). */
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms'),
    /** The start of the response body, a couple of KiB at most. */
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
  },
  (t) => [index('webhook_deliveries_webhook').on(t.webhookId, t.at), index('webhook_deliveries_outbox').on(t.outboxId)],
);

export const itemStats = sqliteTable('item_stats', {
  questionId: text('question_id').primaryKey(),
  n: integer('n').notNull().default(0),
  pValue: real('p_value'),
  pointBiserial: real('point_biserial'),
  meanTimeMs: real('mean_time_ms'),
  exposures: integer('exposures').notNull().default(0),
  updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
});

/**
 * `npm run demo`: a workspace to look around in. Applies migrations to DATABASE_URL (default: the
 * embedded file), imports the bank, and creates "Demo Hiring Co" with an owner, a reviewer, an
 * assessment over real skill areas, a dozen candidates and their attempts. Every row is written by
 * the functions the app itself uses (start, save, finalize), so reports show exactly what real
 * candidates would produce. Candidates answer by the 2PL model from their ability and each
 * question's parameters, with a seeded generator: the same bank gives the same story every time.
 * Idempotent: when the demo organization exists, only the demo passwords are reset.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashPassword } from '../auth/password';
import { noteArrival } from '../candidate/arrival';
import { createOrgWithOwner, createUser, findUserByEmail, membershipsOf, updatePasswordHash } from '../db/accounts';
import { listAreas } from '../db/areas';
import { createAssessment, createInvitation, markInvitationOpened } from '../db/assessments';
import {
  attemptItemsWithContent,
  finalizeAttempt,
  getAttempt,
  recordEvent,
  saveResponse,
  startInvitedAttempt,
} from '../db/attempts';
import type { Db } from '../db/client';
import { newId } from '../db/ids';
import { markInvitationsSent } from '../db/invitations';
import { activePool, attemptItemsFromDraw } from '../db/pool';
import { addDecision, addNote } from '../db/reports';
import { acceptTeamInvite, createTeamInvite } from '../db/team';
import { defaultSettings } from '../deps';
import type { AssessmentSettings as AssessmentInput } from '../engine/assessment';
import { drawQuestions } from '../engine/draw';
import { probability } from '../engine/irt';
import type { Answer, AnswerKey, QuestionOption } from '../engine/question';
import { createRng, type Rng } from '../engine/random';
import { deadlineFor } from '../engine/timing';
import { rulesFor } from '../question-types/rules';
import { migrateDatabase, openDatabase, shownUrl } from './database';
import { importBankFromDir } from './import-bank-dir';

export const demo = {
  orgName: 'Demo Hiring Co',
  password: 'skillcheck-demo-2026',
  owner: { email: 'dana.owner@example.com', name: 'Dana Whitfield' },
  reviewer: { email: 'sam.reviewer@example.com', name: 'Sam Okafor' },
  assessmentTitle: 'Backend engineer screening',
} as const;

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Areas we would pick for a backend screening, in order of preference, and how many questions each. */
const preferredAreas: [string, number][] = [
  ['programming-languages', 8],
  ['databases', 6],
  ['api-design', 6],
];

/**
 * The candidates: name, ability (theta, 0 = the average taker) and what they did. Abilities
 * spread from weak to strong so the pipeline shows passes, fails and a close call.
 */
type Outcome = 'finished' | 'timed-out' | 'in-progress' | 'opened' | 'invited';
const candidates: { name: string; theta: number; outcome: Outcome }[] = [
  { name: 'Amara Nwosu', theta: 1.6, outcome: 'finished' },
  { name: 'Ben Carter', theta: 0.3, outcome: 'finished' },
  { name: 'Chen Wei', theta: 1.1, outcome: 'finished' },
  { name: 'Diego Alvarez', theta: -0.6, outcome: 'finished' },
  { name: 'Elif Yilmaz', theta: 0.8, outcome: 'finished' },
  { name: 'Farah Haddad', theta: -1.1, outcome: 'timed-out' },
  { name: 'Gustav Lind', theta: 0.1, outcome: 'finished' },
  { name: 'Hana Sato', theta: 2.0, outcome: 'finished' },
  { name: 'Ivan Petrov', theta: -0.3, outcome: 'finished' },
  { name: 'Julia Moreau', theta: 0.7, outcome: 'in-progress' },
  { name: 'Kofi Mensah', theta: 0, outcome: 'opened' },
  { name: 'Lena Fischer', theta: 0, outcome: 'invited' },
];

export interface DemoResult {
  created: boolean;
  orgId: string;
  assessmentId: string | null;
  counts: { invitations: number; finished: number };
}

/** A candidate's answer to a question: right, or a plausible wrong one (another option, a wrong number...). */
export function demoAnswer(key: AnswerKey, options: QuestionOption[], right: boolean, rng: Rng): Answer {
  return rulesFor(key.type).simulatedAnswer(
    key,
    options.map((o) => o.id),
    right,
    rng,
  );
}

/** The blueprint: preferred areas where the bank has them, else the first areas with questions. */
async function demoBlueprint(db: Db): Promise<AssessmentInput['blueprint']> {
  const areas = (await listAreas(db)).filter((a) => a.questionCount > 0);
  const byId = new Map(areas.map((a) => [a.id, a]));
  let chosen = preferredAreas.filter(([id]) => byId.has(id));
  if (chosen.length === 0) chosen = areas.slice(0, 3).map((a, i) => [a.id, i === 0 ? 8 : 6]);
  if (chosen.length === 0) throw new Error('The question bank is empty: import it first (npm run bank:import).');
  return {
    sections: chosen.map(([area, count]) => ({ area, count: Math.min(count, byId.get(area)?.questionCount ?? 0) })),
  };
}

/** One candidate's attempt, answered question by question as the test page would save it. */
async function takeTest(
  db: Db,
  rng: Rng,
  input: {
    orgId: string;
    assessmentId: string;
    invitationId: string;
    assessment: AssessmentInput;
    theta: number;
    startedAt: number;
    /** Stop after this many questions (still working on the rest). */
    answerCount?: number;
    /** Time taken per question relative to a typical candidate; above ~1.2 the clock runs out. */
    pace?: number;
    finish: boolean;
  },
) {
  const { assessment } = input;
  const pool = await activePool(
    db,
    assessment.blueprint.sections.map((s) => s.area),
  );
  const seed = newId();
  const drawn = drawQuestions(pool, assessment.blueprint, seed, {
    shuffleQuestions: assessment.shuffleQuestions,
    shuffleOptions: assessment.shuffleOptions,
  });
  const deadlineAt = deadlineFor(input.startedAt, assessment.timeLimitSeconds);
  const { attemptId } = await startInvitedAttempt(db, {
    invitationId: input.invitationId,
    orgId: input.orgId,
    assessmentId: input.assessmentId,
    seed,
    startedAt: input.startedAt,
    deadlineAt,
    items: attemptItemsFromDraw(pool, drawn),
    detail: { device: newId(), address: `203.0.113.${1 + Math.floor(rng() * 250)}` },
  });

  const items = await attemptItemsWithContent(db, attemptId);
  // Time per question scales with the time limit: a typical candidate uses about 60% of it.
  const perQuestion = (assessment.timeLimitSeconds * 1000) / Math.max(1, items.length);
  let at = input.startedAt;
  let timedOut = false;
  for (const item of items.slice(0, input.answerCount ?? items.length)) {
    const spent = Math.round(perQuestion * (0.3 + 0.55 * rng()) * (input.pace ?? 1));
    // The app refuses saves after the deadline: a slow candidate's last answers never land.
    if (at + spent > deadlineAt) {
      timedOut = true;
      break;
    }
    at += spent;
    if (rng() < 0.04) continue; // skipped, as people do
    const right = rng() < probability(input.theta, { a: item.irtA, b: item.irtB });
    await saveResponse(db, {
      attemptId,
      questionId: item.questionId,
      seq: 1,
      answer: demoAnswer(item.answerKey, item.options, right, rng),
      flagged: !right && rng() < 0.15,
      timeSpentMs: spent,
      now: at,
    });
  }
  if (input.finish) {
    // A finish before the deadline is 'submitted'; the sweep finalizes a timed-out one as 'expired'.
    const end = timedOut ? deadlineAt + 10_000 : Math.min(at + Math.round(rng() * 2 * minute), deadlineAt - 1);
    await finalizeAttempt(db, attemptId, end, assessment.passMark);
  }
  return attemptId;
}

async function setPassword(db: Db, userId: string, iterations: number) {
  await updatePasswordHash(db, userId, await hashPassword(demo.password, { iterations }));
}

/** Creates the demo organization, or (when it exists) resets the demo passwords and changes nothing else. */
export async function seedDemo(db: Db, options: { now: number; passwordIterations: number }): Promise<DemoResult> {
  const { now, passwordIterations } = options;
  const existing = await findUserByEmail(db, demo.owner.email);
  if (existing) {
    const org = (await membershipsOf(db, existing.id)).find((m) => m.orgName === demo.orgName);
    if (!org) throw new Error(`${demo.owner.email} exists but is not in ${demo.orgName}: use another database.`);
    await setPassword(db, existing.id, passwordIterations);
    const reviewer = await findUserByEmail(db, demo.reviewer.email);
    if (reviewer) await setPassword(db, reviewer.id, passwordIterations);
    return { created: false, orgId: org.orgId, assessmentId: null, counts: { invitations: 0, finished: 0 } };
  }

  const rng = createRng('skillcheck-demo');
  const passwordHash = await hashPassword(demo.password, { iterations: passwordIterations });
  const start = now - 8 * day;
  const { userId: ownerId, orgId } = await createOrgWithOwner(db, {
    ...demo.owner,
    passwordHash,
    orgName: demo.orgName,
  });

  // The reviewer joins the way people do: an invitation, accepted. At `now`, like the owner's
  // membership (createOrgWithOwner stamps the current time), so the team page reads in order.
  const reviewerId = await createUser(db, { ...demo.reviewer, passwordHash });
  const teamInvite = await createTeamInvite(db, {
    orgId,
    email: demo.reviewer.email,
    role: 'reviewer',
    createdBy: ownerId,
    now,
    expiresAt: now + 7 * day,
  });
  await acceptTeamInvite(db, teamInvite, reviewerId, now);

  const assessment: AssessmentInput = {
    title: demo.assessmentTitle,
    description:
      'A 30-minute screening for backend engineers: code reading, databases and API design. Use of a search engine is not allowed.',
    blueprint: await demoBlueprint(db),
    timeLimitSeconds: 30 * 60,
    passMark: 60,
    shuffleQuestions: true,
    shuffleOptions: true,
    showAfter: 'score',
    opensAt: null,
    closesAt: null,
  };
  const assessmentId = await createAssessment(db, orgId, ownerId, assessment, start + 3 * hour);

  let finished = 0;
  const attemptsByName = new Map<string, string>();
  for (const [index, person] of candidates.entries()) {
    const invitedAt = start + day + index * 3 * hour;
    const first = person.name.split(' ')[0]?.toLowerCase() ?? 'candidate';
    const invitationId = await createInvitation(
      db,
      orgId,
      assessmentId,
      ownerId,
      {
        candidateName: person.name,
        candidateEmail: `${first}.${index + 1}@example.com`,
        expiresAt: invitedAt + 14 * day,
        extraSeconds: 0,
      },
      invitedAt,
    );
    await markInvitationsSent(db, [invitationId], invitedAt);
    // Starts spread over the last six days, at working hours give or take.
    const startedAt = Math.min(invitedAt + day * (0.5 + rng() * 2), now - 3 * hour) + Math.round(rng() * 2 * hour);
    const base = { orgId, assessmentId, invitationId, assessment, theta: person.theta };
    if (person.outcome === 'finished' || person.outcome === 'timed-out') {
      const pace = person.outcome === 'timed-out' ? 2.5 : 1;
      attemptsByName.set(person.name, await takeTest(db, rng, { ...base, startedAt, pace, finish: true }));
      finished++;
    } else if (person.outcome === 'in-progress') {
      await takeTest(db, rng, { ...base, startedAt: now - 6 * minute, answerCount: 4, finish: false });
    } else if (person.outcome === 'opened') {
      await markInvitationOpened(db, invitationId, now - day);
    }
  }

  // Integrity signals a reviewer should see, and a resume from another device and network.
  const startOf = async (name: string) => {
    const attemptId = attemptsByName.get(name);
    const attempt = attemptId ? await getAttempt(db, attemptId) : null;
    return attempt ? { id: attempt.id, at: attempt.startedAt } : null;
  };
  const diego = await startOf('Diego Alvarez');
  if (diego) {
    for (const [k, position] of [3, 7, 12].entries()) {
      await recordEvent(db, diego.id, 'focus_lost', diego.at + (k + 2) * 3 * minute, { position });
    }
    await recordEvent(db, diego.id, 'paste', diego.at + 11 * minute, { position: 9 });
  }
  const ivan = await startOf('Ivan Petrov');
  if (ivan) await recordEvent(db, ivan.id, 'focus_lost', ivan.at + 5 * minute, { position: 4 });
  const ben = await startOf('Ben Carter');
  if (ben) await noteArrival(db, ben.id, newId(), '198.51.100.23', ben.at + 9 * minute);

  // Reviews: a reviewer's notes, the owner's decisions with their reasons.
  const review = async (name: string, write: (attemptId: string) => Promise<void>) => {
    const attemptId = attemptsByName.get(name);
    if (attemptId) await write(attemptId);
  };
  await review('Chen Wei', (attemptId) =>
    addNote(db, {
      orgId,
      attemptId,
      authorId: reviewerId,
      body: 'Solid overall. Ask about API versioning and pagination in the interview.',
      now: now - 2 * day,
    }),
  );
  await review('Diego Alvarez', (attemptId) =>
    addNote(db, {
      orgId,
      attemptId,
      authorId: reviewerId,
      body: 'Left the test window three times and pasted once. Worth a friendly question in the call.',
      now: now - 2 * day + hour,
    }),
  );
  await review('Hana Sato', (attemptId) =>
    addDecision(db, {
      orgId,
      attemptId,
      userId: ownerId,
      decision: 'advance',
      reason: 'Strong in every area. Invite to the system design interview.',
      now: now - day,
    }),
  );
  await review('Amara Nwosu', (attemptId) =>
    addDecision(db, { orgId, attemptId, userId: ownerId, decision: 'advance', reason: '', now: now - day + hour }),
  );
  await review('Farah Haddad', (attemptId) =>
    addDecision(db, {
      orgId,
      attemptId,
      userId: ownerId,
      decision: 'hold',
      reason: 'Ran out of time. Check whether she needs extra time before deciding.',
      now: now - 20 * hour,
    }),
  );

  return { created: true, orgId, assessmentId, counts: { invitations: candidates.length, finished } };
}

async function main() {
  const root = process.cwd();
  const { url, db, client } = await openDatabase(root);
  await migrateDatabase(db, root);
  const bank = await importBankFromDir(db, resolve(process.env.QUESTIONS_DIR ?? 'questions'), Date.now(), (entry) => {
    if (entry.level !== 'info') console.error(JSON.stringify(entry));
  });
  if (!bank) {
    client.close();
    process.exit(1);
  }
  const result = await seedDemo(db, { now: Date.now(), passwordIterations: defaultSettings.passwordIterations });
  client.close();
  const site = process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const where = shownUrl(url);
  console.log(
    [
      '',
      result.created
        ? `Demo data created in ${where}: ${demo.orgName}, one assessment, ${result.counts.invitations} candidates, ${result.counts.finished} finished attempts.`
        : `${demo.orgName} already exists in ${where}: nothing added, demo passwords reset.`,
      '',
      `  Start the server:  ${process.env.DATABASE_URL ? `DATABASE_URL=${where} ` : ''}npm start`,
      `  Then open:         ${site}/login`,
      `  Owner:             ${demo.owner.email}`,
      `  Reviewer:          ${demo.reviewer.email}`,
      `  Password (both):   ${demo.password}`,
      '',
      'A demo account with a published password: do not run this against a public instance.',
      '',
    ].join('\n'),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

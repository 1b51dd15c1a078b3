import { formatDateTime, formatMinutes, plural } from '../components/format';

export type InviteState = 'ready' | 'resume' | 'expired' | 'revoked' | 'completed' | 'not-open' | 'closed';

export interface InviteView {
  state: InviteState;
  token: string;
  candidateName: string;
  orgName: string;
  inviterName: string | null;
  title: string;
  description: string;
  areas: string[];
  questionCount: number;
  timeLimitSeconds: number;
  extraSeconds: number;
  opensAt: number | null;
}

const closedMessages: Partial<Record<InviteState, { title: string; body: string }>> = {
  expired: {
    title: 'This invitation has expired',
    body: 'The time to start this assessment has passed. If you still want to take it, ask the person who invited you to send a new link.',
  },
  revoked: {
    title: 'This invitation was withdrawn',
    body: 'The organization that invited you has withdrawn this link. If you think this is a mistake, contact them directly.',
  },
  completed: {
    title: 'You have already completed this assessment',
    body: 'Your answers were submitted. There is nothing more to do: the organization that invited you will be in touch.',
  },
  closed: {
    title: 'This assessment is closed',
    body: 'The assessment no longer accepts new attempts. Contact the organization that invited you.',
  },
};

/** The page's title: why the link no longer works, or the assessment's. */
export function inviteTitle(view: InviteView): string {
  return closedMessages[view.state]?.title ?? view.title;
}

export function InvitePage({ view }: { view: InviteView }) {
  const closed = closedMessages[view.state];
  if (closed) {
    return (
      <section class="panel narrow">
        <h1>{closed.title}</h1>
        <p>{closed.body}</p>
        <p class="muted">
          {view.title} · {view.orgName}
        </p>
      </section>
    );
  }
  const minutes = formatMinutes(view.timeLimitSeconds + view.extraSeconds);
  return (
    <section class="panel narrow">
      <p class="muted">
        {view.orgName}
        {view.inviterName ? ` · invited by ${view.inviterName}` : ''}
      </p>
      <h1>{view.title}</h1>
      <p>Hello {view.candidateName}.</p>
      {view.description ? <p>{view.description}</p> : null}
      <dl class="kpis">
        <div>
          <dt>Questions</dt>
          <dd>{view.questionCount}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{minutes}</dd>
        </div>
        <div>
          <dt>Areas</dt>
          <dd class="small">{view.areas.join(', ')}</dd>
        </div>
      </dl>
      {view.extraSeconds > 0 ? (
        <p class="alert alert-ok">Your time includes {formatMinutes(view.extraSeconds)} of extra time.</p>
      ) : null}
      <h2>Before you start</h2>
      <ul>
        <li>
          The clock starts when you press <strong>Start</strong> and keeps running if you close the page. You have{' '}
          {minutes} for {plural(view.questionCount, 'question')}.
        </li>
        <li>Every answer is saved the moment you give it. You can move between questions and change answers.</li>
        <li>If your connection drops, keep going: unsaved answers stay on this device and are sent when it returns.</li>
        <li>
          For fairness we record when you leave this page, when you paste text, the time spent on each question, and
          when you continue on another device or network. Reviewers see these as context, never as an automatic verdict.
        </li>
      </ul>
      {view.state === 'not-open' && view.opensAt ? (
        <p class="alert alert-warn">This assessment opens at {formatDateTime(view.opensAt)}. Come back then.</p>
      ) : (
        <form method="post" action={`/invite/${view.token}`}>
          <button type="submit" class="button">
            {view.state === 'resume' ? 'Continue your assessment' : 'Start the assessment'}
          </button>
        </form>
      )}
      {view.state === 'resume' ? (
        <p class="muted small">You already started: continuing brings back your answers and the same deadline.</p>
      ) : null}
    </section>
  );
}

import type { AssessmentStatus, ShowAfter } from '../../../src/engine/assessment';
import type { Blueprint } from '../../../src/engine/blueprint';
import { formatDateTime, formatMinutes, plural } from '../../components/format';

/** The assessment as its overview shows it. */
export interface OverviewAssessment {
  id: string;
  title: string;
  description: string;
  version: number;
  status: AssessmentStatus;
  blueprint: Blueprint;
  timeLimitSeconds: number;
  passMark: number;
  showAfter: ShowAfter;
  opensAt: number | null;
  closesAt: number | null;
}

function blueprintSummary(a: OverviewAssessment, titles: Record<string, string>) {
  const pinned = a.blueprint.pinned ?? [];
  return [
    ...a.blueprint.sections.map((s) => {
      const mix = s.mix ? ` (easy ${s.mix.easy} : medium ${s.mix.medium} : hard ${s.mix.hard})` : '';
      return `${titles[s.area] ?? s.area}: ${plural(s.count, 'question')}${mix}`;
    }),
    ...(pinned.length > 0 ? [`Always asked: ${pinned.join(', ')}`] : []),
  ];
}

const showAfterLabels: Record<ShowAfter, string> = {
  thanks: 'a thank-you only',
  score: 'their score',
  review: 'their score and every answer with explanations',
};

/** What candidates of this version get: questions per area, time, pass mark, what they see after, dates. */
export function SetupFacts({
  assessment: a,
  areaTitles,
}: {
  assessment: OverviewAssessment;
  areaTitles: Record<string, string>;
}) {
  const questionCount = a.blueprint.sections.reduce((n, s) => n + s.count, 0);
  return (
    <section class="panel" aria-labelledby="setup-title">
      <h2 id="setup-title" class="sr-only">
        Set-up
      </h2>
      <dl class="facts">
        <div>
          <dt>Questions</dt>
          <dd>
            {questionCount}
            <ul class="plain small muted">
              {blueprintSummary(a, areaTitles).map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>Time limit</dt>
          <dd>{formatMinutes(a.timeLimitSeconds)}</dd>
        </div>
        <div>
          <dt>Pass mark</dt>
          <dd>{a.passMark}%</dd>
        </div>
        <div>
          <dt>Candidates see afterwards</dt>
          <dd>{showAfterLabels[a.showAfter]}</dd>
        </div>
        {a.opensAt !== null || a.closesAt !== null ? (
          <div>
            <dt>Open</dt>
            <dd>
              {a.opensAt !== null ? `from ${formatDateTime(a.opensAt)}` : ''}
              {a.closesAt !== null ? ` until ${formatDateTime(a.closesAt)}` : ''}
            </dd>
          </div>
        ) : null}
      </dl>
      {a.description ? <p class="muted">{a.description}</p> : null}
    </section>
  );
}

import type { CandidateRow } from '../../../src/manage/candidates';
import { plural } from '../../components/format';
import { ResultBadge, ScoreText } from './cells';

/** How many of the waiting candidates the overview names; the rest are a link to the filtered table. */
const shown = 5;

/** Finished candidates without a decision, best first: who to talk to next. */
export function WaitingList(props: { assessmentId: string; awaiting: CandidateRow[]; completed: number }) {
  const { awaiting } = props;
  if (awaiting.length === 0) {
    return (
      <p class="muted">
        {props.completed === 0 ? 'Nobody has finished yet.' : 'Every finished candidate has a decision.'}
      </p>
    );
  }
  return (
    <ol class="next-up">
      {awaiting.slice(0, shown).map((row) => (
        <li>
          <a href={`/app/attempts/${row.attemptId}`}>{row.candidateName}</a> <ScoreText row={row} />{' '}
          <ResultBadge row={row} />
          {row.integrity.total > 0 ? (
            <span class="muted small"> · {plural(row.integrity.total, 'integrity signal')}</span>
          ) : null}
        </li>
      ))}
      {awaiting.length > shown ? (
        <li class="muted">
          <a href={`/app/assessments/${props.assessmentId}?decision=none`}>and {awaiting.length - shown} more</a>
        </li>
      ) : null}
    </ol>
  );
}

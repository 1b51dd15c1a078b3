/** Every question as the candidate saw it, their answer, the key and the explanation. */
import { formatDuration, formatShare } from '../../components/format';
import type { ReportQuestion, ReportView } from './types';

export const typeLabels: Record<string, string> = {
  single: 'one answer',
  multiple: 'several answers',
  truefalse: 'true or false',
  text: 'short text',
  numeric: 'number',
  ordering: 'ordering',
};

function creditBadge(q: ReportQuestion) {
  if (!q.answered) return <span class="badge bad">Not answered</span>;
  if (q.credit >= 1) return <span class="badge ok">Correct</span>;
  if (q.credit > 0) return <span class="badge warn">Partly correct ({formatShare(q.credit)})</span>;
  return <span class="badge bad">Not correct</span>;
}

export function Answers({ view }: { view: ReportView }) {
  return (
    <section class="panel answers" aria-labelledby="answers-title">
      <h2 id="answers-title">Answers</h2>
      {view.questions.map((q) => (
        <article class="review-item" id={`q${q.position + 1}`}>
          <h3>
            Question {q.position + 1} {creditBadge(q)}
            {q.flagged ? <span class="badge warn"> ⚑ flagged by the candidate</span> : null}
          </h3>
          <p class="muted small">
            {q.areaTitle} · {q.topic} · {typeLabels[q.type] ?? q.type} · difficulty {q.difficulty} of 5 ·{' '}
            {formatDuration(q.timeSpentMs / 1000)} on this question · <code>{q.questionId}</code>
          </p>
          {q.values ? <p class="small muted">Variant question; this candidate's values: {q.values}</p> : null}
          <div class="prompt" dangerouslySetInnerHTML={{ __html: q.promptHtml }} />
          <dl class="answer-pair">
            <dt>Candidate's answer</dt>
            <dd dangerouslySetInnerHTML={{ __html: q.answerHtml }} />
            <dt>Correct answer</dt>
            <dd dangerouslySetInnerHTML={{ __html: q.correctHtml }} />
          </dl>
          <div class="explanation">
            <p class="small muted">Explanation</p>
            <div dangerouslySetInnerHTML={{ __html: q.explanationHtml }} />
            {q.ref ? (
              <p class="small">
                <a href={q.ref} rel="noopener noreferrer">
                  Documentation
                </a>
              </p>
            ) : null}
          </div>
        </article>
      ))}
    </section>
  );
}

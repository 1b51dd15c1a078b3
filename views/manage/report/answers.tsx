/** Every question as the candidate saw it, their answer, the key and the explanation. */

import type { TestResult } from '../../../src/grading/types';
import { formatDuration, formatShare } from '../../components/format';
import { TableWrap } from '../../components/table-wrap';
import type { ReportQuestion, ReportView } from './types';

export const typeLabels: Record<string, string> = {
  single: 'one answer',
  multiple: 'several answers',
  truefalse: 'true or false',
  text: 'short text',
  numeric: 'number',
  ordering: 'ordering',
  code: 'code (JavaScript)',
  sql: 'SQL query',
};

function creditBadge(q: ReportQuestion) {
  if (!q.answered) return <span class="badge bad">Not answered</span>;
  if (q.credit >= 1) return <span class="badge ok">Correct</span>;
  if (q.credit > 0) return <span class="badge warn">Partly correct ({formatShare(q.credit)})</span>;
  return <span class="badge bad">Not correct</span>;
}

/** Each hidden test of a code or SQL answer: its input (the call, the database's name, or an assertion test's name and code), what was expected and what came back. */
function TestResults({ tests, position }: { tests: TestResult[]; position: number }) {
  const passed = tests.filter((t) => t.passed).length;
  return (
    <TableWrap labelledBy={`tests-${position}`}>
      <table class="test-results">
        <caption id={`tests-${position}`}>
          Hidden tests: {passed} of {tests.length} passed
        </caption>
        <thead>
          <tr>
            <th scope="col">Test</th>
            <th scope="col">Result</th>
            <th scope="col">Expected</th>
            <th scope="col">Got</th>
            <th scope="col">Time</th>
          </tr>
        </thead>
        <tbody>
          {tests.map((t) => (
            <tr>
              <th scope="row">
                {t.snippet === undefined ? (
                  <code>{t.name}</code>
                ) : (
                  <>
                    {t.name}
                    <pre>
                      <code>{t.snippet}</code>
                    </pre>
                  </>
                )}
              </th>
              <td>{t.passed ? <span class="badge ok">Passed</span> : <span class="badge bad">Failed</span>}</td>
              <td>
                <pre>{t.expected}</pre>
              </td>
              <td>
                {t.got !== null ? <pre>{t.got}</pre> : null}
                {t.error ? <p class="small">{t.error}</p> : null}
              </td>
              <td>{t.ms} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
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
          {q.tests ? <TestResults tests={q.tests} position={q.position} /> : null}
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

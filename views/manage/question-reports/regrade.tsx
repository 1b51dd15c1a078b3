/**
 * Regrading a question: choose how, see a dry run of whose score and pass or fail would change
 * (nothing written), then apply it. The dry run is a GET of the same form, so it can be
 * reloaded or shared; applying posts the same fields and is planned again on the server, and is
 * refused (409, nothing written) when another regrade was applied since the dry run was made.
 */
import type { QuestionOption, QuestionType } from '../../../src/engine/question';
import { regradeKindLabels, regradeKindNames } from '../../../src/engine/regrade';
import type { RegradeFormValues } from '../../../src/manage/regrade-form';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { FormError, TextArea } from '../../components/form';
import { formatPercent, plural } from '../../components/format';
import { TableWrap } from '../../components/table-wrap';

export interface RegradeRow {
  attemptId: string;
  candidateName: string;
  assessmentTitle: string;
  beforePercent: number | null;
  afterPercent: number;
  beforePassed: boolean | null;
  afterPassed: boolean | null;
  resultChanged: boolean;
}

export interface RegradeView {
  questionId: string;
  /** The author's short id, as the bank lists the question. */
  label: string;
  type: QuestionType;
  options: QuestionOption[];
  keyHtml: string;
  /** Finished attempts of the organization that showed the question. */
  scope: number;
  values: RegradeFormValues;
  /** The regrades this dry run was planned on (regradeBasis); the apply is refused once it moved. */
  basis: number;
  error?: string;
  /** The dry run, once a valid regrade was asked for. */
  plan?: RegradeRow[];
}

const passText = (passed: boolean | null) => (passed === null ? '–' : passed ? 'passed' : 'not passed');
const percentText = (p: number | null) => (p === null ? '–' : formatPercent(p));

export function RegradePage({ view }: { view: RegradeView }) {
  const action = `/app/questions/${view.questionId}/regrade`;
  const moved = view.plan?.filter((r) => r.resultChanged) ?? [];
  const flipped = moved.filter((r) => r.beforePassed !== r.afterPassed);
  return (
    <>
      <Breadcrumbs
        trail={[
          { label: 'Question reports', href: '/app/question-reports' },
          { label: view.label, href: `/app/questions/${view.questionId}/reports` },
          { label: 'Regrade' },
        ]}
      />
      <h1>Regrade {view.label}</h1>
      <p class="muted">
        Over your organization's {plural(view.scope, 'finished attempt')} that showed this question. The key now:{' '}
        <span dangerouslySetInnerHTML={{ __html: view.keyHtml }} />
      </p>
      <form method="get" action={action} class="stack panel">
        <FormError error={view.error} />
        <RegradeFields view={view} />
        <p>
          <button type="submit" class="secondary">
            Preview the regrade (dry run)
          </button>
        </p>
      </form>

      {view.plan ? (
        <section class="panel" aria-labelledby="plan-title">
          <h2 id="plan-title">Dry run: nothing is written yet</h2>
          {view.plan.length === 0 ? (
            <p role="status">
              Nothing would change: no attempt's credit for this question moves (this regrade may already be applied).
            </p>
          ) : (
            <>
              <p role="status">
                {plural(view.plan.length, 'attempt')} would be regraded; {plural(moved.length, 'score')} would change
                and {plural(flipped.length, 'pass/fail result')} would flip.
              </p>
              {moved.length > 0 ? (
                <TableWrap labelledBy="plan-title">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Candidate</th>
                        <th scope="col">Assessment</th>
                        <th scope="col">Score before → after</th>
                        <th scope="col">Result before → after</th>
                      </tr>
                    </thead>
                    <tbody>
                      {moved.map((r) => (
                        <tr class={r.beforePassed !== r.afterPassed ? 'flipped' : undefined}>
                          <th scope="row">
                            <a href={`/app/attempts/${r.attemptId}`}>{r.candidateName}</a>
                          </th>
                          <td>{r.assessmentTitle}</td>
                          <td>
                            {percentText(r.beforePercent)} → {percentText(r.afterPercent)}
                          </td>
                          <td>
                            {passText(r.beforePassed)} → <strong>{passText(r.afterPassed)}</strong>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              ) : null}
              <form method="post" action={action} class="stack">
                <input type="hidden" name="kind" value={view.values.kind} />
                {view.values.options.map((id) => (
                  <input type="hidden" name="accept" value={id} />
                ))}
                <input type="hidden" name="acceptText" value={view.values.text} />
                <input type="hidden" name="note" value={view.values.note} />
                <input type="hidden" name="basis" value={String(view.basis)} />
                <p>
                  <button type="submit">Apply the regrade</button>
                </p>
                <p class="small muted">
                  Applying rescored attempts with the same scorer as the finish, records who changed what, and sends the
                  attempt.regraded webhook event for each candidate whose score or result changed.
                </p>
              </form>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}

function RegradeFields({ view }: { view: RegradeView }) {
  const choice = view.type === 'single' || view.type === 'multiple' || view.type === 'truefalse';
  const options =
    view.type === 'truefalse'
      ? [
          { id: 'true', html: 'True' },
          { id: 'false', html: 'False' },
        ]
      : view.options;
  return (
    <>
      <fieldset>
        <legend>How to regrade</legend>
        {regradeKindNames.map((kind) => (
          <label class="choice-line">
            <input type="radio" name="kind" value={kind} checked={view.values.kind === kind} required />{' '}
            {regradeKindLabels[kind]}
          </label>
        ))}
      </fieldset>
      {choice ? (
        <fieldset>
          <legend>The additional answer to accept (only for "Accept an additional answer")</legend>
          {options.map((o) => (
            <label class="choice-line">
              <input
                type={view.type === 'multiple' ? 'checkbox' : 'radio'}
                name="accept"
                value={o.id}
                checked={view.values.options.includes(o.id)}
              />{' '}
              <span dangerouslySetInnerHTML={{ __html: o.html }} />
            </label>
          ))}
        </fieldset>
      ) : view.type === 'text' || view.type === 'numeric' ? (
        <div>
          <label for="f-acceptText">The additional answer to accept (only for "Accept an additional answer")</label>
          <input id="f-acceptText" name="acceptText" type="text" value={view.values.text} />
        </div>
      ) : null}
      <TextArea name="note" label="Why (kept with the regrade)" rows={2} maxlength={1000} value={view.values.note} />
    </>
  );
}

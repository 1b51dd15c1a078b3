/** The organization's question reports, one row per question, open ones first. */
import { reportReasonLabels } from '../../../src/engine/question-report';
import type { QuestionName } from '../../../src/manage/bank-question';
import { mainFigure } from '../../../src/manage/main-figure';
import type { QuestionFigures, QuestionReportGroup } from '../../../src/manage/question-queue';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { plural } from '../../components/format';
import { TableWrap } from '../../components/table-wrap';
import { Time } from '../../components/time';
import { correlationText, percentText } from '../statistics/format';

/** The figures of the assessment where the question was shown most, in a few words. */
function figureWords(figures: readonly QuestionFigures[]): string {
  const main = mainFigure(figures);
  if (!main) return '–';
  return `${percentText(main.item.facility)} · ${correlationText(main.item.discrimination)} (${main.item.drawn} in ${main.assessmentTitle})`;
}

/** The question's reports, linked by the first words of its prompt, with its short id. */
function QuestionLink({ id, name }: { id: string; name: QuestionName | undefined }) {
  const href = `/app/questions/${id}/reports`;
  if (!name?.excerpt) return <a href={href}>{name?.shortId ?? id}</a>;
  return (
    <>
      <a href={href}>“{name.excerpt}”</a> <code>{name.shortId}</code>
    </>
  );
}

export function ReportQueuePage({
  groups,
  figures,
  names,
}: {
  groups: QuestionReportGroup[];
  figures: Map<string, QuestionFigures[]>;
  /** Each question as the bank lists it: the first words of its prompt and its short id. */
  names: Map<string, QuestionName>;
}) {
  const open = groups.reduce((n, g) => n + g.open, 0);
  return (
    <>
      <Breadcrumbs trail={[{ label: 'Question bank', href: '/app/bank' }, { label: 'Question reports' }]} />
      <div class="page-head">
        <div>
          <h1>Question reports</h1>
          <p class="muted">
            What your candidates reported about questions during their tests: {plural(open, 'open report')} about{' '}
            {plural(groups.filter((g) => g.open > 0).length, 'question')}. Reports from other organizations' candidates
            are not shown here.
          </p>
        </div>
      </div>
      {groups.length === 0 ? (
        <section class="panel">
          <p>No reports yet. Candidates can report a problem with a question from the test page.</p>
        </section>
      ) : (
        <TableWrap label="Reports per question">
          <table>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Open</th>
                <th scope="col">All</th>
                <th scope="col">Reasons given</th>
                <th scope="col">Facility · discrimination</th>
                <th scope="col">Latest</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr>
                  <th scope="row">
                    <QuestionLink id={g.questionId} name={names.get(g.questionId)} />
                  </th>
                  <td>{g.open}</td>
                  <td>{g.total}</td>
                  <td>{g.reasons.map((r) => reportReasonLabels[r]).join('; ')}</td>
                  <td>{figureWords(figures.get(g.questionId) ?? [])}</td>
                  <td>
                    <Time at={g.latestAt} format="date" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

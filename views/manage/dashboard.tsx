import type { AssessmentStatus } from '../../src/engine/assessment';
import { formatMinutes } from '../components/format';
import { TableWrap } from '../components/table-wrap';

/** An assessment in the list, with its pipeline in three numbers. */
export interface AssessmentListItem {
  id: string;
  title: string;
  status: AssessmentStatus;
  timeLimitSeconds: number;
  invited: number;
  completed: number;
  passed: number;
}

export function Dashboard(p: {
  canEdit: boolean;
  assessments: AssessmentListItem[];
  archivedCount: number;
  showArchived: boolean;
}) {
  const { canEdit } = p;
  return (
    <>
      <div class="page-head">
        <h1>Assessments</h1>
        {canEdit ? (
          <a class="button" href="/app/assessments/new">
            New assessment
          </a>
        ) : null}
      </div>
      {p.assessments.length === 0 ? (
        <div class="panel empty">
          <p>No assessments yet.</p>
          {canEdit ? (
            <p>Create one from the skill areas of the question bank, then invite candidates by link.</p>
          ) : null}
        </div>
      ) : (
        <TableWrap class="panel" label="Assessments">
          <table>
            <caption class="sr-only">Assessments and their pipelines</caption>
            <thead>
              <tr>
                <th scope="col">Assessment</th>
                <th scope="col" class="num">
                  Invited
                </th>
                <th scope="col" class="num">
                  Completed
                </th>
                <th scope="col" class="num">
                  Passed
                </th>
                <th scope="col">Time</th>
              </tr>
            </thead>
            <tbody>
              {p.assessments.map((a) => (
                <tr>
                  <td>
                    <a href={`/app/assessments/${a.id}`}>{a.title}</a>
                    {a.status === 'archived' ? <span class="badge"> archived</span> : null}
                  </td>
                  <td class="num">{a.invited}</td>
                  <td class="num">{a.completed}</td>
                  <td class="num">{a.passed}</td>
                  <td>{formatMinutes(a.timeLimitSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {p.archivedCount > 0 ? (
        <p>
          <a href={p.showArchived ? '/app' : '/app?archived=1'}>
            {p.showArchived ? 'Hide archived' : `Show ${p.archivedCount} archived`}
          </a>
        </p>
      ) : null}
    </>
  );
}

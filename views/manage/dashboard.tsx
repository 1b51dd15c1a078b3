import type { AssessmentSummary } from '../../src/db/pipeline';
import type { Member } from '../../src/middleware/auth';
import { formatMinutes } from '../candidate/format';
import { ManageLayout } from './shell';

export function Dashboard(p: {
  member: Member;
  canEdit: boolean;
  assessments: AssessmentSummary[];
  archivedCount: number;
  showArchived: boolean;
  nonce?: string;
}) {
  const { canEdit } = p;
  return (
    <ManageLayout member={p.member} title="Assessments" nonce={p.nonce} section="assessments">
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
        <div class="panel table-wrap">
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
        </div>
      )}
      {p.archivedCount > 0 ? (
        <p>
          <a href={p.showArchived ? '/app' : '/app?archived=1'}>
            {p.showArchived ? 'Hide archived' : `Show ${p.archivedCount} archived`}
          </a>
        </p>
      ) : null}
    </ManageLayout>
  );
}

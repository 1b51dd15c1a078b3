import { candidateStatuses, decisionLabels, statusLabels } from '../../../src/manage/candidates';
import { isFiltered } from '../../../src/manage/pipeline-query';
import { type TableView, tableTarget } from './table';

/** Search and filters over the candidate table: a plain GET form, which htmx turns into a live filter. */
export function Filters({ view }: { view: TableView }) {
  const base = `/app/assessments/${view.assessmentId}`;
  const q = view.query;
  return (
    <form
      id="pipeline-filters"
      method="get"
      action={base}
      aria-label="Filter candidates"
      class="toolbar filters no-print"
      hx-get={base}
      hx-trigger="submit, input changed delay:400ms"
      hx-sync="this:replace"
      {...tableTarget}
    >
      <div>
        <label for="f-q">Search</label>
        <input type="search" id="f-q" name="q" value={q.q} placeholder="Name or email" maxlength={100} />
      </div>
      <div>
        <label for="f-status">Status</label>
        <select id="f-status" name="status">
          <option value="">Any</option>
          {candidateStatuses.map((s) => (
            <option value={s} selected={q.status === s}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-outcome">Result</label>
        <select id="f-outcome" name="outcome">
          <option value="">Any</option>
          <option value="passed" selected={q.outcome === 'passed'}>
            Passed
          </option>
          <option value="failed" selected={q.outcome === 'failed'}>
            Failed
          </option>
        </select>
      </div>
      <div>
        <label for="f-decision">Decision</label>
        <select id="f-decision" name="decision">
          <option value="">Any</option>
          <option value="none" selected={q.decision === 'none'}>
            No decision yet
          </option>
          {(['advance', 'hold', 'reject'] as const).map((d) => (
            <option value={d} selected={q.decision === d}>
              {decisionLabels[d]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Apply</button>
      {isFiltered(q) ? <a href={base}>Clear filters</a> : null}
    </form>
  );
}

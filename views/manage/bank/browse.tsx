import { type QuestionStatus, questionStatuses } from '../../../src/engine/question-status';
import { bankHref } from '../../../src/manage/bank-question';
import { promptExcerpt } from '../../../src/manage/prompt-excerpt';
import { formatPercent, plural } from '../../components/format';
import { TableWrap } from '../../components/table-wrap';
import { correlationText } from '../statistics/format';
import { StatusBadge, statusNames, typeNames } from './status';

/** The filters as the list applied them. */
export interface BankFilters {
  collectionId?: string;
  topic?: string;
  type?: string;
  difficulty?: number;
  tag?: string;
  status?: QuestionStatus;
  text?: string;
  usage?: 'used' | 'unused';
}

/** One question of the list. */
export interface BankListRow {
  id: string;
  areaTitle: string;
  topic: string;
  status: QuestionStatus;
  type: string;
  difficulty: number;
  tags: string[];
  promptHtml: string;
  exposure: number;
  answered: number;
  facility: number | null;
  /** Item statistics where the question was shown most (src/manage/main-figure.ts); null before any. */
  discrimination: { value: number | null; drawn: number; assessmentTitle: string } | null;
}

export interface BankBrowseView {
  bank: 'ours' | 'public';
  filters: BankFilters;
  rows: BankListRow[];
  total: number;
  /** Collections (ours) or areas (public) with their topics, for the filters. */
  sources: { id: string; title: string; topics: { id: string; title: string }[] }[];
  types: readonly string[];
  tags: string[];
  canEdit: boolean;
  /** Filters from the address this bank cannot apply (an unknown collection or topic), as sentences. */
  ignored: string[];
  /** Links to the previous and next page, when there are any. */
  previousHref: string | null;
  nextHref: string | null;
}

/** Both banks, one at a time: the organization's own questions and the public bank, with filters. */
export function BankBrowsePage({ view }: { view: BankBrowseView }) {
  const tab = (bank: 'ours' | 'public', label: string) => (
    <li>
      <a href={`/app/bank?bank=${bank}`} aria-current={view.bank === bank ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <>
      <div class="page-head">
        <h1>Question bank</h1>
        <div class="actions">
          <a class="button secondary small" href="/app/bank/collections">
            Collections
          </a>
          {view.canEdit ? (
            <>
              <a class="button secondary small" href="/app/bank/transfer">
                Import or export
              </a>
              <a class="button small" href="/app/bank/questions/new">
                Write a question
              </a>
            </>
          ) : null}
        </div>
      </div>
      <p class="muted">
        Our questions are seen only by this organization and its candidates. The public bank is open source: its answer
        keys are public, so a hiring test drawn only from it can be studied for.
      </p>
      <nav aria-label="Banks">
        <ul class="tabs">
          {tab('ours', 'Our questions')}
          {tab('public', 'Public bank')}
        </ul>
      </nav>
      <Filters view={view} />
      <BankResults view={view} />
    </>
  );
}

/** The count, the table and the pages: what a filter change replaces (htmx) without reloading the page. */
export function BankResults({ view }: { view: BankBrowseView }) {
  return (
    <div id="bank-results">
      {view.ignored.map((note) => (
        <p class="alert alert-warn">{note}</p>
      ))}
      <p class="small muted" role="status">
        {plural(view.total, 'question')}
        {view.rows.length < view.total ? `, showing ${view.rows.length}` : ''}
      </p>
      {view.rows.length === 0 ? (
        <p class="empty">
          {view.bank === 'ours' && view.total === 0 && !hasFilters(view.filters)
            ? 'No questions of your own yet.'
            : 'No question matches these filters.'}
        </p>
      ) : (
        <TableWrap label="Questions">
          <table>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">{view.bank === 'ours' ? 'Collection' : 'Area'}</th>
                <th scope="col">Type</th>
                <th scope="col" class="num">
                  Difficulty
                </th>
                {view.bank === 'ours' ? <th scope="col">Status</th> : null}
                <th scope="col" class="num">
                  Drawn
                </th>
                <th scope="col" class="num">
                  Mean credit
                </th>
                <th scope="col" class="num">
                  Discrimination
                </th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr>
                  <td>
                    <a href={bankHref({ id: r.id, own: view.bank === 'ours' })}>
                      {promptExcerpt(r.promptHtml) || r.id}
                    </a>
                    {r.tags.length > 0 ? <div class="small muted">{r.tags.join(', ')}</div> : null}
                  </td>
                  <td>
                    {r.areaTitle} · {r.topic}
                  </td>
                  <td>{typeNames[r.type] ?? r.type}</td>
                  <td class="num">{r.difficulty}</td>
                  {view.bank === 'ours' ? (
                    <td>
                      <StatusBadge status={r.status} />
                    </td>
                  ) : null}
                  <td class="num">{r.exposure}</td>
                  <td class="num">
                    {r.facility === null ? '–' : `${formatPercent(r.facility * 100)} (${r.answered})`}
                  </td>
                  <td class="num">
                    {r.discrimination === null ? (
                      '–'
                    ) : (
                      <>
                        {correlationText(r.discrimination.value)}
                        <div class="small muted">
                          {r.discrimination.drawn} in {r.discrimination.assessmentTitle}
                        </div>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {view.rows.some((r) => r.discrimination !== null) ? (
        <p class="small muted">
          Mean credit counts your organization's finished attempts. Discrimination is the corrected point-biserial in
          the assessment that showed the question most: how well it separates stronger from weaker candidates (its
          Statistics tab has the rest).
        </p>
      ) : null}
      {view.previousHref || view.nextHref ? (
        <nav aria-label="Pages" class="actions">
          {view.previousHref ? <a href={view.previousHref}>Previous page</a> : null}
          {view.nextHref ? <a href={view.nextHref}>Next page</a> : null}
        </nav>
      ) : null}
    </div>
  );
}

const hasFilters = (f: BankFilters) =>
  Boolean(f.collectionId || f.topic || f.type || f.difficulty || f.tag || f.status || f.text || f.usage);

function Filters({ view }: { view: BankBrowseView }) {
  const f = view.filters;
  const select = (
    name: string,
    label: string,
    value: string | undefined,
    options: { value: string; label: string }[],
  ) => (
    <div>
      <label for={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name}>
        <option value="">Any</option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const topics = view.sources.flatMap((s) =>
    s.topics.map((t) => ({ value: t.id, label: view.sources.length > 1 ? `${s.title}: ${t.title}` : t.title })),
  );
  return (
    <form
      method="get"
      action="/app/bank"
      class="toolbar filters"
      aria-label="Filter questions"
      hx-get="/app/bank"
      hx-trigger="submit, input changed delay:400ms"
      hx-sync="this:replace"
      hx-target="#bank-results"
      hx-swap="outerHTML"
      hx-push-url="true"
    >
      <input type="hidden" name="bank" value={view.bank} />
      <div>
        <label for="f-text">Search</label>
        <input
          type="search"
          id="f-text"
          name="text"
          value={f.text ?? ''}
          maxlength={100}
          placeholder="Words in the question"
        />
      </div>
      {select(
        'collection',
        view.bank === 'ours' ? 'Collection' : 'Area',
        f.collectionId,
        view.sources.map((s) => ({ value: s.id, label: s.title })),
      )}
      {select('topic', 'Topic', f.topic, topics)}
      {select(
        'type',
        'Type',
        f.type,
        view.types.map((t) => ({ value: t, label: typeNames[t] ?? t })),
      )}
      {select(
        'difficulty',
        'Difficulty',
        f.difficulty ? String(f.difficulty) : undefined,
        ['1', '2', '3', '4', '5'].map((d) => ({ value: d, label: d })),
      )}
      {select(
        'tag',
        'Tag',
        f.tag,
        view.tags.map((t) => ({ value: t, label: t })),
      )}
      {view.bank === 'ours'
        ? select(
            'status',
            'Status',
            f.status,
            questionStatuses.map((s) => ({ value: s, label: statusNames[s] })),
          )
        : null}
      {select('usage', 'Drawn for us', f.usage, [
        { value: 'unused', label: 'Never' },
        { value: 'used', label: 'At least once' },
      ])}
      <button type="submit">Apply</button>
      {hasFilters(f) ? <a href={`/app/bank?bank=${view.bank}`}>Clear filters</a> : null}
    </form>
  );
}

import type { QuestionStatus } from '../../../src/engine/question-status';
import { Breadcrumbs, type Crumb } from '../../components/breadcrumbs';
import { FormError, Notice, TextArea } from '../../components/form';
import { formatPercent, plural } from '../../components/format';
import { Time } from '../../components/time';
import type { PlaceChoice } from './author';
import { QuestionPreview, type QuestionPreviewView } from './question-preview';
import { StatusBadge, typeNames } from './status';

export interface QuestionFacts {
  id: string;
  /** The author's short id (the Markdown's `## ` line), or the public id. */
  label: string;
  areaTitle: string;
  topic: string;
  type: string;
  difficulty: number;
  tags: string[];
  status: QuestionStatus;
  version: number;
  exposure: number;
  answered: number;
  facility: number | null;
  practiceN: number | null;
  pointBiserial: number | null;
}

export interface VersionRow {
  version: number;
  authorName: string | null;
  createdAt: number;
  changeNote: string | null;
  sourceText: string | null;
  /** Line by line against the version before it; null for the first. */
  changes: { kind: 'same' | 'removed' | 'added'; text: string }[] | null;
}

export interface EventRow {
  action: string;
  actorName: string | null;
  at: number;
  version: number | null;
  body: string | null;
}

/** What the viewer may do here, already decided from their capabilities and the question's state. */
export interface QuestionActions {
  edit: boolean;
  submit: boolean;
  approve: boolean;
  /** Why approving is not possible for this viewer now (second-person rule), shown beside the button. */
  approveNote?: string;
  sendBack: boolean;
  retire: boolean;
  restore: boolean;
  comment: boolean;
  /** Public questions: the collections a copy can go to (empty: none yet, or no bank.edit). */
  copyPlaces: PlaceChoice[] | null;
}

export interface BankQuestionView {
  bank: 'ours' | 'public';
  trail: Crumb[];
  facts: QuestionFacts;
  preview: QuestionPreviewView;
  actions: QuestionActions;
  versions: VersionRow[];
  events: EventRow[];
  notice?: string;
  error?: string;
  /** The comment being written when it was refused. */
  comment?: string;
}

const actionWords: Record<string, string> = {
  created: 'wrote it',
  edited: 'saved a new version',
  moved: 'moved it',
  copied: 'copied it from the public bank',
  imported: 'imported it',
  submitted: 'submitted it for review',
  approved: 'approved it: now active',
  activated: 'activated it',
  returned: 'sent it back to draft',
  retired: 'retired it',
  restored: 'restored it as a draft',
  commented: 'commented',
};

/** One question of either bank, with its key, history and what the viewer may do with it. */
export function BankQuestionPage({ view }: { view: BankQuestionView }) {
  const q = view.facts;
  const base = `/app/bank/questions/${q.id}`;
  return (
    <>
      <Breadcrumbs trail={view.trail} />
      <div class="page-head">
        <h1>
          <span class="mono">{q.label}</span> <StatusBadge status={q.status} />
        </h1>
      </div>
      <Notice text={view.notice} />
      <FormError error={view.error} />
      <dl class="facts">
        <div>
          <dt>{view.bank === 'ours' ? 'Collection' : 'Area'}</dt>
          <dd>
            {q.areaTitle} · {q.topic}
          </dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{typeNames[q.type] ?? q.type}</dd>
        </div>
        <div>
          <dt>Difficulty</dt>
          <dd>{q.difficulty} of 5</dd>
        </div>
        <div>
          <dt>Tags</dt>
          <dd>{q.tags.length > 0 ? q.tags.join(', ') : 'none'}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{q.version}</dd>
        </div>
        <div>
          <dt>Drawn for your candidates</dt>
          <dd>{plural(q.exposure, 'time')}</dd>
        </div>
        <div>
          <dt>Answered by your candidates</dt>
          <dd>
            {q.answered === 0
              ? 'not yet'
              : `${plural(q.answered, 'answer')}, ${formatPercent((q.facility ?? 0) * 100)} mean credit`}
          </dd>
        </div>
        {q.practiceN ? (
          <div>
            <dt>Practice tests</dt>
            <dd>
              {plural(q.practiceN, 'answer')}
              {q.pointBiserial === null ? '' : `, discrimination ${q.pointBiserial.toFixed(2)}`}
            </dd>
          </div>
        ) : null}
      </dl>
      <Actions view={view} base={base} />
      <h2>As candidates see it</h2>
      <QuestionPreview view={view.preview} label="The question as candidates see it" />
      {view.bank === 'ours' ? (
        <>
          <Versions versions={view.versions} />
          <History view={view} base={base} />
        </>
      ) : null}
    </>
  );
}

function Actions({ view, base }: { view: BankQuestionView; base: string }) {
  const a = view.actions;
  const post = (path: string, label: string, secondary = true) => (
    <form method="post" action={`${base}/${path}`} class="inline-form">
      <button type="submit" class={secondary ? 'secondary small' : 'small'}>
        {label}
      </button>
    </form>
  );
  if (view.bank === 'public') {
    if (!a.copyPlaces) return null;
    if (a.copyPlaces.length === 0) {
      return (
        <p>
          To adapt this question, first <a href="/app/bank/collections">create a collection</a> of your own.
        </p>
      );
    }
    return (
      <form method="post" action={`/app/bank/public/${view.facts.id}/copy`} class="panel inline-form">
        <label for="f-copy-place">Copy to our bank, into</label>
        <select id="f-copy-place" name="place">
          {a.copyPlaces.flatMap((p) =>
            p.topics.map((t) => (
              <option value={`${p.collectionId}/${t.id}`}>
                {p.collectionTitle}: {t.title}
              </option>
            )),
          )}
        </select>
        <button type="submit" class="small">
          Copy as a draft
        </button>
      </form>
    );
  }
  return (
    <div class="actions bank-actions">
      {a.edit ? (
        <a class="button small" href={`${base}/edit`}>
          Edit
        </a>
      ) : null}
      {a.submit ? post('submit', 'Submit for review', false) : null}
      {a.approve ? post('approve', 'Approve and activate', false) : null}
      {a.approveNote ? <span class="small muted">{a.approveNote}</span> : null}
      {a.sendBack ? (
        <details class="send-back">
          <summary>Send back to draft</summary>
          <form method="post" action={`${base}/return`} class="stack">
            <TextArea
              id="f-return-body"
              name="body"
              label="What needs changing (shown in the history)"
              rows={3}
              maxlength={4000}
            />
            <div>
              <button type="submit" class="secondary small">
                Send back
              </button>
            </div>
          </form>
        </details>
      ) : null}
      {a.retire ? post('retire', 'Retire') : null}
      {a.restore ? post('restore', 'Restore as a draft') : null}
    </div>
  );
}

function Versions({ versions }: { versions: VersionRow[] }) {
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <p class="small muted">
        Each saved change is a new version; attempts keep the version they showed. Open one to read its Markdown.
      </p>
      {versions.map((v) => (
        <details class="version">
          <summary>
            Version {v.version} · {v.authorName ?? 'import'} · <Time at={v.createdAt} />
            {v.changeNote ? ` · ${v.changeNote}` : ''}
          </summary>
          {v.changes ? (
            <>
              <p class="small muted">Changes from version {v.version - 1} (− removed, + added):</p>
              <pre class="line-diff" tabindex={0}>
                {v.changes.map((l) =>
                  l.kind === 'added' ? (
                    <ins>+ {l.text}</ins>
                  ) : l.kind === 'removed' ? (
                    <del>− {l.text}</del>
                  ) : (
                    <span>{`  ${l.text}`}</span>
                  ),
                )}
              </pre>
            </>
          ) : null}
          <p class="small muted">The Markdown of version {v.version}:</p>
          <pre tabindex={0}>
            <code>{v.sourceText ?? ''}</code>
          </pre>
        </details>
      ))}
    </section>
  );
}

function History({ view, base }: { view: BankQuestionView; base: string }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History and review</h2>
      <ol class="timeline bank-history">
        {view.events.map((e) => (
          <li>
            <span class="small muted">
              <Time at={e.at} />
            </span>{' '}
            <strong>{e.actorName ?? 'An import'}</strong> {actionWords[e.action] ?? e.action}
            {e.version !== null && e.action !== 'commented' ? ` (version ${e.version})` : ''}
            {e.body ? <p class="note-body">{e.body}</p> : null}
          </li>
        ))}
      </ol>
      {view.actions.comment ? (
        <form method="post" action={`${base}/comments`} class="note-form stack">
          <TextArea name="body" label="Comment" value={view.comment ?? ''} rows={3} maxlength={4000} />
          <div>
            <button type="submit" class="small">
              Add comment
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

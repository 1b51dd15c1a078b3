import { Breadcrumbs } from '../../components/breadcrumbs';
import { ErrorSummary, Field, type FormErrors, Notice, TextArea } from '../../components/form';
import { plural } from '../../components/format';

/** A collection as the page lists it. */
export interface CollectionSummary {
  id: string;
  title: string;
  summary: string;
  topics: { id: string; title: string; docsUrl: string }[];
  questionCount: number;
  activeCount: number;
}

/** A collection's form as written (topics as lines), for a form sent back with its errors. */
export interface CollectionDraft {
  title: string;
  summary: string;
  topics: string;
}

export interface CollectionsView {
  collections: CollectionSummary[];
  canEdit: boolean;
  requireApproval: boolean;
  /** The form that was refused: which one ('new' or a collection id), what it held, what is wrong. */
  refused?: { id: string; draft: CollectionDraft; errors: FormErrors };
  notice?: string;
}

/** Topics as the form writes them: `id | Title | documentation URL`, one per line. */
export function topicsText(topics: CollectionSummary['topics']): string {
  return topics.map((t) => [t.id, t.title, t.docsUrl].filter((x, i) => i < 2 || x !== '').join(' | ')).join('\n');
}

/** The organization's collections, their topics, and the bank's review rule. */
export function CollectionsPage({ view }: { view: CollectionsView }) {
  return (
    <>
      <Breadcrumbs trail={[{ label: 'Question bank', href: '/app/bank' }, { label: 'Collections' }]} />
      <h1>Collections</h1>
      <Notice text={view.notice} />
      <p class="muted">
        A collection is your own skill area: assessments draw from it like from a public area, and only your
        organization sees it. Every question belongs to one of its topics.
      </p>
      {view.collections.length === 0 ? <p class="empty">No collections yet.</p> : null}
      {view.collections.map((c) => (
        <section class="panel" aria-labelledby={`c-${c.id}`}>
          <h2 id={`c-${c.id}`}>{c.title}</h2>
          <p class="small muted">
            {plural(c.questionCount, 'question')}, {c.activeCount} active ·{' '}
            <a href={`/app/bank?bank=ours&collection=${encodeURIComponent(c.id)}`}>Browse</a>
            {view.canEdit && c.topics[0] ? (
              <>
                {' · '}
                <a href={`/app/bank/questions/new?place=${encodeURIComponent(`${c.id}/${c.topics[0].id}`)}`}>
                  Write a question
                </a>
              </>
            ) : null}
          </p>
          {c.summary ? <p>{c.summary}</p> : null}
          {view.canEdit ? (
            <details open={view.refused?.id === c.id}>
              <summary>Edit {c.title}</summary>
              <CollectionForm
                action={`/app/bank/collections/${c.id}`}
                idPrefix={`c-${c.id}`}
                draft={
                  view.refused?.id === c.id
                    ? view.refused.draft
                    : { title: c.title, summary: c.summary, topics: topicsText(c.topics) }
                }
                errors={view.refused?.id === c.id ? view.refused.errors : {}}
                submit="Save collection"
              />
            </details>
          ) : (
            <ul>
              {c.topics.map((t) => (
                <li>{t.title}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {view.canEdit ? (
        <>
          <section class="panel" aria-labelledby="new-collection">
            <h2 id="new-collection">New collection</h2>
            <CollectionForm
              action="/app/bank/collections"
              idPrefix="new"
              draft={view.refused?.id === 'new' ? view.refused.draft : { title: '', summary: '', topics: '' }}
              errors={view.refused?.id === 'new' ? view.refused.errors : {}}
              submit="Create collection"
            />
          </section>
          <section class="panel" aria-labelledby="review-rule">
            <h2 id="review-rule">Review rule</h2>
            <form method="post" action="/app/settings/question-approval" class="stack">
              <label class="check">
                <input type="checkbox" name="required" value="1" checked={view.requireApproval} /> Require a second
                person's approval before a question goes live
              </label>
              <div>
                <button type="submit" class="small secondary">
                  Save rule
                </button>
              </div>
            </form>
          </section>
        </>
      ) : (
        <p class="small muted">
          {view.requireApproval
            ? 'A question goes live only after a second person approves it.'
            : 'A question goes live when an admin activates it.'}
        </p>
      )}
    </>
  );
}

function CollectionForm(props: {
  action: string;
  idPrefix: string;
  draft: CollectionDraft;
  errors: FormErrors;
  submit: string;
}) {
  const id = (name: string) => `f-${props.idPrefix}-${name}`;
  return (
    <form method="post" action={props.action} class="stack">
      {Object.keys(props.errors).length > 0 ? <ErrorSummary errors={{ form: props.errors.form }} /> : null}
      <Field id={id('title')} name="title" label="Title" value={props.draft.title} maxlength={120} required />
      <Field id={id('summary')} name="summary" label="Summary" value={props.draft.summary} maxlength={500} />
      <TextArea
        id={id('topics')}
        name="topics"
        label="Topics"
        hint="One per line: id | Title | documentation link (optional), e.g. sql-joins | Joins | https://…"
        value={props.draft.topics}
        rows={4}
        spellcheck={false}
      />
      <div>
        <button type="submit" class="small">
          {props.submit}
        </button>
      </div>
    </form>
  );
}

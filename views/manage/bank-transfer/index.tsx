/**
 * Import questions into one of the organization's collections (a zip, Markdown files, a GIFT file
 * or a CSV) and export the bank in the same three formats. A plain multipart form and a plain
 * download link: both work without JavaScript.
 */
import { Breadcrumbs } from '../../components/breadcrumbs';
import { ErrorSummary, type FormErrors, Select } from '../../components/form';
import { plural } from '../../components/format';

export interface TransferCollection {
  id: string;
  title: string;
  topics: { id: string; title: string }[];
}

export interface TransferMessage {
  file: string;
  line: number | null;
  message: string;
}

export interface ImportResult {
  collectionTitle: string;
  created: { id: string; file: string; line: number }[];
  unchanged: number;
  problems: TransferMessage[];
  notes: TransferMessage[];
}

export interface TransferView {
  collections: TransferCollection[];
  values: { collection: string; topic: string };
  errors: FormErrors;
  result?: ImportResult;
}

const where = (m: TransferMessage) => (m.line === null ? m.file : `${m.file}, line ${m.line}`);

function Messages({ id, title, items }: { id: string; title: string; items: TransferMessage[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3 id={id}>{title}</h3>
      <ul aria-labelledby={id}>
        {items.map((m) => (
          <li>
            <strong>{where(m)}</strong>: {m.message}
          </li>
        ))}
      </ul>
    </>
  );
}

function Result({ result }: { result: ImportResult }) {
  const { created, problems } = result;
  return (
    <section class="panel" aria-labelledby="import-result" role="status">
      <h2 id="import-result">
        {created.length > 0
          ? `${plural(created.length, 'question')} imported into ${result.collectionTitle} as drafts`
          : 'Nothing was imported'}
      </h2>
      <p>
        {problems.length > 0
          ? `${plural(problems.length, 'problem')} kept questions out: nothing was written for them. Fix them in the file and import it again; the questions already imported are recognised and skipped.`
          : 'Every question in the files passed the checks.'}
        {result.unchanged > 0
          ? ` ${plural(result.unchanged, 'question was', 'questions were')} already in the collection word for word and left as they were.`
          : ''}{' '}
        Imported questions are drafts: review them, then submit them for review or activate them.
      </p>
      {created.length > 0 ? (
        <p>
          <a href={`/app/bank?bank=ours&status=draft`}>See the drafts in the bank</a>
        </p>
      ) : null}
      <Messages id="import-problems" title="Problems" items={problems} />
      <Messages id="import-notes" title="Notes (what a conversion changed or left out)" items={result.notes} />
    </section>
  );
}

export function TransferPage({ view }: { view: TransferView }) {
  const { values, errors } = view;
  return (
    <>
      <Breadcrumbs trail={[{ label: 'Question bank', href: '/app/bank' }, { label: 'Import and export' }]} />
      <h1>Import and export questions</h1>
      <ErrorSummary errors={errors} />
      {view.result ? <Result result={view.result} /> : null}
      {view.collections.length === 0 ? (
        <p class="alert alert-warn">
          Imported questions go into one of your collections. <a href="/app/bank/collections">Create a collection</a>{' '}
          first.
        </p>
      ) : (
        <section class="panel" aria-labelledby="import-title">
          <h2 id="import-title">Import</h2>
          <p class="hint">
            Upload a zip, Markdown topic files in the public bank's format (the file name is the topic), a Moodle GIFT
            file (categories name the topics) or a CSV with a header row: id, type, topic, difficulty, tags, time, ref,
            prompt, options, correct, explanation (see the bank's README). Every question is checked like the public
            bank's; those that pass become drafts, those that do not are listed with their file and line. Up to 1 MB.
          </p>
          <form method="post" action="/app/bank/import" enctype="multipart/form-data" class="stack">
            <Select name="collection" label="Collection" required error={errors.collection}>
              {view.collections.map((c) => (
                <option value={c.id} selected={c.id === values.collection}>
                  {c.title}
                </option>
              ))}
            </Select>
            <Select
              name="topic"
              label="Topic"
              hint="Leave as it is to take each question's topic from its file name, GIFT category or CSV column."
              error={errors.topic}
            >
              <option value="">As each file says</option>
              {view.collections.map((c) => (
                <optgroup label={c.title}>
                  {c.topics.map((t) => (
                    <option value={t.id} selected={t.id === values.topic}>
                      {t.title} ({t.id})
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
            <div>
              <label for="f-files">Files</label>
              <input
                id="f-files"
                name="files"
                type="file"
                multiple
                required
                accept=".zip,.md,.markdown,.gift,.txt,.csv"
                aria-invalid={errors.files ? 'true' : undefined}
                aria-describedby={errors.files ? 'f-files-error' : undefined}
              />
              {errors.files ? (
                <p class="alert alert-error" id="f-files-error">
                  {errors.files}
                </p>
              ) : null}
            </div>
            <div class="actions">
              <button type="submit">Import as drafts</button>
            </div>
          </form>
        </section>
      )}
      <section class="panel" aria-labelledby="export-title">
        <h2 id="export-title">Export</h2>
        <p class="hint">
          Every question that is not retired, drafts included, at its current version. The zip holds a folder of
          Markdown per collection, as the public bank is written; GIFT imports into Moodle; CSV opens in a spreadsheet
          but cannot hold code, SQL or variant questions, which it leaves out. Each file imports here again.
        </p>
        <form method="get" action="/app/bank/export" class="stack">
          <fieldset class="choices">
            <legend>Format</legend>
            <label class="check">
              <input type="radio" name="format" value="zip" checked /> Markdown, one folder per collection (.zip)
            </label>
            <label class="check">
              <input type="radio" name="format" value="gift" /> Moodle GIFT (.gift)
            </label>
            <label class="check">
              <input type="radio" name="format" value="csv" /> CSV for spreadsheets (.csv)
            </label>
          </fieldset>
          <div>
            <label for="f-export-collection">Questions of</label>
            <select id="f-export-collection" name="collection">
              <option value="">Every collection</option>
              {view.collections.map((c) => (
                <option value={c.id}>{c.title}</option>
              ))}
            </select>
          </div>
          <div class="actions">
            <button type="submit" class="secondary">
              Download
            </button>
          </div>
        </form>
      </section>
    </>
  );
}

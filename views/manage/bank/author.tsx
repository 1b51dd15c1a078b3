import { answerSectionOf, structuredTypes } from '../../../src/bank/author-fields';
import type { PlaceChoice } from '../../../src/manage/bank-places';
import type { AuthorInput } from '../../../src/manage/question-author';
import { optionRows } from '../../../src/manage/question-author';
import { Breadcrumbs, type Crumb } from '../../components/breadcrumbs';
import { describedBy, ErrorSummary, Field, FieldError, type FormErrors, Select, TextArea } from '../../components/form';
import { QuestionPreview, type QuestionPreviewView } from './question-preview';
import { typeNames } from './status';

export type { PlaceChoice };

export interface AuthorPageView {
  /** Where the form posts: the new-question or the edit route. */
  action: string;
  heading: string;
  trail: Crumb[];
  input: AuthorInput;
  places: PlaceChoice[];
  /** Every registered question type (src/question-types/rules.ts). */
  types: readonly string[];
  errors: FormErrors;
  /** bank:check's warnings, with their lines. */
  warnings: string[];
  preview: QuestionPreviewView | null;
  /** Shown when a switch to the form could not read the Markdown. */
  notice?: string;
}

// Live preview: the form's fields go to the preview route as they change (htmx), debounced; the
// Preview button does the same without JavaScript through the page's own route.
const livePreview = {
  'hx-post': '/app/bank/preview',
  'hx-trigger': 'input changed delay:600ms, change',
  'hx-target': '#author-preview',
  'hx-swap': 'innerHTML',
  'hx-sync': 'this:replace',
};

/** Authoring one question: the form (or its Markdown), a preview as candidates see it, bank:check's errors. */
export function AuthorPage({ view }: { view: AuthorPageView }) {
  const { input, errors } = view;
  const f = input.fields;
  const err = (name: string) => errors[name];
  return (
    <>
      <Breadcrumbs trail={view.trail} />
      <h1>{view.heading}</h1>
      <ErrorSummary errors={errors} />
      {view.notice ? (
        <p class="alert alert-warn" role="status">
          {view.notice}
        </p>
      ) : null}
      <div class="author-layout">
        <form method="post" action={view.action} class="author-form stack" id="author-form" {...livePreview}>
          <input type="hidden" name="mode" value={input.mode} />
          {input.baseVersion === null ? null : (
            <input type="hidden" name="baseVersion" value={String(input.baseVersion)} />
          )}
          <PlaceSelect places={view.places} value={input.place} error={err('place')} />
          <div class="actions mode-switch">
            <span class="small muted">Write with:</span>
            <button
              type="submit"
              name="intent"
              value="form"
              class="small secondary"
              aria-pressed={input.mode === 'form' ? 'true' : 'false'}
            >
              The form
            </button>
            <button
              type="submit"
              name="intent"
              value="markdown"
              class="small secondary"
              aria-pressed={input.mode === 'markdown' ? 'true' : 'false'}
            >
              Markdown
            </button>
          </div>
          {input.mode === 'markdown' ? (
            <TextArea
              name="markdown"
              label="The question in Markdown"
              hint="The public bank's format (questions/README.md): ## id, headers, the prompt, then ### sections."
              value={input.markdown}
              rows={22}
              spellcheck={false}
              error={err('markdown')}
            />
          ) : (
            <FormFields view={view} />
          )}
          <Field
            name="changeNote"
            label="What changed (optional)"
            hint="Shown in the question's history."
            value={input.changeNote}
            maxlength={500}
          />
          <div class="actions">
            <button type="submit" name="intent" value="save">
              Save draft
            </button>
            <button type="submit" name="intent" value="preview" class="secondary">
              Preview
            </button>
          </div>
          <p class="small muted">
            {f.type && input.mode === 'form' ? `Type: ${typeNames[f.type] ?? f.type}. ` : ''}Saving checks the question
            as bank:check does; nothing is saved while it has errors.
          </p>
        </form>
        <section class="author-preview" aria-labelledby="author-preview-title">
          <h2 id="author-preview-title">Preview</h2>
          <div id="author-preview" aria-live="polite">
            <PreviewPanel preview={view.preview} errors={previewErrors(errors)} warnings={view.warnings} />
          </div>
        </section>
      </div>
    </>
  );
}

const previewErrors = (errors: FormErrors) => Object.values(errors).filter((e): e is string => Boolean(e));

/** What the preview shows: the question as candidates see it, or why it cannot be shown yet. */
export function PreviewPanel(props: { preview: QuestionPreviewView | null; errors: string[]; warnings: string[] }) {
  return (
    <>
      {props.errors.length > 0 ? (
        <div class="alert alert-error">
          <p>
            <strong>bank:check finds:</strong>
          </p>
          <ul class="problems">
            {props.errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.warnings.length > 0 ? (
        <ul class="alert alert-warn problems">
          {props.warnings.map((w) => (
            <li>{w}</li>
          ))}
        </ul>
      ) : null}
      {props.preview ? (
        <QuestionPreview view={props.preview} label="As candidates see it" />
      ) : props.errors.length === 0 ? (
        <p class="muted">Write a question and its preview appears here.</p>
      ) : null}
    </>
  );
}

function PlaceSelect(props: { places: PlaceChoice[]; value: string; error?: string }) {
  return (
    <Select name="place" label="Collection and topic" required error={props.error}>
      {props.places.map((p) => (
        <optgroup label={p.collectionTitle}>
          {p.topics.map((t) => {
            const value = `${p.collectionId}/${t.id}`;
            return (
              <option value={value} selected={value === props.value}>
                {p.collectionTitle}: {t.title}
              </option>
            );
          })}
        </optgroup>
      ))}
    </Select>
  );
}

function FormFields({ view }: { view: AuthorPageView }) {
  const f = view.input.fields;
  const err = (name: string) => view.errors[name];
  return (
    <>
      <div class="form-row">
        <Field
          name="slug"
          label="Short id"
          hint="Lower-case words and hyphens, e.g. sql-left-join: your own label."
          value={f.slug}
          maxlength={80}
          error={err('slug')}
        />
        <Select name="type" label="Type" error={err('type')}>
          {view.types.map((t) => (
            <option value={t} selected={t === f.type}>
              {typeNames[t] ?? t}
            </option>
          ))}
        </Select>
        <Select name="difficulty" label="Difficulty" error={err('difficulty')}>
          {['1', '2', '3', '4', '5'].map((d) => (
            <option value={d} selected={d === f.difficulty}>
              {d} {d === '1' ? '(basic)' : d === '5' ? '(expert)' : ''}
            </option>
          ))}
        </Select>
      </div>
      <div class="form-row">
        <Field
          name="tags"
          label="Tags"
          hint="Comma-separated words."
          value={f.tags}
          maxlength={300}
          error={err('tags')}
        />
        <Field
          name="time"
          label="Time weight"
          hint="0.5 to 3; empty means 1."
          value={f.time}
          inputmode="decimal"
          maxlength={4}
          error={err('time')}
        />
        <Field
          name="ref"
          label="Documentation link"
          hint="Optional: the page that backs the answer."
          inputmode="url"
          value={f.ref}
          maxlength={500}
          error={err('ref')}
        />
      </div>
      <TextArea
        name="prompt"
        label="Prompt"
        hint="Markdown; fenced code blocks with a language are highlighted (```python)."
        value={f.prompt}
        rows={8}
        spellcheck={false}
        error={err('prompt')}
      />
      <AnswerFieldsets view={view} />
      <TextArea
        name="explanation"
        label="Explanation"
        hint="Why the answer is right and why tempting wrong answers are wrong. Markdown."
        value={f.explanation}
        rows={5}
        error={err('explanation')}
      />
    </>
  );
}

/**
 * One fieldset per kind of answer; the page's stylesheet shows only the chosen type's (CSS :has),
 * and without that every fieldset shows, each saying which types it is for. Types without fields
 * of their own (added to the registry later) write their answer section as Markdown.
 */
function AnswerFieldsets({ view }: { view: AuthorPageView }) {
  const f = view.input.fields;
  const otherTypes = view.types.filter((t) => !(structuredTypes as readonly string[]).includes(t));
  const err = (name: string) => view.errors[name];
  const rows = optionRows(f);
  return (
    <>
      <fieldset class="answer-for for-single for-multiple">
        <legend>Options (single and multiple choice)</legend>
        <p class="hint">One option per line of Markdown; tick the correct ones (exactly one for single choice).</p>
        {rows.map((o, i) => (
          <div class="option-row">
            <label for={`f-option-text-${i}`} class="sr-only">
              Option {i + 1}
            </label>
            <input
              type="text"
              id={`f-option-text-${i}`}
              name={`option-text-${i}`}
              value={o.text}
              maxlength={2000}
              aria-invalid={err(`option-text-${i}`) ? 'true' : undefined}
              aria-describedby={describedBy(err(`option-text-${i}`) ? `f-option-text-${i}-error` : false)}
            />
            <label class="check">
              <input type="checkbox" name={`option-correct-${i}`} value="1" checked={o.correct} /> Correct
              <span class="sr-only"> (option {i + 1})</span>
            </label>
            <FieldError id={`f-option-text-${i}-error`} error={err(`option-text-${i}`)} />
          </div>
        ))}
      </fieldset>
      <fieldset class="answer-for for-truefalse">
        <legend>Answer (true or false)</legend>
        <label class="check">
          <input type="radio" id="f-truth" name="truth" value="true" checked={f.truth === 'true'} /> True
        </label>
        <label class="check">
          <input type="radio" name="truth" value="false" checked={f.truth === 'false'} /> False
        </label>
        <FieldError id="f-truth-error" error={err('truth')} />
      </fieldset>
      <fieldset class="answer-for for-text">
        <legend>Accepted answers (short text)</legend>
        <TextArea
          name="accepted"
          label="One accepted answer per line"
          hint="Compared ignoring case and extra spaces."
          value={f.accepted}
          rows={3}
          error={err('accepted')}
        />
      </fieldset>
      <fieldset class="answer-for for-numeric">
        <legend>Answer (number)</legend>
        <div class="form-row">
          <Field name="value" label="Value" value={f.value} inputmode="decimal" maxlength={40} error={err('value')} />
          <Field
            name="tolerance"
            label="Tolerance (±)"
            hint="Empty for an exact answer."
            value={f.tolerance}
            inputmode="decimal"
            maxlength={40}
            error={err('tolerance')}
          />
        </div>
      </fieldset>
      <fieldset class="answer-for for-ordering">
        <legend>Items in the correct order (put in order)</legend>
        <TextArea
          name="order"
          label="One item per line, first to last"
          hint="Candidates see them shuffled."
          value={f.order}
          rows={5}
          error={err('order')}
        />
      </fieldset>
      <fieldset class="answer-for for-other">
        <legend>Answer section ({otherTypes.map((t) => typeNames[t] ?? t).join(', ') || 'other types'})</legend>
        <TextArea
          name="answerSection"
          label="What goes under the type's section, as Markdown"
          hint={`The form writes the heading (${otherTypes
            .map((t) => `### ${answerSectionOf(t)} for ${typeNames[t] ?? t}`)
            .join('; ')}); #### subsections and fenced code go here. See questions/README.md.`}
          value={f.answerSection}
          rows={5}
          spellcheck={false}
          error={err('answerSection')}
        />
      </fieldset>
    </>
  );
}

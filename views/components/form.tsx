import type { Child } from 'hono/jsx';

/** What a rejected form says, per field name; `form` is about the form as a whole. */
export interface FormErrors {
  [field: string]: string | undefined;
}

/** The ids of a field and of its hint and error: `f-<name>` unless the page needs another. */
export function fieldIds(name: string, id = `f-${name}`) {
  return { id, hint: `${id}-hint`, error: `${id}-error` };
}

/** The ids that describe a control, or undefined when there are none. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** A field's error, under it; its control points here with aria-describedby. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p class="alert alert-error" id={id}>
      {error}
    </p>
  ) : null;
}

/** What went wrong with the form as a whole, announced when the page loads. */
export function FormError({ error }: { error?: string }) {
  return error ? (
    <p class="alert alert-error" role="alert">
      {error}
    </p>
  ) : null;
}

/** What a form just did (saved, sent, removed), announced politely when the page loads. */
export function Notice({ text }: { text?: string | null }) {
  return text ? (
    <p class="alert alert-ok" role="status">
      {text}
    </p>
  ) : null;
}

interface FieldProps {
  name: string;
  label: Child;
  /** `f-<name>` unless two forms on one page share a field name. */
  id?: string;
  hint?: Child;
  error?: string;
  required?: boolean;
}

/** The label, the hint and the error around one control, as every field here lays them out. */
function Labelled(props: FieldProps & { ids: ReturnType<typeof fieldIds>; children: Child }) {
  return (
    <div>
      <label for={props.ids.id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={props.ids.hint}>
          {props.hint}
        </span>
      ) : null}
      {props.children}
      <FieldError id={props.ids.error} error={props.error} />
    </div>
  );
}

/** What a control says of itself beyond its id and name: required, invalid, and its hint and error. */
function describedControl(props: FieldProps, ids: ReturnType<typeof fieldIds>) {
  return {
    required: props.required,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(props.hint ? ids.hint : false, props.error ? ids.error : false),
  };
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field(
  props: FieldProps & {
    type?: string;
    value?: string;
    autocomplete?: string;
    inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
    min?: number;
    max?: number;
    step?: number;
    maxlength?: number;
  },
) {
  const ids = fieldIds(props.name, props.id);
  return (
    <Labelled {...props} ids={ids}>
      <input
        id={ids.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        min={props.min === undefined ? undefined : String(props.min)}
        max={props.max === undefined ? undefined : String(props.max)}
        step={props.step === undefined ? undefined : String(props.step)}
        maxlength={props.maxlength}
        {...describedControl(props, ids)}
      />
    </Labelled>
  );
}

/** A labelled textarea, like Field. */
export function TextArea(
  props: FieldProps & { value?: string; rows?: number; maxlength?: number; spellcheck?: boolean },
) {
  const ids = fieldIds(props.name, props.id);
  return (
    <Labelled {...props} ids={ids}>
      <textarea
        id={ids.id}
        name={props.name}
        rows={props.rows}
        maxlength={props.maxlength}
        spellcheck={props.spellcheck}
        {...describedControl(props, ids)}
      >
        {props.value ?? ''}
      </textarea>
    </Labelled>
  );
}

/** A labelled select, like Field; its options (and optgroups) are the children. */
export function Select(props: FieldProps & { children: Child }) {
  const ids = fieldIds(props.name, props.id);
  return (
    <Labelled {...props} ids={ids}>
      <select id={ids.id} name={props.name} {...describedControl(props, ids)}>
        {props.children}
      </select>
    </Labelled>
  );
}

/**
 * Every error of a rejected form, first on the page, each linking to its field (`#f-<name>`), so a
 * keyboard or screen reader user lands on what to fix (GOV.UK's error summary pattern).
 */
export function ErrorSummary({ errors }: { errors: FormErrors }) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div class="alert alert-error" role="alert" aria-labelledby="error-summary-title">
      <p id="error-summary-title">
        <strong>
          {entries.length === 1 ? 'One thing needs your attention:' : `${entries.length} things need your attention:`}
        </strong>
      </p>
      <ul>
        {entries.map(([key, message]) => (
          <li>{key === 'form' ? message : <a href={`#f-${key}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The answer control of each question type, as the test page and a manager's preview show it
 * (hono/jsx, usable by keyboard and screen reader, without JavaScript). One module per type
 * (`<type>/form.tsx`); the fields each control posts are the ones its rules' `readForm` reads.
 */
import type { FC } from 'hono/jsx';
import { CodeForm } from './code/form';
import { MultipleForm } from './multiple/form';
import { NumericForm } from './numeric/form';
import { OrderingForm } from './ordering/form';
import type { FormState, QuestionType } from './rules';
import { SingleForm } from './single/form';
import { SqlForm } from './sql/form';
import { TextForm } from './text/form';
import { TrueFalseForm } from './truefalse/form';

/** What an answer control shows: the saved answer as form state, and the options in display order. */
export interface AnswerFormView extends FormState {
  /** In display order; `index` is all the browser ever learns about an option. */
  options: { index: number; html: string }[];
  /** Code and SQL: the visible examples as JSON, for "Run visible tests" in the browser. */
  runnable?: string | null;
}

export interface AnswerControlProps {
  q: AnswerFormView;
  /** The question's number on the page, for the screen reader's legend. */
  number: number;
}

export const answerForms = {
  single: SingleForm,
  multiple: MultipleForm,
  truefalse: TrueFalseForm,
  text: TextForm,
  numeric: NumericForm,
  ordering: OrderingForm,
  code: CodeForm,
  sql: SqlForm,
} satisfies Record<QuestionType, FC<AnswerControlProps>>;

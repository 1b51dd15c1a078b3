import type { Band } from '../../../src/engine/blueprint';
import type { AreaChoice, AssessmentFormValues } from '../../../src/manage/assessment-form';
import type { FormErrors } from '../../components/form';

// The values as typed and the areas offered are the form reader's (src/manage/assessment-form.ts).
export type { AreaChoice, AssessmentFormValues, BlueprintRowValues } from '../../../src/manage/assessment-form';

export interface EditingInfo {
  id: string;
  title: string;
  version: number;
  /** Candidates who started this version: above 0, frozen fields can only change in a new version. */
  attempts: number;
}

export interface AssessmentFormView {
  editing?: EditingInfo;
  areas: AreaChoice[];
  values: AssessmentFormValues;
  errors: FormErrors;
  /** Per area with questions: how many easy / medium / hard questions each candidate will get. */
  plans: Record<string, Record<Band, number>>;
  /** Shown after "Check the draw" found nothing wrong. */
  checked?: boolean;
}

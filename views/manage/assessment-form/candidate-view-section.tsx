import type { ShowAfter } from '../../../src/engine/assessment';
import { FieldError, type FormErrors, fieldIds } from '../../components/form';
import type { AssessmentFormValues } from './types';

const showAfterChoices: { value: ShowAfter; label: string; hint: string }[] = [
  {
    value: 'thanks',
    label: 'A thank-you message only',
    hint: 'Candidates learn nothing about their score. Usual for hiring.',
  },
  {
    value: 'score',
    label: 'Their score, with a breakdown per skill area',
    hint: 'No questions or answers are shown.',
  },
  {
    value: 'review',
    label: 'A full review: every question, their answer, the correct answer and the explanation',
    hint: 'Best for learning; it also exposes the questions they were drawn.',
  },
];

/** What candidates see: the order of questions and options, and what they are shown after finishing. */
export function CandidateViewSection({ values, errors }: { values: AssessmentFormValues; errors: FormErrors }) {
  return (
    <fieldset>
      <legend>Delivery</legend>
      <label class="check">
        <input type="checkbox" name="shuffleQuestions" value="1" checked={values.shuffleQuestions} /> Shuffle the order
        of questions for each candidate
      </label>
      <label class="check">
        <input type="checkbox" name="shuffleOptions" value="1" checked={values.shuffleOptions} /> Shuffle the options of
        each question
      </label>
      <fieldset class="choices" id="f-showAfter">
        <legend>After finishing, candidates see</legend>
        {showAfterChoices.map((choice) => (
          <label class="check">
            <input type="radio" name="showAfter" value={choice.value} checked={values.showAfter === choice.value} />{' '}
            {choice.label}
            <span class="hint">{choice.hint}</span>
          </label>
        ))}
        <FieldError id={fieldIds('showAfter').error} error={errors.showAfter} />
      </fieldset>
    </fieldset>
  );
}

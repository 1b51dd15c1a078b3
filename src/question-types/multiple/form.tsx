import { ChoiceList } from '../choice-form';
import type { AnswerControlProps } from '../forms';

/** One checkbox per option, named `choices`, valued by display position. */
export function MultipleForm(props: AnswerControlProps) {
  return <ChoiceList {...props} multiple={true} />;
}

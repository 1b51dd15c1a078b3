import { ChoiceList } from '../choice-form';
import type { AnswerControlProps } from '../forms';

/** One radio button per option, named `choice`, valued by display position. */
export function SingleForm(props: AnswerControlProps) {
  return <ChoiceList {...props} multiple={false} />;
}

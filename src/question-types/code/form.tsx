import type { AnswerControlProps } from '../forms';
import { SourceForm } from '../source-form';

export function CodeForm(props: AnswerControlProps) {
  return (
    <SourceForm
      {...props}
      language="javascript"
      label="Your code"
      hint="JavaScript; start from the code in the question."
    />
  );
}

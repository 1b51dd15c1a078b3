import type { AnswerControlProps } from '../forms';
import { SourceForm } from '../source-form';

export function SqlForm(props: AnswerControlProps) {
  return <SourceForm {...props} label="Your query" hint="One SQLite SELECT statement." />;
}

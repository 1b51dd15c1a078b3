import type { AnswerControlProps } from '../forms';
import { SourceForm } from '../source-form';

export function SqlForm(props: AnswerControlProps) {
  return <SourceForm {...props} language="sql" label="Your query" hint="One SQLite SELECT statement." />;
}

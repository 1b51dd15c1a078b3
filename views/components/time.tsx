import type { Child } from 'hono/jsx';
import { formatDate, formatDateTime, formatTime, isoDateTime } from './format';

const formats = { datetime: formatDateTime, date: formatDate, time: formatTime };

/**
 * A moment as people read it, with the exact instant in `datetime` for machines and assistive
 * technology: `<Time at={ms} />` says "2025-03-14 09:26 UTC", `format="date"` "2025-03-14".
 * Children replace the words (an offset, "09:26:53 UTC"); the instant stays.
 */
export function Time(props: {
  at: number;
  format?: keyof typeof formats;
  /** Shown on hover: the full date and time beside a shorter text. */
  title?: string;
  class?: string;
  children?: Child;
}) {
  return (
    <time datetime={isoDateTime(props.at)} title={props.title} class={props.class}>
      {props.children ?? formats[props.format ?? 'datetime'](props.at)}
    </time>
  );
}

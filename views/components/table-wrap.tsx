import type { Child } from 'hono/jsx';

/**
 * The box around every data table. A table wider than the screen scrolls sideways inside it, not
 * the page; the box takes keyboard focus so it can be scrolled without a mouse, and is a named
 * region so a screen reader says what that focus landed on. Name it with `label`, or with
 * `labelledBy` when a heading already says it.
 */
export function TableWrap(props: { label?: string; labelledBy?: string; class?: string; children: Child }) {
  return (
    <section
      class={props.class ? `table-wrap ${props.class}` : 'table-wrap'}
      aria-label={props.label}
      aria-labelledby={props.labelledBy}
      tabindex={0}
    >
      {props.children}
    </section>
  );
}

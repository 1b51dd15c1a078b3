/** One step of a trail: a link, or the page itself (no href) as the last step. */
export interface Crumb {
  label: string;
  href?: string;
}

/**
 * Where a page sits in the workspace: "Assessments › Backend engineer › Ada Lovelace". A step
 * without a link is the current page. Hidden in print, where links lead nowhere.
 */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" class="crumbs small no-print">
      {trail.map((step, i) => (
        <>
          {i > 0 ? ' › ' : null}
          {step.href === undefined ? (
            <span aria-current="page">{step.label}</span>
          ) : (
            <a href={step.href}>{step.label}</a>
          )}
        </>
      ))}
    </nav>
  );
}

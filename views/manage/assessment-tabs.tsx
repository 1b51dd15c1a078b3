/** The tabs of one assessment's pages: its candidates and its statistics. */
export type AssessmentTab = 'candidates' | 'statistics';

export function AssessmentTabs(props: { assessmentId: string; current: AssessmentTab }) {
  const base = `/app/assessments/${props.assessmentId}`;
  const tab = (key: AssessmentTab, href: string, label: string) => (
    <li>
      <a href={href} aria-current={props.current === key ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav aria-label="Assessment" class="no-print">
      <ul class="tabs">
        {tab('candidates', base, 'Candidates')}
        {tab('statistics', `${base}/statistics`, 'Statistics')}
      </ul>
    </nav>
  );
}

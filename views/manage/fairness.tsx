/**
 * Pass rates by the team's own group labels with the four-fifths rule, for one assessment: a
 * screening aid that says where to look closer, never a finding of unfairness.
 */
import { fourFifths, type ImpactTable, minImpactGroupSize } from '../../src/engine/adverse-impact';
import { Breadcrumbs } from '../components/breadcrumbs';
import { HBarChart } from '../components/charts';
import { formatShare, plural } from '../components/format';
import { TableWrap } from '../components/table-wrap';

export interface FairnessView {
  assessment: { id: string; title: string };
  table: ImpactTable;
  /** Finished attempts nobody labelled: left out of the comparison. */
  unlabelled: number;
}

const ratioText = (ratio: number | null) => (ratio === null ? '–' : ratio.toFixed(2));

export function FairnessPage({ view }: { view: FairnessView }) {
  const { table, assessment } = view;
  const base = `/app/assessments/${assessment.id}`;
  const reference = table.groups.find((g) => g.label === table.reference) ?? null;
  const flagged = table.groups.filter((g) => g.flagged);
  return (
    <>
      <Breadcrumbs
        trail={[
          { label: 'Assessments', href: '/app' },
          { label: assessment.title, href: base },
          { label: 'Pass rates by group' },
        ]}
      />
      <h1>Pass rates by group: {assessment.title}</h1>
      <p class="alert alert-warn" role="note">
        <strong>A screening aid, not a verdict.</strong> The four-fifths rule flags a group whose pass rate is below{' '}
        {fourFifths * 100}% of the highest group's. A flag says "look closer" (at the questions, the pass mark, who was
        invited), not that the test is unfair; a ratio above it does not prove fairness either. Groups are the labels
        your team gave candidates on their reports, nothing the candidates reported.
      </p>
      {table.groups.length === 0 ? (
        <section class="panel">
          <p>
            No labelled candidate has finished yet. Give candidates a group label (for example their source or location)
            on their report; their pass rates appear here once they finish.
          </p>
        </section>
      ) : (
        <section class="panel" aria-labelledby="rates-title">
          <h2 id="rates-title">Pass rate per group</h2>
          <p>
            {reference
              ? `Compared with ${reference.label}, the group with the highest pass rate (${formatShare(reference.rate)}). `
              : `No group has ${minImpactGroupSize} finished candidates yet, so no ratio is judged. `}
            {flagged.length > 0
              ? `${plural(flagged.length, 'group')} below four fifths: ${flagged.map((g) => g.label).join(', ')}.`
              : reference
                ? 'No group is below four fifths.'
                : ''}
          </p>
          <HBarChart
            id="group-rates"
            summary={`Pass rate per group; the line marks four fifths of the highest rate.`}
            max={1}
            bars={table.groups.map((g) => ({
              label: g.label,
              value: g.rate,
              display: formatShare(g.rate),
              tone: g.flagged ? 'fail' : null,
              note: g.flagged ? 'below four fifths' : g.small ? 'too few to judge' : undefined,
            }))}
            mark={
              reference ? { value: reference.rate * fourFifths, label: 'Four fifths of the highest pass rate' } : null
            }
          />
          <TableWrap labelledBy="rates-title">
            <table id="impact-table">
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Finished</th>
                  <th scope="col">Passed</th>
                  <th scope="col">Pass rate</th>
                  <th scope="col">Ratio to highest</th>
                  <th scope="col">Reading</th>
                </tr>
              </thead>
              <tbody>
                {table.groups.map((g) => (
                  <tr>
                    <th scope="row">{g.label}</th>
                    <td>{g.total}</td>
                    <td>{g.passed}</td>
                    <td>{formatShare(g.rate)}</td>
                    <td>{ratioText(g.ratio)}</td>
                    <td>
                      {g.small
                        ? `Too few to judge (under ${minImpactGroupSize})`
                        : g.flagged
                          ? 'Below four fifths: look closer'
                          : g.label === table.reference
                            ? 'Highest pass rate'
                            : 'At or above four fifths'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p class="small muted">
            Ratio = the group's pass rate ÷ the highest pass rate among groups of at least {minImpactGroupSize} finished
            candidates. Smaller groups are shown but not judged: a handful of people moves their rate by chance.{' '}
            {view.unlabelled > 0
              ? `${plural(view.unlabelled, 'finished candidate')} without a label are left out.`
              : ''}
          </p>
        </section>
      )}
    </>
  );
}

/**
 * Facility against discrimination, one mark per question: the map Moodle's statistics report
 * draws. Good questions sit high (they tell strong from weak) and away from both sides (not
 * everyone, not no one, gets them right). Drawn like the score histogram (views/manage/charts.tsx):
 * no viewBox, x in percentages and text in CSS pixels, so it fills a phone with readable labels.
 * Flagged questions are squares as well as red, so the difference does not rest on colour; the
 * numbers are the rows of the items table, and the same figures follow in a table.
 */
import { facilityBounds, nearZeroDiscrimination } from '../../../src/engine/item-analysis';
import { svgPercent } from '../../components/charts';
import { correlationText, percentText } from './format';

export interface ScatterPoint {
  /** The row number in the items table. */
  n: number;
  name: string;
  facility: number;
  discrimination: number;
  flagged: boolean;
}

/** The discrimination axis: −0.5 to 1, wide enough for every item worth keeping and the bad ones below 0. */
const yMin = -0.5;
/** Short axis labels: +1, +0.5, 0, −0.5 (a real minus sign). */
const tickText = (t: number) => (t === 0 ? '0' : `${t < 0 ? '−' : '+'}${Math.abs(t)}`);
const yMax = 1;

export function FacilityDiscriminationScatter(props: { id: string; points: ScatterPoint[]; unplotted: string[] }) {
  // Room on the left for the axis labels and on the right for half of "100%", on a 320 px phone.
  const left = 13;
  const right = 93;
  const top = 26;
  const plotHeight = 200;
  const base = top + plotHeight;
  const xOf = (facility: number) => left + Math.max(0, Math.min(1, facility)) * (right - left);
  const yOf = (r: number) =>
    Math.round(top + ((yMax - Math.max(yMin, Math.min(yMax, r))) / (yMax - yMin)) * plotHeight);
  const flagged = props.points.filter((p) => p.flagged).length;
  const summary =
    `Facility against discrimination for ${props.points.length} questions` +
    (flagged > 0 ? `, ${flagged} of them flagged (drawn as red squares)` : '') +
    '. Facility runs from 0% (nobody right) on the left to 100% on the right; discrimination from −0.5 at the bottom to +1 at the top.' +
    ` Dashed lines mark the flag limits: facility ${percentText(facilityBounds.low)} and ${percentText(facilityBounds.high)}, discrimination ${nearZeroDiscrimination}.`;
  const ticksY = [-0.5, 0, 0.5, 1];
  return (
    <svg
      class="chart scatter"
      width="100%"
      height={base + 40}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      id={props.id}
    >
      <title id={`${props.id}-title`}>Facility against discrimination, per question</title>
      <desc id={`${props.id}-desc`}>
        {`${summary} ${props.points
          .map(
            (p) =>
              `${p.n}. ${p.name}: facility ${percentText(p.facility)}, discrimination ${correlationText(p.discrimination)}${p.flagged ? ', flagged' : ''}`,
          )
          .join(
            '; ',
          )}.${props.unplotted.length > 0 ? ` Not plotted (no discrimination yet): ${props.unplotted.join(', ')}.` : ''}`}
      </desc>
      <text x={svgPercent(left)} y="12" class="axis-label">
        ↑ discrimination
      </text>
      {ticksY.map((t) => (
        <g>
          <line x1={svgPercent(left)} x2={svgPercent(right)} y1={yOf(t)} y2={yOf(t)} class="grid" />
          <text x={svgPercent(left - 1)} y={yOf(t) + 4} text-anchor="end" class="axis-label">
            {tickText(t)}
          </text>
        </g>
      ))}
      <line
        x1={svgPercent(left)}
        x2={svgPercent(right)}
        y1={yOf(nearZeroDiscrimination)}
        y2={yOf(nearZeroDiscrimination)}
        class="mark"
      />
      {[facilityBounds.low, facilityBounds.high].map((f) => (
        <line x1={svgPercent(xOf(f))} x2={svgPercent(xOf(f))} y1={top} y2={base} class="mark" />
      ))}
      {[0, 0.25, 0.5, 0.75, 1].map((f) => (
        <text x={svgPercent(xOf(f))} y={base + 16} text-anchor="middle" class="axis-label">
          {percentText(f)}
        </text>
      ))}
      <text x={svgPercent((left + right) / 2)} y={base + 34} text-anchor="middle" class="axis-label">
        facility (share right) →
      </text>
      {props.points.map((p) => {
        const x = svgPercent(xOf(p.facility));
        const y = yOf(p.discrimination);
        return (
          <g data-question={p.name}>
            {p.flagged ? (
              <rect x={x} y={y - 5} width="10" height="10" transform="translate(-5 0)" class="bar fail" />
            ) : (
              <circle cx={x} cy={y} r="5" class="dot" />
            )}
            <text x={x} y={y - 8} text-anchor="middle" class="axis-label">
              {p.n}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

import { scaleMax, scaleMin, scoreBand } from '../../src/engine/scale';
import { svgPercent } from '../components/charts';
import { formatDate } from '../components/format';

/** The bands of the scale as drawn: [from, to) on the 100-300 scale (see src/engine/scale.ts). */
const zones = [
  { band: 'Foundational', from: 100, to: 150 },
  { band: 'Developing', from: 150, to: 188 },
  { band: 'Proficient', from: 188, to: 213 },
  { band: 'Advanced', from: 213, to: 238 },
  { band: 'Expert', from: 238, to: 300 },
] as const;

const clamp = (score: number) => Math.min(scaleMax, Math.max(scaleMin, score));

/**
 * One score on the whole scale: the five bands, the score as a dot and its ± as a bar. No viewBox:
 * x positions are percentages and text is in CSS pixels, so the labels stay readable on a phone.
 * The margins leave room for half of "100" and "300" under the end ticks.
 */
export function ScaleChart({ score, uncertainty, id }: { score: number; uncertainty: number; id: string }) {
  const xOf = (s: number) => 5 + ((s - scaleMin) / (scaleMax - scaleMin)) * 90;
  const low = clamp(score - uncertainty);
  const high = clamp(score + uncertainty);
  return (
    <svg class="chart scale-chart" width="100%" height="112" role="img" aria-labelledby={id}>
      <title id={id}>
        {`Score ${score} ± ${uncertainty} on the scale from ${scaleMin} to ${scaleMax}, in the ${scoreBand(score)} band (${low} to ${high} is the likely range).`}
      </title>
      {zones.map((z, i) => (
        <g>
          <rect
            class={`zone zone-${i + 1}`}
            x={svgPercent(xOf(z.from))}
            y="34"
            width={svgPercent(xOf(z.to) - xOf(z.from))}
            height="26"
          />
          {/* Alternate rows, so neighbouring band names never touch on a narrow screen. */}
          <text
            class="axis-label"
            x={svgPercent((xOf(z.from) + xOf(z.to)) / 2)}
            y={i % 2 === 0 ? 78 : 94}
            text-anchor="middle"
          >
            {z.band}
          </text>
        </g>
      ))}
      {[100, 150, 200, 250, 300].map((tick) => (
        <text class="axis-label tick" x={svgPercent(xOf(tick))} y="109" text-anchor="middle">
          {tick}
        </text>
      ))}
      <line class="line" x1={svgPercent(xOf(low))} x2={svgPercent(xOf(high))} y1="47" y2="47" />
      <line class="line" x1={svgPercent(xOf(low))} x2={svgPercent(xOf(low))} y1="40" y2="54" />
      <line class="line" x1={svgPercent(xOf(high))} x2={svgPercent(xOf(high))} y1="40" y2="54" />
      <circle class="dot" cx={svgPercent(xOf(score))} cy="47" r="7" />
      <text class="bar-value" x={svgPercent(xOf(score))} y="24" text-anchor="middle">
        {score}
      </text>
    </svg>
  );
}

export interface HistoryPoint {
  at: number;
  score: number;
  uncertainty: number;
}

/** Up to `count` indexes spread evenly over `n` points, always the first and the last. */
function spread(n: number, count: number): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  return [...new Set(Array.from({ length: count }, (_, j) => Math.round((j * (n - 1)) / (count - 1))))];
}

/**
 * Scale scores over time as a line, each with its ± as a shaded band. Points are evenly spaced
 * in the order taken (retakes can be days or months apart; order reads better than a time axis)
 * and some are labelled with their dates: four on a wide screen, the first and the last on a
 * phone (the table under the chart lists every one). The line and band are drawn in a nested,
 * stretched SVG; dots and text sit in the outer one, placed by percentages, so they keep their
 * shape and size at any width.
 */
export function HistoryChart({ points, id, label }: { points: HistoryPoint[]; id: string; label: string }) {
  const lows = points.map((p) => clamp(p.score - p.uncertainty));
  const highs = points.map((p) => clamp(p.score + p.uncertainty));
  const min = Math.max(scaleMin, Math.floor((Math.min(...lows) - 5) / 25) * 25);
  const max = Math.min(scaleMax, Math.ceil((Math.max(...highs) + 5) / 25) * 25);
  const top = 14;
  const bottom = 170;
  // The plot spans 13% to 87% of the width: room for the score ticks on the left and for half of
  // a date label (about 75 px) beside the first and the last point on a 390 px phone.
  const x0 = 13;
  const x1 = 87;
  const yOf = (score: number) => bottom - ((score - min) / Math.max(1, max - min)) * (bottom - top);
  // A point's position in the plot, 0-1000 (the nested SVG's units) and as a share of the chart.
  const unitAt = (i: number) => (points.length === 1 ? 500 : (i * 1000) / (points.length - 1));
  const xAt = (i: number) => x0 + (unitAt(i) / 1000) * (x1 - x0);
  const ticks: number[] = [];
  for (let t = min; t <= max; t += 25) ticks.push(t);
  const band = [
    ...points.map((_, i) => `${unitAt(i)},${yOf(highs[i] ?? 0)}`),
    ...points.map((_, i) => `${unitAt(i)},${yOf(lows[i] ?? 0)}`).reverse(),
  ].join(' ');
  const wide = new Set(spread(points.length, 4));
  const phone = new Set([0, points.length - 1]);
  return (
    <svg class="chart history-chart" width="100%" height="200" role="img" aria-labelledby={id}>
      <title id={id}>
        {`${label}: ${points.map((p) => `${formatDate(p.at)} ${p.score} ± ${p.uncertainty}`).join('; ')}`}
      </title>
      {ticks.map((t) => (
        <g>
          <line class="grid" x1={svgPercent(x0)} x2={svgPercent(x1)} y1={yOf(t)} y2={yOf(t)} />
          <text class="axis-label" x={svgPercent(x0 - 2)} y={yOf(t) + 4} text-anchor="end">
            {t}
          </text>
        </g>
      ))}
      <svg
        x={svgPercent(x0)}
        width={svgPercent(x1 - x0)}
        height="200"
        viewBox="0 0 1000 200"
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {points.length > 1 ? <polygon class="band" points={band} /> : null}
        {points.length === 1 ? (
          <line
            class="line"
            x1={unitAt(0)}
            x2={unitAt(0)}
            y1={yOf(highs[0] ?? 0)}
            y2={yOf(lows[0] ?? 0)}
            vector-effect="non-scaling-stroke"
          />
        ) : (
          <polyline
            class="line"
            points={points.map((p, i) => `${unitAt(i)},${yOf(p.score)}`).join(' ')}
            vector-effect="non-scaling-stroke"
          />
        )}
      </svg>
      {points.map((p, i) => (
        <g>
          <circle class="dot" cx={svgPercent(xAt(i))} cy={yOf(p.score)} r="4.5" />
          {wide.has(i) || phone.has(i) ? (
            <text
              class={phone.has(i) ? 'axis-label' : 'axis-label wide-only'}
              x={svgPercent(xAt(i))}
              y="192"
              text-anchor="middle"
            >
              {formatDate(p.at)}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}

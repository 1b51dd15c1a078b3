import { scaleMax, scaleMin, scoreBand } from '../../src/engine/scale';
import { formatDate } from './format';

/** The bands of the scale as drawn: [from, to) on the 100-300 scale (see src/engine/scale.ts). */
const zones = [
  { band: 'Foundational', from: 100, to: 150 },
  { band: 'Developing', from: 150, to: 188 },
  { band: 'Proficient', from: 188, to: 213 },
  { band: 'Advanced', from: 213, to: 238 },
  { band: 'Expert', from: 238, to: 300 },
] as const;

const left = 16;
const right = 484;
const xOf = (score: number) => left + ((score - scaleMin) / (scaleMax - scaleMin)) * (right - left);
const clamp = (score: number) => Math.min(scaleMax, Math.max(scaleMin, score));

/** One score on the whole scale: the five bands, the score as a dot and its ± as a bar. */
export function ScaleChart({ score, uncertainty, id }: { score: number; uncertainty: number; id: string }) {
  const low = clamp(score - uncertainty);
  const high = clamp(score + uncertainty);
  return (
    <svg class="chart scale-chart" viewBox="0 0 500 110" role="img" aria-labelledby={id}>
      <title id={id}>
        {`Score ${score} ± ${uncertainty} on the scale from ${scaleMin} to ${scaleMax}, in the ${scoreBand(score)} band (${low} to ${high} is the likely range).`}
      </title>
      {zones.map((z, i) => (
        <g>
          <rect class={`zone zone-${i + 1}`} x={xOf(z.from)} y="34" width={xOf(z.to) - xOf(z.from)} height="26" />
          <text class="axis-label" x={(xOf(z.from) + xOf(z.to)) / 2} y={i % 2 === 0 ? 78 : 94} text-anchor="middle">
            {z.band}
          </text>
        </g>
      ))}
      {[100, 150, 200, 250, 300].map((tick) => (
        <text class="axis-label tick" x={xOf(tick)} y="106" text-anchor="middle">
          {tick}
        </text>
      ))}
      <line class="line" x1={xOf(low)} x2={xOf(high)} y1="47" y2="47" />
      <line class="line" x1={xOf(low)} x2={xOf(low)} y1="40" y2="54" />
      <line class="line" x1={xOf(high)} x2={xOf(high)} y1="40" y2="54" />
      <circle class="dot" cx={xOf(score)} cy="47" r="7" />
      <text class="bar-value" x={xOf(score)} y="24" text-anchor="middle">
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

/**
 * Scale scores over time as a line, each with its ± as a shaded band. Points are evenly spaced
 * in the order taken (retakes can be days or months apart; order reads better than a time axis)
 * and labelled with their dates.
 */
export function HistoryChart({ points, id, label }: { points: HistoryPoint[]; id: string; label: string }) {
  const lows = points.map((p) => clamp(p.score - p.uncertainty));
  const highs = points.map((p) => clamp(p.score + p.uncertainty));
  const min = Math.max(scaleMin, Math.floor((Math.min(...lows) - 5) / 25) * 25);
  const max = Math.min(scaleMax, Math.ceil((Math.max(...highs) + 5) / 25) * 25);
  const top = 14;
  const bottom = 170;
  const x0 = 48;
  const x1 = 480;
  const yOf = (score: number) => bottom - ((score - min) / Math.max(1, max - min)) * (bottom - top);
  const xAt = (i: number) => (points.length === 1 ? (x0 + x1) / 2 : x0 + (i * (x1 - x0)) / (points.length - 1));
  const ticks: number[] = [];
  for (let t = min; t <= max; t += 25) ticks.push(t);
  const band = [
    ...points.map((_, i) => `${xAt(i)},${yOf(highs[i] ?? 0)}`),
    ...points.map((_, i) => `${xAt(i)},${yOf(lows[i] ?? 0)}`).reverse(),
  ].join(' ');
  // Label every point when they fit, else about six of them (always the first and the last).
  const every = Math.max(1, Math.ceil(points.length / 6));
  return (
    <svg class="chart history-chart" viewBox="0 0 500 200" role="img" aria-labelledby={id}>
      <title id={id}>
        {`${label}: ${points.map((p) => `${formatDate(p.at)} ${p.score} ± ${p.uncertainty}`).join('; ')}`}
      </title>
      {ticks.map((t) => (
        <g>
          <line class="grid" x1={x0} x2={x1} y1={yOf(t)} y2={yOf(t)} />
          <text class="axis-label" x={x0 - 6} y={yOf(t) + 4} text-anchor="end">
            {t}
          </text>
        </g>
      ))}
      {points.length > 1 ? <polygon class="band" points={band} /> : null}
      {points.length === 1 ? (
        <line class="line" x1={xAt(0)} x2={xAt(0)} y1={yOf(highs[0] ?? 0)} y2={yOf(lows[0] ?? 0)} />
      ) : (
        <polyline class="line" points={points.map((p, i) => `${xAt(i)},${yOf(p.score)}`).join(' ')} />
      )}
      {points.map((p, i) => (
        <g>
          <circle class="dot" cx={xAt(i)} cy={yOf(p.score)} r="4.5" />
          {i % every === 0 || i === points.length - 1 ? (
            <text class="axis-label" x={xAt(i)} y="192" text-anchor="middle">
              {formatDate(p.at)}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}

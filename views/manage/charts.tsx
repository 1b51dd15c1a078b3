/**
 * Charts for managers. The bar charts are shared with the candidate's result
 * (views/components/charts.tsx); the histogram is SVG with role="img" and a <title> that says in
 * words what the bars show.
 */
import type { Bin } from '../../src/manage/stats';
import { svgPercent } from '../components/charts';

/**
 * The score distribution of finished candidates: one bar per 10-point bin, heights relative to
 * the fullest bin, green wholly above the pass mark, red wholly below, neutral where it straddles.
 * Horizontal positions are percentages of the chart's width and text is sized in CSS pixels, so
 * the chart fills a phone or a laptop with its labels at the page's size (no viewBox scaling).
 */
export function ScoreHistogram(props: { id: string; bins: Bin[]; passMark: number }) {
  // Room on both sides for half of "0" and "100" under the first and last tick.
  const left = 5;
  const right = 95;
  const top = 32;
  const plotHeight = 150;
  const base = top + plotHeight;
  const slot = (right - left) / props.bins.length;
  const xOf = (score: number) => left + (score / 100) * (right - left);
  const maxCount = Math.max(0, ...props.bins.map((b) => b.count));
  const total = props.bins.reduce((sum, b) => sum + b.count, 0);
  const markX = xOf(props.passMark);
  // The pass mark's label stays inside the chart near either edge.
  const markAnchor = props.passMark < 20 ? 'start' : props.passMark > 80 ? 'end' : 'middle';
  const words = props.bins
    .filter((b) => b.count > 0)
    .map((b) => `${b.from}–${b.to}%: ${b.count}`)
    .join('; ');
  return (
    <svg
      class="chart histogram"
      width="100%"
      height={base + 36}
      role="img"
      aria-labelledby={`${props.id}-title`}
      id={props.id}
    >
      <title id={`${props.id}-title`}>
        {`Scores of ${total} finished ${total === 1 ? 'candidate' : 'candidates'}, in 10-point bins. ${words || 'No scores yet'}. Pass mark ${props.passMark}%.`}
      </title>
      <line x1={svgPercent(left)} x2={svgPercent(right)} y1={base} y2={base} class="grid" />
      {props.bins.map((b, i) => {
        const h = maxCount > 0 ? Math.round((b.count / maxCount) * plotHeight) : 0;
        const x = left + i * slot;
        const tone = b.from >= props.passMark ? 'bar pass' : b.to <= props.passMark ? 'bar fail' : 'bar';
        return (
          <g>
            <rect
              x={svgPercent(x + slot * 0.08)}
              y={base - h}
              width={svgPercent(slot * 0.84)}
              height={h}
              rx="2"
              class={tone}
              data-bin={String(b.from)}
              data-count={String(b.count)}
            />
            {b.count > 0 ? (
              <text x={svgPercent(x + slot / 2)} y={base - h - 5} text-anchor="middle" class="bar-value">
                {b.count}
              </text>
            ) : null}
          </g>
        );
      })}
      {[...props.bins.map((b) => b.from), 100].map((tick) => (
        <text x={svgPercent(xOf(tick))} y={base + 16} text-anchor="middle" class="axis-label">
          {tick}
        </text>
      ))}
      <text x={svgPercent((left + right) / 2)} y={base + 32} text-anchor="middle" class="axis-label">
        score %
      </text>
      <line x1={svgPercent(markX)} x2={svgPercent(markX)} y1={top - 14} y2={base} class="mark" />
      <text x={svgPercent(markX)} y={top - 18} text-anchor={markAnchor} class="axis-label">
        pass {props.passMark}%
      </text>
    </svg>
  );
}

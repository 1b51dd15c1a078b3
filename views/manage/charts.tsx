/**
 * Inline SVG charts for managers (no scripts, no inline styles: classes from app.css). Each has
 * role="img" and a <title> that says in words what the bars show, for screen readers and tooltips.
 */
import type { Bin } from '../../src/manage/stats';

export type Tone = 'pass' | 'fail' | 'partial' | null;

export interface HBar {
  label: string;
  value: number;
  /** The value as the reader should see it: "72.5%", "01:05". */
  display: string;
  tone?: Tone;
  /** Extra words for the chart's title: "correct", "flagged". */
  note?: string;
}

/** Horizontal bars scaled to `max`, with an optional dashed mark (the pass mark, an even pace). */
export function HBarChart(props: {
  id: string;
  summary: string;
  bars: HBar[];
  max: number;
  mark?: { value: number; label: string } | null;
  labelWidth?: number;
}) {
  const rowHeight = 26;
  const x0 = props.labelWidth ?? 170;
  const width = 300;
  const top = props.mark ? 18 : 4;
  const height = top + props.bars.length * rowHeight + 8;
  const scale = (v: number) => (props.max > 0 ? Math.round((Math.min(v, props.max) / props.max) * width) : 0);
  const words = props.bars.map((b) => `${b.label}: ${b.display}${b.note ? ` (${b.note})` : ''}`).join('; ');
  return (
    <svg
      class="chart hbars"
      viewBox={`0 0 ${x0 + width + 60} ${height}`}
      role="img"
      aria-labelledby={`${props.id}-title`}
      id={props.id}
    >
      <title
        id={`${props.id}-title`}
      >{`${props.summary}. ${words}${props.mark ? `. ${props.mark.label}.` : ''}`}</title>
      {props.bars.map((b, i) => {
        const y = top + i * rowHeight;
        return (
          <g>
            <text x={x0 - 8} y={y + 15} text-anchor="end" class="axis-label">
              {b.label}
            </text>
            <rect x={x0} y={y + 3} width={width} height="16" rx="3" class="band" />
            <rect
              x={x0}
              y={y + 3}
              width={scale(b.value)}
              height="16"
              rx="3"
              class={b.tone ? `bar ${b.tone}` : 'bar'}
              data-value={String(b.value)}
            />
            <text x={x0 + width + 6} y={y + 15} class="bar-value">
              {b.display}
            </text>
          </g>
        );
      })}
      {props.mark ? (
        <g>
          <line
            x1={x0 + scale(props.mark.value)}
            x2={x0 + scale(props.mark.value)}
            y1={top - 2}
            y2={height - 4}
            class="mark"
          />
          <text x={x0 + scale(props.mark.value)} y="11" text-anchor="middle" class="axis-label">
            {props.mark.label}
          </text>
        </g>
      ) : null}
    </svg>
  );
}

/** Percent per skill area against the pass mark (the manager's version of the candidate's AreaBars). */
export function AreaBars(props: {
  id: string;
  byArea: Record<string, { percent: number }>;
  titles: Record<string, string>;
  passMark: number | null;
}) {
  const bars = Object.entries(props.byArea).map(
    ([area, t]): HBar => ({
      label: props.titles[area] ?? area,
      value: t.percent,
      display: `${t.percent}%`,
      tone: props.passMark === null ? null : t.percent >= props.passMark ? 'pass' : 'fail',
    }),
  );
  return (
    <HBarChart
      id={props.id}
      summary="Score by skill area"
      bars={bars}
      max={100}
      mark={props.passMark === null ? null : { value: props.passMark, label: `pass ${props.passMark}%` }}
    />
  );
}

/**
 * The score distribution of finished candidates: one bar per 10-point bin, heights relative to
 * the fullest bin, green wholly above the pass mark, red wholly below, neutral where it straddles.
 */
export function ScoreHistogram(props: { id: string; bins: Bin[]; passMark: number }) {
  const x0 = 34;
  const plotWidth = 450;
  const top = 32;
  const plotHeight = 150;
  const base = top + plotHeight;
  const slot = plotWidth / props.bins.length;
  const maxCount = Math.max(0, ...props.bins.map((b) => b.count));
  const total = props.bins.reduce((sum, b) => sum + b.count, 0);
  const markX = x0 + (props.passMark / 100) * plotWidth;
  const words = props.bins
    .filter((b) => b.count > 0)
    .map((b) => `${b.from}–${b.to}%: ${b.count}`)
    .join('; ');
  return (
    <svg
      class="chart histogram"
      viewBox={`0 0 ${x0 + plotWidth + 16} ${base + 34}`}
      role="img"
      aria-labelledby={`${props.id}-title`}
      id={props.id}
    >
      <title id={`${props.id}-title`}>
        {`Scores of ${total} finished ${total === 1 ? 'candidate' : 'candidates'}, in 10-point bins. ${words || 'No scores yet'}. Pass mark ${props.passMark}%.`}
      </title>
      <line x1={x0} x2={x0 + plotWidth} y1={base} y2={base} class="grid" />
      {props.bins.map((b, i) => {
        const h = maxCount > 0 ? Math.round((b.count / maxCount) * plotHeight) : 0;
        const x = x0 + i * slot + 3;
        const tone = b.from >= props.passMark ? 'bar pass' : b.to <= props.passMark ? 'bar fail' : 'bar';
        return (
          <g>
            <rect
              x={Math.round(x)}
              y={base - h}
              width={Math.round(slot - 6)}
              height={h}
              rx="2"
              class={tone}
              data-bin={String(b.from)}
              data-count={String(b.count)}
            />
            {b.count > 0 ? (
              <text x={Math.round(x + (slot - 6) / 2)} y={base - h - 5} text-anchor="middle" class="bar-value">
                {b.count}
              </text>
            ) : null}
          </g>
        );
      })}
      {props.bins.map((b, i) => (
        <text x={Math.round(x0 + i * slot)} y={base + 16} text-anchor="middle" class="axis-label">
          {b.from}
        </text>
      ))}
      <text x={x0 + plotWidth} y={base + 16} text-anchor="middle" class="axis-label">
        100
      </text>
      <text x={x0 + plotWidth / 2} y={base + 31} text-anchor="middle" class="axis-label">
        score %
      </text>
      <line x1={markX} x2={markX} y1={top - 14} y2={base} class="mark" />
      <text x={markX} y={top - 18} text-anchor="middle" class="axis-label">
        pass {props.passMark}%
      </text>
    </svg>
  );
}

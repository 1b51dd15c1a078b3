/** Latency summaries and a closed-loop driver for saturation runs. */

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of latencies in ms, rounded to 0.1 ms. */
export function summarize(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { count: sorted.length, p50: r(at(50)), p95: r(at(95)), p99: r(at(99)), max: r(at(100)) };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * `connections` workers each send one request after another for `warmupMs + windowMs`; only the
 * window counts. `send(worker)` resolves to true for a success.
 */
export async function closedLoop(
  connections: number,
  warmupMs: number,
  windowMs: number,
  send: (worker: number) => Promise<boolean>,
) {
  const start = performance.now();
  const from = start + warmupMs;
  const until = from + windowMs;
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      while (performance.now() < until) {
        const t = performance.now();
        const ok = await send(worker);
        const done = performance.now();
        if (t < from || done > until) continue;
        if (ok) latencies.push(done - t);
        else errors++;
      }
    }),
  );
  return { perSecond: Math.round(latencies.length / (windowMs / 1000)), errors, latency: summarize(latencies) };
}

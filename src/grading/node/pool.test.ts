import { afterAll, describe, expect, it } from 'vitest';
import type { CodeTask } from '../types';
import { createGradingPool } from './pool';

const pool = createGradingPool({ size: 2, graceMs: 1000 });
afterAll(() => pool.close());

const limits = { timeMs: 500, memoryBytes: 16 << 20 };
const task = (source: string): CodeTask => ({
  kind: 'code',
  source,
  functionName: 'twice',
  tests: [
    { name: 'bomb', args: [1], expected: 2 },
    { name: 'fine', args: [2], expected: 4 },
  ],
  limits,
});

describe('the Node grading pool', () => {
  it('kills a memory bomb past its limit and still grades the next test in a fresh thread', async () => {
    const started = performance.now();
    const grading = await pool.grade(
      task('function twice(n) { if (n === 1) return new Array(1e8) + ""; return n * 2; }'),
    );
    const ms = performance.now() - started;
    expect(grading.results.map((r) => [r.name, r.passed])).toEqual([
      ['bomb', false],
      ['fine', true],
    ]);
    expect(grading.results[0]?.error).toMatch(/limit/);
    expect(grading.passed).toBe(1);
    // Thread start and engine compilation (twice), plus one test's limit and grace: far below the 4-5 s the bomb runs alone.
    expect(ms).toBeLessThan(4500);
  });

  it('keeps the event loop free while threads grade, and queues past its size', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const started = performance.now();
    const gradings = await Promise.all([1, 2, 3].map(() => pool.grade(task('function twice(n) { for (;;) {} }'))));
    clearInterval(timer);
    const ms = performance.now() - started;
    for (const g of gradings)
      expect(g.results.map((r) => r.error)).toEqual(['time limit exceeded', 'time limit exceeded']);
    // Two at once, the third after: at least two rounds of two 500 ms tests.
    expect(ms).toBeGreaterThan(2 * 2 * 500);
    // The timer kept firing: nothing ran on this thread for long.
    expect(ticks).toBeGreaterThan((ms / 20) * 0.5);
  });

  it('grades assertion tests in its threads, and a killed one keeps its snippet for the report', async () => {
    const snippet = 'const xs = [1, 2];\ntwice(xs);\nassertEqual(xs, [1, 2], "twice changed its input");';
    const grading = await pool.grade({
      kind: 'code',
      source: 'function twice(xs) { if (xs.length > 2) return new Array(1e8) + ""; xs.pop(); return xs; }',
      functionName: 'twice',
      tests: [
        { name: 'bomb', snippet: 'twice([1, 2, 3]);' },
        { name: 'input unchanged', snippet },
      ],
      limits,
    });
    expect(grading.results.map((r) => [r.name, r.passed, r.snippet])).toEqual([
      ['bomb', false, 'twice([1, 2, 3]);'],
      ['input unchanged', false, snippet],
    ]);
    expect(grading.results[0]?.error).toMatch(/limit/);
    expect(grading.results[1]?.error).toBe('AssertionError: twice changed its input: expected [1,2], got [1]');
  });
});

/**
 * End-to-end simulations of adaptive sessions: simulated takers with known abilities answer a
 * simulated pool through the real selection, estimation and stopping rules.
 */
import { describe, expect, it } from 'vitest';
import { correlation } from './calibrate';
import { type CatConfig, type CatItem, type CatState, nextItem, shouldStop } from './cat';
import { estimateEAP, probability, type ScoredResponse } from './irt';
import { createRng, type Rng, randomNormal } from './random';

const topics = ['t1', 't2', 't3', 't4', 't5', 't6'];

function makePool(size: number, rng: Rng): CatItem[] {
  return Array.from({ length: size }, (_, i) => ({
    id: `item-${i}`,
    topic: topics[i % topics.length] as string,
    a: 0.7 + 1.3 * rng(),
    b: -2.5 + 5 * rng(),
  }));
}

interface Session {
  theta: number;
  se: number;
  length: number;
  ids: string[];
}

/** One taker through a full session; exposure rates come from the sessions before, as in production. */
function runSession(
  trueTheta: number,
  pool: readonly CatItem[],
  rng: Rng,
  config: Partial<CatConfig> & { exposure?: Record<string, number> },
): Session {
  let state: CatState = { administered: [], theta: 0, se: 1 };
  const responses: ScoredResponse[] = [];
  while (!shouldStop(state, config).stop) {
    const item = nextItem(state, pool, rng, config);
    if (item === null) break;
    const score = rng() < probability(trueTheta, item) ? 1 : 0;
    responses.push({ a: item.a, b: item.b, score });
    const estimate = estimateEAP(responses);
    state = { administered: [...state.administered, { id: item.id, topic: item.topic }], ...estimate };
  }
  return {
    theta: state.theta,
    se: state.se,
    length: state.administered.length,
    ids: state.administered.map((a) => a.id),
  };
}

function runMany(
  takers: number,
  pool: readonly CatItem[],
  seed: string,
  config: Partial<CatConfig>,
  controlExposure: boolean,
) {
  const rng = createRng(seed);
  const used = new Map<string, number>();
  const sessions: (Session & { trueTheta: number })[] = [];
  for (let k = 0; k < takers; k++) {
    const trueTheta = randomNormal(rng);
    // Rates are only meaningful after a few sessions; before that every item counts as unexposed.
    const exposure =
      controlExposure && k >= 20 ? Object.fromEntries([...used].map(([id, count]) => [id, count / k])) : undefined;
    const session = runSession(trueTheta, pool, rng, exposure ? { ...config, exposure } : config);
    for (const id of session.ids) used.set(id, (used.get(id) ?? 0) + 1);
    sessions.push({ ...session, trueTheta });
  }
  const maxRate = Math.max(...used.values()) / takers;
  return { sessions, maxRate, itemsUsed: used.size };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('adaptive test simulation', () => {
  it('recovers ability: 300 takers, 300 items, 6 topics, min 15, max 25, se 0.35', () => {
    const pool = makePool(300, createRng('sim-pool'));
    const config = { minLength: 15, maxLength: 25, seTarget: 0.35 };
    const { sessions, maxRate, itemsUsed } = runMany(300, pool, 'sim-takers', config, true);
    const r = correlation(
      sessions.map((s) => s.theta),
      sessions.map((s) => s.trueTheta),
    ) as number;
    const meanSe = mean(sessions.map((s) => s.se));
    const meanLength = mean(sessions.map((s) => s.length));
    const bias = mean(sessions.map((s) => s.theta - s.trueTheta));
    console.log(
      `CAT simulation: correlation ${r.toFixed(3)}, mean SE ${meanSe.toFixed(3)}, mean length ${meanLength.toFixed(1)}, ` +
        `bias ${bias.toFixed(3)}, max exposure ${maxRate.toFixed(3)}, items used ${itemsUsed}/300`,
    );
    expect(r).toBeGreaterThanOrEqual(0.85);
    expect(meanSe).toBeLessThanOrEqual(0.45);
    expect(Math.abs(bias)).toBeLessThan(0.1);
    for (const s of sessions) {
      expect(s.length).toBeGreaterThanOrEqual(15);
      expect(s.length).toBeLessThanOrEqual(25);
    }
  });

  it('spreads exposure: randomesque selection with exposure feedback bounds the most-used item', () => {
    const pool = makePool(300, createRng('exp-pool'));
    const config = { minLength: 20, maxLength: 20 };
    const greedy = runMany(400, pool, 'exp-takers', { ...config, randomesque: 1 }, false);
    const controlled = runMany(400, pool, 'exp-takers', { ...config, randomesque: 5, maxExposure: 0.25 }, true);
    console.log(
      `Exposure: greedy max rate ${greedy.maxRate.toFixed(3)} over ${greedy.itemsUsed} items; ` +
        `controlled max rate ${controlled.maxRate.toFixed(3)} over ${controlled.itemsUsed} items`,
    );
    expect(controlled.maxRate).toBeLessThanOrEqual(0.3);
    expect(controlled.maxRate).toBeLessThan(greedy.maxRate);
    expect(controlled.itemsUsed).toBeGreaterThan(greedy.itemsUsed);
  });
});

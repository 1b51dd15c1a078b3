import { describe, expect, it } from 'vitest';
import { type CatItem, type CatState, nextItem, shouldStop } from './cat';
import { createRng } from './random';

const topics = ['sql', 'postgresql', 'mysql', 'mongodb', 'redis', 'transactions'];

/** 10 items per topic with b spread from −2.25 to 2.25 and a from 0.8 to 1.7. */
const pool: CatItem[] = topics.flatMap((topic, t) =>
  Array.from({ length: 10 }, (_, i) => ({
    id: `${topic}-${i}`,
    topic,
    a: 0.8 + ((i + t) % 10) * 0.1,
    b: -2.25 + i * 0.5,
  })),
);
const byId = new Map(pool.map((item) => [item.id, item]));

const state = (ids: string[], theta = 0, se = 1): CatState => ({
  administered: ids.map((id) => ({ id, topic: byId.get(id)?.topic ?? 'other' })),
  theta,
  se,
});

describe('shouldStop', () => {
  const at = (n: number, se: number) => shouldStop({ administered: new Array(n).fill({ id: 'x', topic: 't' }), se });

  it('never stops before the minimum length, even with a tiny error', () => {
    expect(at(0, 0.01)).toEqual({ stop: false, reason: null });
    expect(at(14, 0.1)).toEqual({ stop: false, reason: null });
  });

  it('stops from the minimum length once se reaches the target, inclusive', () => {
    expect(at(15, 0.35)).toEqual({ stop: true, reason: 'se-target' });
    expect(at(15, 0.3501)).toEqual({ stop: false, reason: null });
    expect(at(24, 0.5)).toEqual({ stop: false, reason: null });
  });

  it('always stops at the maximum length', () => {
    expect(at(25, 0.9)).toEqual({ stop: true, reason: 'max-length' });
    expect(at(30, 0.2)).toEqual({ stop: true, reason: 'max-length' });
  });

  it('reads its boundaries from the configuration', () => {
    const config = { minLength: 5, maxLength: 8, seTarget: 0.5 };
    const s = (n: number, se: number) =>
      shouldStop({ administered: new Array(n).fill({ id: 'x', topic: 't' }), se }, config);
    expect(s(4, 0.2).stop).toBe(false);
    expect(s(5, 0.5)).toEqual({ stop: true, reason: 'se-target' });
    expect(s(8, 0.9)).toEqual({ stop: true, reason: 'max-length' });
  });
});

describe('nextItem', () => {
  it('starts near b = 0 for the average taker', () => {
    const rng = createRng('first');
    for (let i = 0; i < 50; i++) {
      const first = nextItem(state([]), pool, rng, { randomesque: 2 }) as CatItem;
      expect(Math.abs(first.b)).toBeLessThanOrEqual(0.25);
    }
  });

  it('takes the most informative item at the current theta when randomesque is 1', () => {
    const rng = createRng('info');
    const given = topics.map((t) => `${t}-0`);
    const next = nextItem(state(given, 1.3, 0.5), pool, rng, { randomesque: 1 }) as CatItem;
    // Candidates near b = 1.3 are b = 1.25 (i = 7) in every topic; the most discriminating wins.
    expect(next.b).toBe(1.25);
  });

  it('never repeats an item and returns null when the pool is used up', () => {
    const rng = createRng('exhaust');
    let s = state([]);
    const seen = new Set<string>();
    for (let i = 0; i < pool.length; i++) {
      const item = nextItem(s, pool, rng) as CatItem;
      expect(seen.has(item.id)).toBe(false);
      seen.add(item.id);
      s = { ...s, administered: [...s.administered, { id: item.id, topic: item.topic }] };
    }
    expect(nextItem(s, pool, rng)).toBeNull();
  });

  it('keeps topics within one item of each other through a session', () => {
    const rng = createRng('balance');
    let s = state([]);
    for (let n = 1; n <= 24; n++) {
      const item = nextItem(s, pool, rng) as CatItem;
      s = { ...s, administered: [...s.administered, { id: item.id, topic: item.topic }], theta: (n % 5) - 2 };
      const counts = topics.map((t) => s.administered.filter((a) => a.topic === t).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    for (const t of topics) expect(s.administered.filter((a) => a.topic === t)).toHaveLength(4);
  });

  it('follows unequal topic targets', () => {
    const rng = createRng('targets');
    const topicTargets = { sql: 0.5, redis: 0.25, mongodb: 0.25 };
    let s = state([]);
    for (let n = 0; n < 20; n++) {
      const item = nextItem(s, pool, rng, { topicTargets }) as CatItem;
      s = { ...s, administered: [...s.administered, { id: item.id, topic: item.topic }] };
    }
    const count = (t: string) => s.administered.filter((a) => a.topic === t).length;
    expect([count('sql'), count('redis'), count('mongodb')]).toEqual([10, 5, 5]);
  });

  it('avoids items this person saw before while fresh ones remain', () => {
    const rng = createRng('avoid');
    const avoid = new Set(pool.filter((item) => item.id !== 'redis-9').map((item) => item.id));
    expect(nextItem(state([]), pool, rng, { avoid })?.id).toBe('redis-9');
    // With every item avoided, the test still goes on.
    expect(nextItem(state([]), pool, rng, { avoid: pool.map((item) => item.id) })).not.toBeNull();
  });

  it('skips over-exposed items while the topic has others', () => {
    const rng = createRng('exposure');
    const exposure = Object.fromEntries(pool.map((item) => [item.id, item.b > -1 && item.b < 1 ? 0.9 : 0.1]));
    for (let i = 0; i < 30; i++) {
      const item = nextItem(state([]), pool, rng, { exposure }) as CatItem;
      expect(item.b <= -1 || item.b >= 1).toBe(true);
    }
    const allHot = Object.fromEntries(pool.map((item) => [item.id, 0.9]));
    expect(nextItem(state([]), pool, rng, { exposure: allHot })).not.toBeNull();
  });

  it('is deterministic for the same rng seed', () => {
    const run = (seed: string) => {
      const rng = createRng(seed);
      let s = state([]);
      for (let n = 0; n < 10; n++) {
        const item = nextItem(s, pool, rng) as CatItem;
        s = { ...s, administered: [...s.administered, { id: item.id, topic: item.topic }] };
      }
      return s.administered.map((a) => a.id);
    };
    expect(run('same')).toEqual(run('same'));
    expect(run('same')).not.toEqual(run('other'));
  });
});

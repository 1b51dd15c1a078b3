import { describe, expect, it } from 'vitest';
import type { Blueprint } from './blueprint';
import { bandOf } from './blueprint';
import { type DrawItem, drawQuestions, optionOrderFor, planBands } from './draw';
import type { QuestionType } from './question';

const types: QuestionType[] = ['single', 'multiple', 'truefalse', 'text', 'numeric', 'ordering'];

/** `perTopic` questions of every difficulty 1-5 in each topic, types in rotation. */
function makePool(area: string, topics: string[], perDifficulty: number): DrawItem[] {
  const pool: DrawItem[] = [];
  let k = 0;
  for (const topic of topics) {
    for (const difficulty of [1, 2, 3, 4, 5] as const) {
      for (let i = 0; i < perDifficulty; i++) {
        const type = types[k++ % types.length] as QuestionType;
        pool.push({
          id: `${topic}-d${difficulty}-${i}`,
          area,
          topic,
          type,
          difficulty,
          optionIds: type === 'truefalse' || type === 'text' || type === 'numeric' ? [] : ['a', 'b', 'c', 'd'],
        });
      }
    }
  }
  return pool;
}

const pool = [
  ...makePool('databases', ['sql', 'postgresql', 'redis'], 3),
  ...makePool('security', ['xss', 'csrf', 'tls', 'sql-injection'], 2),
];
const byId = new Map(pool.map((item) => [item.id, item]));
const blueprint: Blueprint = {
  sections: [
    { area: 'databases', count: 12 },
    { area: 'security', count: 8 },
  ],
};

describe('drawQuestions', () => {
  it('draws the same list for the same seed, whatever order the pool arrives in', () => {
    const first = drawQuestions(pool, blueprint, 'seed-1');
    expect(drawQuestions([...pool].reverse(), blueprint, 'seed-1')).toEqual(first);
    expect(drawQuestions(pool, blueprint, 'seed-2')).not.toEqual(first);
  });

  it('takes exactly the count of each area, without repeats', () => {
    const drawn = drawQuestions(pool, blueprint, 'counts');
    const ids = drawn.map((d) => d.questionId);
    expect(new Set(ids).size).toBe(20);
    expect(ids.filter((id) => byId.get(id)?.area === 'databases')).toHaveLength(12);
    expect(ids.filter((id) => byId.get(id)?.area === 'security')).toHaveLength(8);
  });

  it('follows the difficulty mix: 12 at 1:2:1 is 3 easy, 6 medium, 3 hard', () => {
    for (const seed of ['m1', 'm2', 'm3']) {
      const bands = drawQuestions(pool, blueprint, seed)
        .map((d) => byId.get(d.questionId) as DrawItem)
        .filter((item) => item.area === 'databases')
        .map((item) => bandOf(item.difficulty));
      expect(bands.filter((b) => b === 'easy')).toHaveLength(3);
      expect(bands.filter((b) => b === 'medium')).toHaveLength(6);
      expect(bands.filter((b) => b === 'hard')).toHaveLength(3);
    }
  });

  it('spreads topics evenly: 8 security questions over 4 topics is 2 each', () => {
    for (const seed of ['t1', 't2', 't3', 't4']) {
      const topics = drawQuestions(pool, blueprint, seed)
        .map((d) => byId.get(d.questionId) as DrawItem)
        .filter((item) => item.area === 'security')
        .map((item) => item.topic);
      for (const topic of ['xss', 'csrf', 'tls', 'sql-injection']) {
        expect(topics.filter((t) => t === topic)).toHaveLength(2);
      }
    }
  });

  it('keeps sections in blueprint order when questions are not shuffled, and mixes them when they are', () => {
    const areas = (seed: string, shuffleQuestions: boolean) =>
      drawQuestions(pool, blueprint, seed, { shuffleQuestions }).map((d) => byId.get(d.questionId)?.area);
    expect(areas('o', false)).toEqual([...new Array(12).fill('databases'), ...new Array(8).fill('security')]);
    expect(areas('o', true)).not.toEqual(areas('o', false));
    // Shuffling the order does not change which questions were drawn.
    const sorted = (seed: string, s: boolean) =>
      drawQuestions(pool, blueprint, seed, { shuffleQuestions: s })
        .map((d) => d.questionId)
        .sort();
    expect(sorted('o', true)).toEqual(sorted('o', false));
  });

  it('gives every question of a band a chance over many attempts', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      for (const d of drawQuestions(pool, { sections: [{ area: 'databases', count: 4 }] }, `many-${i}`)) {
        seen.add(d.questionId);
      }
    }
    expect(seen.size).toBe(pool.filter((item) => item.area === 'databases').length);
  });

  it('refuses a blueprint the pool cannot honour', () => {
    expect(() => drawQuestions(pool, { sections: [{ area: 'security', count: 41 }] }, 's')).toThrow(
      /asks for 41 questions but the area has only 40/,
    );
  });

  it('borrows from a neighbouring band when one is short', () => {
    const thin = pool.filter((item) => item.area === 'security' && (item.difficulty < 4 || item.id === 'xss-d5-0'));
    const drawn = drawQuestions(thin, { sections: [{ area: 'security', count: 8 }] }, 'thin');
    const bands = drawn.map((d) => bandOf((byId.get(d.questionId) as DrawItem).difficulty));
    expect(bands.filter((b) => b === 'hard')).toHaveLength(1);
    expect(bands.filter((b) => b === 'medium')).toHaveLength(5);
    expect(bands.filter((b) => b === 'easy')).toHaveLength(2);
  });
});

describe('pinned questions', () => {
  const withPrivate = [...pool, ...makePool('our-collection', ['internal-api'], 1)];
  const pinnedBlueprint: Blueprint = {
    sections: [
      { area: 'databases', count: 6 },
      { area: 'our-collection', count: 3 },
    ],
    pinned: ['redis-d5-2', 'internal-api-d1-0', 'tls-d3-1'],
  };
  const areaOf = (id: string) => withPrivate.find((item) => item.id === id)?.area;

  it('asks every pinned question in every attempt, inside the count of its section', () => {
    for (const seed of ['p1', 'p2', 'p3', 'p4']) {
      const ids = drawQuestions(withPrivate, pinnedBlueprint, seed).map((d) => d.questionId);
      expect(ids).toEqual(expect.arrayContaining(['redis-d5-2', 'internal-api-d1-0', 'tls-d3-1']));
      expect(new Set(ids).size).toBe(ids.length);
      // databases 6 (one pinned), our-collection 3 (one pinned), and security's pinned one on top.
      expect(ids).toHaveLength(10);
      expect(ids.filter((id) => areaOf(id) === 'databases')).toHaveLength(6);
      expect(ids.filter((id) => areaOf(id) === 'our-collection')).toHaveLength(3);
      expect(ids.filter((id) => areaOf(id) === 'security')).toEqual(['tls-d3-1']);
    }
  });

  it('keeps the section’s difficulty mix around a pinned question', () => {
    // 4 at 1:2:1 is 1 easy, 2 medium, 1 hard; two pinned hard ones take medium’s seat, not easy’s.
    const drawn = drawQuestions(
      pool,
      { sections: [{ area: 'databases', count: 4 }], pinned: ['sql-d5-0', 'redis-d4-1'] },
      'mix',
    );
    const bands = drawn.map((d) => bandOf((byId.get(d.questionId) as DrawItem).difficulty));
    expect(bands.filter((b) => b === 'hard')).toHaveLength(2);
    expect(bands.filter((b) => b === 'medium')).toHaveLength(1);
    expect(bands.filter((b) => b === 'easy')).toHaveLength(1);
  });

  it('refuses a pinned question the pool does not hold, naming it', () => {
    expect(() =>
      drawQuestions(pool, { sections: [{ area: 'databases', count: 2 }], pinned: ['someone-elses-question'] }, 's'),
    ).toThrow(/Pinned question someone-elses-question is not an active question/);
  });

  it('draws a blueprint of pinned questions only, in order when not shuffling', () => {
    const drawn = drawQuestions(pool, { sections: [], pinned: ['xss-d1-0', 'sql-d2-1'] }, 'only', {
      shuffleQuestions: false,
    });
    expect(drawn.map((d) => d.questionId)).toEqual(['xss-d1-0', 'sql-d2-1']);
  });
});

describe('exposure', () => {
  const security = pool.filter((item) => item.area === 'security');

  it('prefers the less exposed question among questions of the same band and topic', () => {
    // Every question but one per band and topic has been drawn often: a 12-question draw (3 easy,
    // 6 medium, 3 hard over 4 topics) takes only fresh ones while fresh ones remain.
    const fresh = new Set(security.filter((item) => item.id.endsWith('-0')).map((item) => item.id));
    const exposed = security.map((item) => ({ ...item, exposure: fresh.has(item.id) ? 0 : 40 }));
    for (const seed of ['e1', 'e2', 'e3']) {
      const drawn = drawQuestions(
        exposed,
        { sections: [{ area: 'security', count: 4, mix: { easy: 0, medium: 1, hard: 0 } }] },
        seed,
      );
      for (const d of drawn) expect(fresh.has(d.questionId)).toBe(true);
    }
  });

  it('breaks ties between equally exposed questions by the seed', () => {
    const even = security.map((item) => ({ ...item, exposure: 7 }));
    const draws = new Set(
      Array.from({ length: 20 }, (_, i) =>
        drawQuestions(even, { sections: [{ area: 'security', count: 3 }] }, `tie-${i}`)
          .map((d) => d.questionId)
          .sort()
          .join(),
      ),
    );
    expect(draws.size).toBeGreaterThan(10);
    expect(drawQuestions(even, { sections: [{ area: 'security', count: 3 }] }, 'tie-1')).toEqual(
      drawQuestions([...even].reverse(), { sections: [{ area: 'security', count: 3 }] }, 'tie-1'),
    );
  });
});

describe('planBands', () => {
  it('moves a short band’s deficit to the nearest band with spare questions', () => {
    expect(planBands(8, undefined, { easy: 5, medium: 10, hard: 1 })).toEqual({ easy: 2, medium: 5, hard: 1 });
    expect(planBands(4, undefined, { easy: 0, medium: 2, hard: 5 })).toEqual({ easy: 0, medium: 2, hard: 2 });
  });

  it('splits a short medium band between easy and hard', () => {
    expect(planBands(8, undefined, { easy: 10, medium: 1, hard: 10 })).toEqual({ easy: 4, medium: 1, hard: 3 });
  });

  it('gives a band at least its pinned questions, taking the surplus from the nearest band', () => {
    expect(planBands(4, undefined, { easy: 9, medium: 9, hard: 9 }, { easy: 0, medium: 0, hard: 3 })).toEqual({
      easy: 1,
      medium: 0,
      hard: 3,
    });
    expect(planBands(4, undefined, { easy: 9, medium: 9, hard: 9 }, { easy: 1, medium: 0, hard: 0 })).toEqual({
      easy: 1,
      medium: 2,
      hard: 1,
    });
  });

  it('honours the mix exactly when every band has enough', () => {
    expect(planBands(10, { easy: 0, medium: 1, hard: 1 }, { easy: 9, medium: 9, hard: 9 })).toEqual({
      easy: 0,
      medium: 5,
      hard: 5,
    });
  });
});

describe('option order', () => {
  const item = (type: QuestionType, optionIds: string[]): DrawItem => ({
    id: `q-${type}-${optionIds.length}`,
    area: 'x',
    topic: 'y',
    type,
    difficulty: 3,
    optionIds,
  });

  it('is null for types without options', () => {
    for (const type of ['truefalse', 'text', 'numeric'] as const)
      expect(optionOrderFor(item(type, []), 's')).toBeNull();
  });

  it('is a seeded permutation of the option ids for single and multiple, or file order when not shuffling', () => {
    const single = item('single', ['a', 'b', 'c', 'd', 'e']);
    const order = optionOrderFor(single, 'seed') as string[];
    expect([...order].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(optionOrderFor(single, 'seed')).toEqual(order);
    expect(optionOrderFor(single, 'seed', false)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const orders = new Set(Array.from({ length: 50 }, (_, i) => optionOrderFor(single, `s${i}`)?.join('')));
    expect(orders.size).toBeGreaterThan(30);
  });

  it('never shows an ordering question in its correct order when it has 3 or more items', () => {
    for (const n of [3, 4, 6]) {
      const ordering = item('ordering', ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, n));
      const seen = new Set<string>();
      for (let i = 0; i < 400; i++) {
        const order = optionOrderFor(ordering, `ord-${i}`, false) as string[];
        expect(order.join('')).not.toBe(ordering.optionIds.join(''));
        seen.add(order.join(''));
      }
      // Every other permutation still occurs (3 items: 5 of them).
      if (n === 3) expect(seen.size).toBe(5);
    }
  });

  it('shuffles a two-item ordering freely, since refusing the correct order would give it away', () => {
    const pair = item('ordering', ['a', 'b']);
    const seen = new Set(Array.from({ length: 40 }, (_, i) => optionOrderFor(pair, `p${i}`)?.join('')));
    expect(seen).toEqual(new Set(['ab', 'ba']));
  });

  it('records option orders in the draw', () => {
    for (const d of drawQuestions(pool, blueprint, 'opts')) {
      const q = byId.get(d.questionId) as DrawItem;
      if (q.type === 'truefalse' || q.type === 'text' || q.type === 'numeric') expect(d.optionOrder).toBeNull();
      else expect([...(d.optionOrder ?? [])].sort()).toEqual(q.optionIds);
    }
  });
});

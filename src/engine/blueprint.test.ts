import { describe, expect, it } from 'vitest';
import { apportion, bandOf, questionTotal, validateBlueprint } from './blueprint';

describe('difficulty bands', () => {
  it('maps 1-2 to easy, 3 to medium, 4-5 to hard', () => {
    expect([1, 2, 3, 4, 5].map(bandOf)).toEqual(['easy', 'easy', 'medium', 'hard', 'hard']);
  });

  it('splits a count by the default 1:2:1 mix', () => {
    expect(apportion(8)).toEqual({ easy: 2, medium: 4, hard: 2 });
    expect(apportion(10)).toEqual({ easy: 3, medium: 5, hard: 2 });
    expect(apportion(1)).toEqual({ easy: 0, medium: 1, hard: 0 });
    expect(apportion(3)).toEqual({ easy: 1, medium: 1, hard: 1 });
  });

  it('gives leftover seats by largest remainder and always sums to the count', () => {
    expect(apportion(10, { easy: 1, medium: 1, hard: 1 })).toEqual({ easy: 4, medium: 3, hard: 3 });
    expect(apportion(7, { easy: 0, medium: 3, hard: 1 })).toEqual({ easy: 0, medium: 5, hard: 2 });
    // 1, 1.5, 2.5: the tied halves go to the heavier weight.
    expect(apportion(5, { easy: 2, medium: 3, hard: 5 })).toEqual({ easy: 1, medium: 1, hard: 3 });
    for (let count = 1; count <= 40; count++) {
      const parts = apportion(count, { easy: 3, medium: 5, hard: 2 });
      expect(parts.easy + parts.medium + parts.hard).toBe(count);
    }
  });
});

describe('validateBlueprint', () => {
  const pool = { databases: 40, security: 12 };

  it('accepts a blueprint the pool can honour', () => {
    expect(
      validateBlueprint(
        {
          sections: [
            { area: 'databases', count: 20 },
            { area: 'security', count: 12, mix: { easy: 0, medium: 1, hard: 1 } },
          ],
        },
        pool,
      ),
    ).toEqual([]);
  });

  it('names each problem in words an author can act on', () => {
    expect(validateBlueprint({ sections: [] }, pool)).toEqual([
      'The blueprint has no sections: add at least one skill area.',
    ]);
    const problems = validateBlueprint(
      {
        sections: [
          { area: 'security', count: 13 },
          { area: 'databases', count: 0 },
          { area: 'git', count: 5 },
          { area: 'databases', count: 2.5 },
          { area: ' ', count: 1 },
          { area: 'security', count: 1, mix: { easy: 0, medium: 0, hard: 0 } },
        ],
      },
      pool,
    );
    expect(problems).toEqual([
      'Section 1 (security): asks for 13 questions but the area has only 12.',
      'Section 2 (databases): the question count must be a whole number of at least 1 (got 0).',
      'Section 3 (git): the area has no active questions.',
      'Section 4 (databases): the area appears more than once; merge the sections.',
      'Section 4 (databases): the question count must be a whole number of at least 1 (got 2.5).',
      'Section 5: choose a skill area.',
      'Section 6 (security): the area appears more than once; merge the sections.',
      'Section 6 (security): at least one difficulty weight must be above 0.',
    ]);
  });

  it('refuses negative weights and does not read inherited keys as areas', () => {
    expect(
      validateBlueprint({ sections: [{ area: 'security', count: 2, mix: { easy: -1, medium: 1, hard: 1 } }] }, pool),
    ).toEqual(['Section 1 (security): difficulty weights must be numbers of 0 or more.']);
    expect(validateBlueprint({ sections: [{ area: 'constructor', count: 1 }] }, pool)).toEqual([
      'Section 1 (constructor): the area has no active questions.',
    ]);
  });

  it('checks pinned questions against the questions the organization may use', () => {
    const pinnedSources = { 'db-q1': 'databases', 'ours-q1': 'ours', 'ours-q2': 'ours' };
    expect(
      validateBlueprint(
        { sections: [{ area: 'databases', count: 2 }], pinned: ['db-q1', 'ours-q1'] },
        pool,
        pinnedSources,
      ),
    ).toEqual([]);
    expect(
      validateBlueprint(
        {
          sections: [
            { area: 'databases', count: 1 },
            { area: 'ours', count: 1 },
          ],
          pinned: ['other-org-q', 'db-q1', 'db-q1', 'ours-q1', 'ours-q2'],
        },
        { ...pool, ours: 5 },
        pinnedSources,
      ),
    ).toEqual([
      'Pinned question other-org-q is not an active question of the public bank or of your organization.',
      'Pinned question db-q1 is listed twice.',
      'Section 1 (databases): 2 pinned questions come from this area but it asks for only 1; raise the count.',
      'Section 2 (ours): 2 pinned questions come from this area but it asks for only 1; raise the count.',
    ]);
  });

  it('counts pinned questions outside every section on top of the sections', () => {
    expect(
      questionTotal(
        { sections: [{ area: 'databases', count: 5 }], pinned: ['db-q1', 'sec-q1'] },
        { 'db-q1': 'databases', 'sec-q1': 'security' },
      ),
    ).toBe(6);
    expect(questionTotal({ sections: [{ area: 'databases', count: 5 }] })).toBe(5);
  });
});

import { describe, expect, it } from 'vitest';
import { adverseImpact } from './adverse-impact';

describe('adverseImpact', () => {
  it('divides each pass rate by the highest and flags those under four fifths (by hand)', () => {
    const table = adverseImpact([
      { label: 'Referral', total: 20, passed: 12 }, // 0.60, the highest
      { label: 'Job board', total: 25, passed: 10 }, // 0.40 / 0.60 = 0.667: flagged
      { label: 'Campus', total: 10, passed: 5 }, // 0.50 / 0.60 = 0.833: not flagged
    ]);
    expect(table.reference).toBe('Referral');
    expect(table.groups.map((g) => [g.label, g.rate, g.ratio, g.flagged])).toEqual([
      ['Referral', 0.6, 1, false],
      ['Campus', 0.5, 0.5 / 0.6, false],
      ['Job board', 0.4, 0.4 / 0.6, true],
    ]);
  });

  it('shows a small group without judging it, and never takes it as the reference', () => {
    const table = adverseImpact([
      { label: 'Big', total: 30, passed: 15 },
      { label: 'Tiny', total: 3, passed: 3 }, // 100%, but too few
      { label: 'Small low', total: 4, passed: 0 },
    ]);
    expect(table.reference).toBe('Big');
    const tiny = table.groups.find((g) => g.label === 'Tiny');
    expect(tiny).toMatchObject({ rate: 1, ratio: 2, small: true, flagged: false });
    expect(table.groups.find((g) => g.label === 'Small low')).toMatchObject({ ratio: 0, flagged: false });
  });

  it('has no ratio when no group is large enough or nobody passed, and skips empty groups', () => {
    expect(adverseImpact([{ label: 'A', total: 5, passed: 2 }]).groups[0]?.ratio).toBeNull();
    const none = adverseImpact([
      { label: 'A', total: 12, passed: 0 },
      { label: 'B', total: 0, passed: 0 },
    ]);
    expect(none.groups).toEqual([expect.objectContaining({ label: 'A', ratio: null, flagged: false })]);
  });

  it('takes exactly four fifths as not flagged', () => {
    const table = adverseImpact([
      { label: 'A', total: 10, passed: 5 },
      { label: 'B', total: 10, passed: 4 },
    ]);
    expect(table.groups[1]).toMatchObject({ ratio: 0.8, flagged: false });
  });
});

import { describe, expect, it } from 'vitest';
import { type AssessmentSettings, changesFrozenFields, editableFields, frozenFields, planEdit } from './assessment';

const settings: AssessmentSettings = {
  title: 'Backend',
  description: '',
  blueprint: {
    sections: [
      { area: 'databases', count: 4 },
      { area: 'security', count: 2, mix: { easy: 1, medium: 1, hard: 0 } },
    ],
  },
  timeLimitSeconds: 1800,
  passMark: 60,
  shuffleQuestions: true,
  shuffleOptions: true,
  showAfter: 'thanks',
  opensAt: null,
  closesAt: null,
};

describe('frozen and editable settings', () => {
  it('split every setting into exactly one of the two', () => {
    const all = Object.keys(settings).sort();
    expect([...frozenFields, ...editableFields].sort()).toEqual(all);
  });
});

describe('changesFrozenFields', () => {
  it('ignores editable settings', () => {
    expect(changesFrozenFields(settings, { ...settings, title: 'New', showAfter: 'review', closesAt: 1 })).toBe(false);
  });

  it('sees each frozen setting', () => {
    expect(changesFrozenFields(settings, { ...settings, timeLimitSeconds: 1200 })).toBe(true);
    expect(changesFrozenFields(settings, { ...settings, passMark: 70 })).toBe(true);
    expect(changesFrozenFields(settings, { ...settings, shuffleQuestions: false })).toBe(true);
    expect(changesFrozenFields(settings, { ...settings, shuffleOptions: false })).toBe(true);
    const fewer = { sections: [{ area: 'databases', count: 3 }] };
    expect(changesFrozenFields(settings, { ...settings, blueprint: fewer })).toBe(true);
  });

  it('compares blueprints by content: section order and a written-out default mix are the same blueprint', () => {
    const [databases, security] = settings.blueprint.sections;
    if (!databases || !security) throw new Error('fixture');
    const same = { sections: [security, { ...databases, mix: { easy: 1, medium: 2, hard: 1 } }] };
    expect(changesFrozenFields(settings, { ...settings, blueprint: same })).toBe(false);
    const otherMix = { sections: [security, { ...databases, mix: { easy: 1, medium: 1, hard: 1 } }] };
    expect(changesFrozenFields(settings, { ...settings, blueprint: otherMix })).toBe(true);
  });
});

describe('planEdit', () => {
  it('writes only the editable settings when nothing frozen changed, with or without attempts', () => {
    const next = { ...settings, title: 'Renamed', blueprint: { sections: [...settings.blueprint.sections].reverse() } };
    const plan = planEdit(settings, next, 3);
    expect(plan).toEqual({
      kind: 'in-place',
      changes: { title: 'Renamed', description: '', showAfter: 'thanks', opensAt: null, closesAt: null },
      onlyWithoutAttempts: false,
    });
  });

  it('writes a frozen change in place while nobody started, on condition that still nobody has', () => {
    const next = { ...settings, passMark: 75 };
    expect(planEdit(settings, next, 0)).toEqual({ kind: 'in-place', changes: next, onlyWithoutAttempts: true });
  });

  it('makes a frozen change after a start into a new version', () => {
    expect(planEdit(settings, { ...settings, passMark: 75 }, 1)).toEqual({ kind: 'new-version' });
  });
});

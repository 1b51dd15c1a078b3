import { describe, expect, it } from 'vitest';
import { checkGroupLabel, maxGroupLabel } from './group-label';

describe('checkGroupLabel', () => {
  it('keeps a label with its whitespace folded, and empty means remove', () => {
    expect(checkGroupLabel('  Job \t  board ')).toEqual({ ok: true, label: 'Job board' });
    expect(checkGroupLabel('Zürich – Büro 2')).toEqual({ ok: true, label: 'Zürich – Büro 2' });
    expect(checkGroupLabel('   ')).toEqual({ ok: true, label: null });
    expect(checkGroupLabel('x'.repeat(maxGroupLabel))).toEqual({ ok: true, label: 'x'.repeat(maxGroupLabel) });
  });

  it('refuses a label that is too long, saying how long it is', () => {
    const checked = checkGroupLabel('x'.repeat(maxGroupLabel + 1));
    expect(checked).toEqual({
      ok: false,
      error: `Keep the group label to 60 characters (this one has 61), for example "Referral" or "Berlin".`,
    });
  });

  it('refuses control and invisible characters, which would split one group in two', () => {
    for (const raw of ['Refer\u0000ral', 'Refer\u200Bral', 'Berlin\u202E', 'a\u007Fb']) {
      expect(checkGroupLabel(raw)).toMatchObject({ ok: false, error: expect.stringContaining('invisible character') });
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { AssessmentSettings } from '../engine/assessment';
import { type AreaChoice, blankValues, parseUtc, readAssessmentForm, valuesOf } from './assessment-form';

const now = Date.UTC(2026, 10, 23, 9, 0, 0);
const areas: AreaChoice[] = [
  { id: 'databases', title: 'Databases', byBand: { easy: 4, medium: 6, hard: 4 } },
  { id: 'security', title: 'Security', byBand: { easy: 2, medium: 2, hard: 0 } },
];

/** What the browser posts for a filled form; `fields` overrides or adds. */
function post(fields: Record<string, string> = {}) {
  return {
    title: 'Backend screen',
    description: 'Line one\r\nLine two',
    count_databases: '4',
    easy_databases: '1',
    medium_databases: '2',
    hard_databases: '1',
    count_security: '0',
    easy_security: '1',
    medium_security: '2',
    hard_security: '1',
    timeLimitMinutes: '30',
    passMark: '60',
    shuffleQuestions: '1',
    showAfter: 'score',
    opensAt: '',
    closesAt: '',
    ...fields,
  };
}

describe('readAssessmentForm', () => {
  it('reads a good form into settings, with each candidate’s split per area', () => {
    const read = readAssessmentForm(post({ closesAt: '2026-12-15T18:00' }), areas, now);
    expect(read.errors).toEqual({});
    expect(read.settings).toEqual({
      title: 'Backend screen',
      description: 'Line one\nLine two',
      blueprint: { sections: [{ area: 'databases', count: 4, mix: { easy: 1, medium: 2, hard: 1 } }] },
      timeLimitSeconds: 1800,
      passMark: 60,
      shuffleQuestions: true,
      shuffleOptions: false,
      showAfter: 'score',
      opensAt: null,
      closesAt: Date.UTC(2026, 11, 15, 18, 0),
    } satisfies AssessmentSettings);
    expect(read.plans).toEqual({ databases: { easy: 1, medium: 2, hard: 1 } });
  });

  it('gives one message per field and no settings, keeping what was typed', () => {
    const read = readAssessmentForm(
      post({ title: '', count_databases: 'four', timeLimitMinutes: '0', passMark: '101', showAfter: 'everything' }),
      areas,
      now,
    );
    expect(read.settings).toBeNull();
    expect(Object.keys(read.errors).sort()).toEqual([
      'count_databases',
      'passMark',
      'showAfter',
      'timeLimitMinutes',
      'title',
    ]);
    expect(read.values.rows.find((r) => r.area === 'databases')?.count).toBe('four');
  });

  it('refuses more questions than an area has, and a mix with no weight', () => {
    const read = readAssessmentForm(
      post({ count_security: '5', easy_databases: '0', medium_databases: '0', hard_databases: '0' }),
      areas,
      now,
    );
    expect(read.errors.count_security).toBe('Security: asks for 5 questions but the area has only 4 active questions.');
    expect(read.errors.mix_databases).toBe('Databases: give at least one difficulty a weight above 0.');
  });

  it('asks for at least one question', () => {
    const read = readAssessmentForm(post({ count_databases: '0' }), areas, now);
    expect(read.errors.blueprint).toMatch(/^Choose at least one question/);
  });

  it('holds an assessment to 200 questions', () => {
    const big: AreaChoice = { id: 'languages', title: 'Languages', byBand: { easy: 100, medium: 100, hard: 100 } };
    const read = readAssessmentForm(
      post({ count_languages: '199', easy_languages: '1', medium_languages: '2', hard_languages: '1' }),
      [...areas, big],
      now,
    );
    expect(read.settings).toBeNull();
    expect(read.errors.blueprint).toBe('An assessment has at most 200 questions; this one asks for 203.');
  });

  it('refuses a closing time that passed, unless it is the one already saved', () => {
    const past = '2026-11-01T09:00';
    expect(readAssessmentForm(post({ closesAt: past }), areas, now).errors.closesAt).toMatch(/already passed/);
    const previous = { closesAt: Date.UTC(2026, 10, 1, 9, 0) };
    expect(readAssessmentForm(post({ closesAt: past }), areas, now, previous).errors.closesAt).toBeUndefined();
  });

  it('wants the closing time after the opening time', () => {
    const read = readAssessmentForm(post({ opensAt: '2026-12-02T09:00', closesAt: '2026-12-01T09:00' }), areas, now);
    expect(read.errors.closesAt).toBe('The closing time must be after the opening time.');
  });
});

describe('form values', () => {
  it('offer every area, left-out ones at 0 questions in the default 1 : 2 : 1 mix', () => {
    expect(blankValues(areas).rows).toEqual([
      { area: 'databases', count: '0', easy: '1', medium: '2', hard: '1' },
      { area: 'security', count: '0', easy: '1', medium: '2', hard: '1' },
    ]);
  });

  it('show an assessment as it was saved, a section without a mix in the default mix', () => {
    const settings = readAssessmentForm(
      post({ count_security: '2', easy_security: '1', medium_security: '1', hard_security: '0' }),
      areas,
      now,
    ).settings;
    if (!settings) throw new Error('the fixture form is valid');
    const values = valuesOf(
      {
        ...settings,
        blueprint: { sections: [{ area: 'databases', count: 3 }, ...settings.blueprint.sections.slice(1)] },
      },
      areas,
    );
    expect(values.rows).toEqual([
      { area: 'databases', count: '3', easy: '1', medium: '2', hard: '1' },
      { area: 'security', count: '2', easy: '1', medium: '1', hard: '0' },
    ]);
    expect(values.timeLimitMinutes).toBe('30');
    expect(values.description).toBe('Line one\nLine two');
  });

  it('read back unchanged', () => {
    const first = readAssessmentForm(post({ closesAt: '2026-12-15T18:00' }), areas, now).settings;
    if (!first) throw new Error('the fixture form is valid');
    const values = valuesOf(first, areas);
    const again = readAssessmentForm(
      {
        ...Object.fromEntries(
          values.rows.flatMap((r) => [
            [`count_${r.area}`, r.count],
            [`easy_${r.area}`, r.easy],
            [`medium_${r.area}`, r.medium],
            [`hard_${r.area}`, r.hard],
          ]),
        ),
        title: values.title,
        description: values.description,
        timeLimitMinutes: values.timeLimitMinutes,
        passMark: values.passMark,
        shuffleQuestions: values.shuffleQuestions ? '1' : '0',
        shuffleOptions: values.shuffleOptions ? '1' : '0',
        showAfter: values.showAfter,
        opensAt: values.opensAt,
        closesAt: values.closesAt,
      },
      areas,
      now,
    ).settings;
    expect(again).toEqual(first);
  });
});

describe('parseUtc', () => {
  it('reads the form’s UTC date-times and refuses dates that do not exist', () => {
    expect(parseUtc('2026-12-01T09:00')).toBe(Date.UTC(2026, 11, 1, 9, 0));
    expect(parseUtc('2026-12-01T09:00:30')).toBe(Date.UTC(2026, 11, 1, 9, 0, 30));
    expect(parseUtc('2026-02-30T09:00')).toBeNull();
    expect(parseUtc('2026-12-01 09:00')).toBeNull();
    expect(parseUtc('tomorrow')).toBeNull();
  });
});

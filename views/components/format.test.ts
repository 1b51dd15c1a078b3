import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatMinutes,
  formatPercent,
  formatShare,
  formatTime,
  isoDateTime,
  ordinal,
  plural,
} from './format';

describe('format', () => {
  it('writes English ordinals, 11th to 13th included', () => {
    expect([0, 1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 62, 100, 101, 111, 112].map(ordinal)).toEqual([
      '0th',
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '62nd',
      '100th',
      '101st',
      '111th',
      '112th',
    ]);
  });

  it('counts with the right noun', () => {
    expect(plural(1, 'question')).toBe('1 question');
    expect(plural(0, 'question')).toBe('0 questions');
    expect(plural(2, 'person', 'people')).toBe('2 people');
  });

  it('writes percentages to a tenth and shares as whole percentages', () => {
    expect(formatPercent(72)).toBe('72%');
    expect(formatPercent(72.46)).toBe('72.5%');
    expect(formatPercent(33.3)).toBe('33.3%');
    expect(formatShare(0.724)).toBe('72%');
    expect(formatShare(1)).toBe('100%');
  });

  it('writes durations as a clock, hours only when there are some', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(65.9)).toBe('01:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(-5)).toBe('00:00');
    expect(formatMinutes(60)).toBe('1 minute');
    expect(formatMinutes(1790)).toBe('30 minutes');
  });

  it('writes dates and times in UTC', () => {
    const at = Date.UTC(2025, 2, 14, 9, 26, 53);
    expect(formatDateTime(at)).toBe('2025-03-14 09:26 UTC');
    expect(formatDate(at)).toBe('2025-03-14');
    expect(formatTime(at)).toBe('09:26:53 UTC');
    expect(isoDateTime(at)).toBe('2025-03-14T09:26:53.000Z');
  });
});

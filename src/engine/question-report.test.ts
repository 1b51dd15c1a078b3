import { describe, expect, it } from 'vitest';
import { checkReport, maxReportBody, reportReasonLabels, reportReasons } from './question-report';

describe('checkReport', () => {
  it('takes a listed reason with optional words, trimmed and with one kind of line ending', () => {
    expect(checkReport('several_right', '  B and C both work.\r\nSee RFC 9110. ')).toEqual({
      ok: true,
      reason: 'several_right',
      body: 'B and C both work.\nSee RFC 9110.',
    });
    expect(checkReport('unclear', undefined)).toEqual({ ok: true, reason: 'unclear', body: '' });
  });

  it('refuses a missing or unknown reason with a message', () => {
    expect(checkReport(undefined, 'x')).toEqual({ ok: false, error: 'Choose what is wrong with the question.' });
    expect(checkReport('the_key', 'x')).toEqual({ ok: false, error: 'Choose one of the listed reasons.' });
    expect(checkReport('toString', '')).toMatchObject({ ok: false });
  });

  it('refuses a text over the limit, counting after trimming', () => {
    expect(checkReport('other', `  ${'a'.repeat(maxReportBody)}  `)).toMatchObject({ ok: true });
    const long = checkReport('other', 'a'.repeat(maxReportBody + 1));
    expect(long).toEqual({ ok: false, error: `Keep the details to 1000 characters (this text has 1001).` });
  });

  it('asks for words with "something else"', () => {
    expect(checkReport('other', '   ')).toEqual({ ok: false, error: 'Say in a few words what is wrong.' });
  });

  it('labels every reason', () => {
    expect(Object.keys(reportReasonLabels)).toEqual([...reportReasons]);
  });
});

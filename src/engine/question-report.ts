/**
 * What a candidate may say about a question during a test: a reason from a closed list and a
 * short free text. Pure: the route reads the form, this decides whether it is a report.
 */
export const reportReasons = ['code_wrong', 'several_right', 'none_right', 'unclear', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

/** How each reason reads to the candidate and to the author. */
export const reportReasonLabels: Record<ReportReason, string> = {
  code_wrong: 'The code does not compile or is wrong',
  several_right: 'More than one answer is right',
  none_right: 'No answer is right',
  unclear: 'The question is unclear',
  other: 'Something else',
};

/** The longest free text a report keeps, in characters (about a paragraph). */
export const maxReportBody = 1000;

export function isReportReason(value: string): value is ReportReason {
  return (reportReasons as readonly string[]).includes(value);
}

export type CheckedReport = { ok: true; reason: ReportReason; body: string } | { ok: false; error: string };

/**
 * A report from the form's fields, or a message the candidate can act on. "Something else" needs
 * words, since the reason alone says nothing; the text is trimmed and line endings normalized.
 */
export function checkReport(reason: string | undefined, body: string | undefined): CheckedReport {
  if (reason === undefined || reason === '') return { ok: false, error: 'Choose what is wrong with the question.' };
  if (!isReportReason(reason)) return { ok: false, error: 'Choose one of the listed reasons.' };
  const text = (body ?? '').replace(/\r\n?/g, '\n').trim();
  if (text.length > maxReportBody) {
    return {
      ok: false,
      error: `Keep the details to ${maxReportBody} characters (this text has ${text.length}).`,
    };
  }
  if (reason === 'other' && text === '') return { ok: false, error: 'Say in a few words what is wrong.' };
  return { ok: true, reason, body: text };
}

/** One report as the workspace lists it. */
export interface QueuedReport {
  id: string;
  questionId: string;
  questionVersion: number;
  attemptId: string;
  candidateName: string | null;
  reason: ReportReason;
  body: string;
  status: 'open' | 'resolved';
  resolution: string | null;
  resolvedAt: number | null;
  resolvedByName: string | null;
  createdAt: number;
}

import { describe, expect, it } from 'vitest';
import type { QueuedReport } from '../engine/question-report';
import { groupReports } from './question-queue';

const report = (questionId: string, status: 'open' | 'resolved', createdAt: number, reason: QueuedReport['reason']) =>
  ({
    id: `${questionId}-${createdAt}`,
    questionId,
    questionVersion: 1,
    attemptId: 'x',
    candidateName: null,
    reason,
    body: '',
    status,
    resolution: null,
    resolvedAt: null,
    resolvedByName: null,
    createdAt,
  }) satisfies QueuedReport;

describe('groupReports', () => {
  it('counts per question, lists each reason once, and puts open questions first, newest first', () => {
    const groups = groupReports([
      report('q-old-open', 'open', 10, 'unclear'),
      report('q-resolved', 'resolved', 50, 'none_right'),
      report('q-new-open', 'open', 30, 'several_right'),
      report('q-new-open', 'resolved', 20, 'several_right'),
      report('q-new-open', 'open', 25, 'code_wrong'),
    ]);
    expect(groups).toEqual([
      { questionId: 'q-new-open', open: 2, total: 3, latestAt: 30, reasons: ['several_right', 'code_wrong'] },
      { questionId: 'q-old-open', open: 1, total: 1, latestAt: 10, reasons: ['unclear'] },
      { questionId: 'q-resolved', open: 0, total: 1, latestAt: 50, reasons: ['none_right'] },
    ]);
  });
});

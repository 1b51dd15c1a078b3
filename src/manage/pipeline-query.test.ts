import { describe, expect, it } from 'vitest';
import type { CandidateRecord } from '../db/reports';
import { type CandidateRow, candidateRows, candidateStatus, scoresOf } from './candidates';
import { applyPipelineQuery, defaultQuery, parsePipelineQuery, queryParams } from './pipeline-query';

const now = 1_000_000;

function record(name: string, over: Partial<CandidateRecord> = {}): CandidateRecord {
  return {
    invitationId: `inv-${name}`,
    candidateName: name,
    candidateEmail: `${name.toLowerCase()}@example.com`,
    invitationStatus: 'invited',
    invitedAt: 0,
    expiresAt: now + 1,
    extraSeconds: 0,
    assessmentId: 'a1',
    assessmentTitle: 'Test',
    assessmentVersion: 1,
    timeLimitSeconds: 600,
    passMark: 60,
    attemptId: null,
    state: null,
    startedAt: null,
    deadlineAt: null,
    submittedAt: null,
    scorePercent: null,
    passed: null,
    result: null,
    itemCount: 0,
    events: {},
    decision: null,
    ...over,
  };
}

const done = (name: string, score: number, seconds: number): CandidateRecord =>
  record(name, {
    attemptId: `att-${name}`,
    state: 'submitted',
    startedAt: 0,
    deadlineAt: 600_000,
    submittedAt: seconds * 1000,
    scorePercent: score,
    passed: score >= 60,
    itemCount: 10,
  });

function rows(): CandidateRow[] {
  const records = [
    done('Cy', 80, 300),
    done('Al', 40, 500),
    done('Bo', 80, 200),
    record('Di'),
    record('Ed', { expiresAt: 5 }),
  ];
  return candidateRows(records, scoresOf(records), now);
}

describe('candidateStatus', () => {
  it('reads the attempt first, then withdrawal, expiry and opening', () => {
    expect(candidateStatus({ state: 'expired', invitationStatus: 'started', expiresAt: 0 }, now)).toBe('completed');
    expect(candidateStatus({ state: 'in_progress', invitationStatus: 'started', expiresAt: 0 }, now)).toBe('started');
    expect(candidateStatus({ state: null, invitationStatus: 'revoked', expiresAt: now + 1 }, now)).toBe('revoked');
    expect(candidateStatus({ state: null, invitationStatus: 'opened', expiresAt: now - 1 }, now)).toBe('expired');
    expect(candidateStatus({ state: null, invitationStatus: 'opened', expiresAt: now + 1 }, now)).toBe('opened');
  });
});

describe('candidateRows', () => {
  it('ranks each finished candidate against the others (ties count half) and times the attempt', () => {
    const byName = Object.fromEntries(rows().map((r) => [r.candidateName, r]));
    expect(byName.Cy?.percentile).toBe(75);
    expect(byName.Al?.percentile).toBe(0);
    expect(byName.Di?.percentile).toBeNull();
    expect(byName.Bo?.timeUsedSeconds).toBe(200);
    expect(byName.Ed?.status).toBe('expired');
  });
});

describe('parsePipelineQuery', () => {
  it('defaults to score, best first, and refuses what it does not know', () => {
    expect(parsePipelineQuery({}, [])).toEqual({ ok: true, query: defaultQuery });
    expect(parsePipelineQuery({ sort: 'name' }, [])).toMatchObject({ ok: true, query: { sort: 'name', dir: 'asc' } });
    expect(parsePipelineQuery({ sort: 'area:beta', dir: 'asc' }, ['beta'])).toMatchObject({ ok: true });
    expect(parsePipelineQuery({ sort: 'area:gamma' }, ['beta']).ok).toBe(false);
    expect(parsePipelineQuery({ dir: 'up' }, []).ok).toBe(false);
    expect(parsePipelineQuery({ status: 'hired' }, []).ok).toBe(false);
    expect(parsePipelineQuery({ q: 'x'.repeat(101) }, []).ok).toBe(false);
  });
});

describe('applyPipelineQuery', () => {
  it('sorts with ties by name and rows without a value last in either direction', () => {
    const names = (q: Partial<typeof defaultQuery>) =>
      applyPipelineQuery(rows(), { ...defaultQuery, ...q }).map((r) => r.candidateName);
    expect(names({})).toEqual(['Bo', 'Cy', 'Al', 'Di', 'Ed']);
    expect(names({ dir: 'asc' })).toEqual(['Al', 'Bo', 'Cy', 'Di', 'Ed']);
    expect(names({ sort: 'time', dir: 'asc' })).toEqual(['Bo', 'Cy', 'Al', 'Di', 'Ed']);
    expect(names({ outcome: 'failed' })).toEqual(['Al']);
    expect(names({ status: 'expired' })).toEqual(['Ed']);
    expect(names({ q: 'CY@' })).toEqual(['Cy']);
    expect(names({ decision: 'none', status: 'completed' })).toEqual(['Bo', 'Cy', 'Al']);
  });

  it('writes short links: defaults left out', () => {
    expect(queryParams(defaultQuery).toString()).toBe('');
    expect(queryParams(defaultQuery, { sort: 'name', dir: 'asc', q: 'a b' }).toString()).toBe(
      'q=a+b&sort=name&dir=asc',
    );
  });
});

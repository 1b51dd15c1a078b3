import { describe, expect, it } from 'vitest';
import {
  type InvitationStatus,
  type InviteFacts,
  invitationStatusAt,
  inviteStateAt,
  isPending,
} from './invitation-state';

const now = Date.UTC(2026, 10, 23, 9, 0, 0);
const hour = 3600_000;
const row = (status: InvitationStatus, expiresAt = now + hour) => ({ status, expiresAt });

describe('invitationStatusAt', () => {
  it('reads a pending invitation past its expiry as expired, and live again once extended', () => {
    expect(invitationStatusAt(row('invited', now - 1), now)).toBe('expired');
    expect(invitationStatusAt(row('opened', now - 1), now)).toBe('expired');
    expect(invitationStatusAt(row('opened', now + hour), now)).toBe('opened');
  });

  it('expires after the expiry instant, not at it', () => {
    expect(invitationStatusAt(row('invited', now), now)).toBe('invited');
    expect(invitationStatusAt(row('invited', now), now + 1)).toBe('expired');
  });

  it('keeps started, completed and revoked whatever the expiry', () => {
    for (const status of ['started', 'completed', 'revoked'] as const)
      expect(invitationStatusAt(row(status, now - hour), now)).toBe(status);
  });

  it('lets the attempt decide when the caller has it', () => {
    expect(invitationStatusAt(row('started', now - hour), now, 'expired')).toBe('completed');
    expect(invitationStatusAt(row('started', now - hour), now, 'submitted')).toBe('completed');
    expect(invitationStatusAt(row('started', now - hour), now, 'in_progress')).toBe('started');
    expect(invitationStatusAt(row('revoked', now + hour), now, null)).toBe('revoked');
    expect(invitationStatusAt(row('opened', now - 1), now, null)).toBe('expired');
  });
});

describe('isPending', () => {
  it('is true exactly while nobody started and nobody revoked', () => {
    expect(isPending('invited')).toBe(true);
    expect(isPending('opened')).toBe(true);
    expect(isPending('expired')).toBe(true);
    expect(isPending('started')).toBe(false);
    expect(isPending('completed')).toBe(false);
    expect(isPending('revoked')).toBe(false);
  });
});

describe('inviteStateAt', () => {
  const open: InviteFacts = {
    invitation: row('invited'),
    assessment: { status: 'active', opensAt: null, closesAt: null },
    attemptInProgress: false,
    superseded: false,
  };
  const at = (changes: Partial<InviteFacts>, when = now) => inviteStateAt({ ...open, ...changes }, when);

  it('is ready for an open, live invitation', () => {
    expect(at({})).toBe('ready');
  });

  it('says withdrawn and finished before anything else', () => {
    expect(at({ invitation: row('revoked', now - hour), attemptInProgress: true })).toBe('revoked');
    expect(at({ invitation: row('completed', now - hour) })).toBe('completed');
    expect(at({ invitation: row('started') })).toBe('completed');
  });

  it('resumes a running attempt past the expiry and the closing time', () => {
    const closed = { status: 'archived' as const, opensAt: null, closesAt: now - hour };
    expect(at({ invitation: row('started', now - hour), attemptInProgress: true, assessment: closed })).toBe('resume');
  });

  it('refuses a new start after the expiry, after closing, before opening and on an archived assessment', () => {
    expect(at({ invitation: row('opened', now - 1) })).toBe('expired');
    expect(at({ assessment: { status: 'active', opensAt: null, closesAt: now - 1 } })).toBe('closed');
    expect(at({ assessment: { status: 'active', opensAt: now + 1, closesAt: null } })).toBe('not-open');
    expect(at({ assessment: { status: 'archived', opensAt: null, closesAt: null } })).toBe('closed');
  });

  it('keeps invitations to a version an edit replaced working on that version', () => {
    expect(at({ assessment: { status: 'archived', opensAt: null, closesAt: null }, superseded: true })).toBe('ready');
  });

  it('opens and closes on the instants themselves', () => {
    expect(at({ assessment: { status: 'active', opensAt: now, closesAt: now } })).toBe('ready');
  });
});

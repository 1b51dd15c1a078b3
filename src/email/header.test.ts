import { describe, expect, it } from 'vitest';
import { defaultSettings, type LogEntry } from '../deps';
import { headerValue } from './header';
import { invitationEmail } from './invitation-email';
import { emailSenderFor } from './sender';

const invitation = {
  to: 'ada@example.com',
  candidateName: 'Ada',
  inviterName: 'Dana',
  orgName: 'Acme',
  description: '',
  questionCount: 10,
  timeLimitSeconds: 1200,
  extraSeconds: 0,
  expiresAt: Date.UTC(2026, 11, 24),
  link: 'https://tests.example.com/invite/abc',
};

describe('mail header values', () => {
  it('turn line breaks and other control characters into single spaces', () => {
    expect(headerValue('Backend test\r\nBcc: someone@evil.example')).toBe('Backend test Bcc: someone@evil.example');
    expect(headerValue('a\nb\rc\td\u0000e\u0085f\u2028g')).toBe('a b c d e f g');
    expect(headerValue('  plain   title  ')).toBe('plain title');
    expect(headerValue('Évaluation « backend » 2026')).toBe('Évaluation « backend » 2026');
  });

  it('leave every message single-line in its header fields, whoever built it, and keep the body', async () => {
    const logs: LogEntry[] = [];
    const sender = emailSenderFor({ settings: defaultSettings, log: (e) => logs.push(e) });
    const message = invitationEmail({ ...invitation, title: 'Backend test\r\nBcc: someone@evil.example' });
    expect(message.subject).toContain('\r\n');
    await sender.send({ ...message, to: 'ada@example.com\nCc: other@evil.example' });
    const [sent] = logs;
    expect(sent?.subject).toBe('Acme invites you to take "Backend test Bcc: someone@evil.example"');
    expect(sent?.to).toBe('ada@example.com Cc: other@evil.example');
    expect(String(sent?.text)).toContain('Hello Ada,\n');
  });
});

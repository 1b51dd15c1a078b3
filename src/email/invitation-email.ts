import { formatDateTime, formatMinutes, plural } from '../../views/components/format';
import { escapeHtml } from '../candidate/describe';
import type { EmailMessage } from './sender';

export interface InvitationEmailInput {
  to: string;
  candidateName: string;
  /** Who sent it; null when an integration did (the API, an applicant tracking system). */
  inviterName: string | null;
  orgName: string;
  title: string;
  description: string;
  questionCount: number;
  timeLimitSeconds: number;
  extraSeconds: number;
  expiresAt: number;
  link: string;
}

/**
 * The invitation a candidate receives: who invites, what it is, how long it takes, until when the
 * link works, and the link. Plain text first (what many mail clients and screen readers use).
 */
export function invitationEmail(p: InvitationEmailInput): EmailMessage {
  const minutes = formatMinutes(p.timeLimitSeconds + p.extraSeconds);
  const extra = p.extraSeconds > 0 ? ` (including ${formatMinutes(p.extraSeconds)} of extra time for you)` : '';
  const subject = `${p.orgName} invites you to take "${p.title}"`;
  const facts = [
    `${plural(p.questionCount, 'question')}, ${minutes}${extra}, in one sitting.`,
    `The link works until ${formatDateTime(p.expiresAt)}.`,
    'Opening the link does not start the timer: you read the rules first and start when you are ready.',
  ];
  const text = [
    `Hello ${p.candidateName},`,
    '',
    `${p.inviterName ? `${p.inviterName} at ${p.orgName}` : p.orgName} invites you to take the assessment "${p.title}".`,
    ...(p.description ? ['', p.description] : []),
    '',
    ...facts,
    '',
    `Start here: ${p.link}`,
    '',
    'This link is personal: please do not share it.',
  ].join('\n');
  const e = escapeHtml;
  const html = [
    `<p>Hello ${e(p.candidateName)},</p>`,
    `<p>${p.inviterName ? `${e(p.inviterName)} at ${e(p.orgName)}` : e(p.orgName)} invites you to take the assessment <strong>${e(p.title)}</strong>.</p>`,
    p.description ? `<p>${e(p.description)}</p>` : '',
    `<ul>${facts.map((f) => `<li>${e(f)}</li>`).join('')}</ul>`,
    `<p><a href="${e(p.link)}">Open the assessment</a></p>`,
    `<p>If the button does not work, copy this address into your browser:<br>${e(p.link)}</p>`,
    '<p>This link is personal: please do not share it.</p>',
  ].join('\n');
  return { to: p.to, subject, text, html };
}

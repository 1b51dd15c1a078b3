import type { EmailMessage } from './sender';

/**
 * A value fit for one line of a mail header. A line break in a subject ends that header and
 * starts another (RFC 5322 section 2.2): an assessment titled "Test\r\nBcc: someone" would add a
 * recipient wherever the relay builds headers from our fields. Control characters, including
 * Unicode's line and paragraph separators, become a space; runs of white space one space.
 */
export function headerValue(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The message with its header fields (recipient, subject) made single-line; bodies keep their lines. */
export function withSafeHeaders(message: EmailMessage): EmailMessage {
  return { ...message, to: headerValue(message.to), subject: headerValue(message.subject) };
}

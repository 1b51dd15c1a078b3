/**
 * Whether a string is an email address we can send to: one @, a dot in the domain, no white
 * space, and none of the characters that separate or quote addresses in a mail header (`<>,;"`),
 * so an accepted address is always exactly one recipient. At most 254 characters (RFC 5321's
 * limit on a path, less its angle brackets). Deliberately not RFC 5322's full grammar: quoted
 * local parts and comments are valid there and useless here.
 */
export const emailPattern = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;
export const maxEmailLength = 254;

export function isEmailAddress(value: string): boolean {
  return value.length <= maxEmailLength && emailPattern.test(value);
}

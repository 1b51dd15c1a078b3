import { describe, expect, it } from 'vitest';
import { isEmailAddress } from './address';

describe('isEmailAddress', () => {
  it('accepts ordinary addresses', () => {
    for (const email of ['ada@example.com', 'a.b+tag@mail.example.co.uk', 'x@y.io', "o'brien@example.ie"])
      expect(isEmailAddress(email), email).toBe(true);
  });

  it('refuses anything that is not one address', () => {
    for (const email of ['', 'ada', 'ada@', '@example.com', 'ada@example', 'ada@@example.com', 'a da@example.com'])
      expect(isEmailAddress(email), email).toBe(false);
  });

  it('refuses the characters that would make a mail header name several recipients or a display name', () => {
    for (const email of [
      'ada@example.com,eve@example.com',
      'ada@example.com;eve@example.com',
      'Ada <ada@example.com>',
      '"ada"@example.com',
      'ada@example.com\r\nBcc: eve@example.com',
    ])
      expect(isEmailAddress(email), email).toBe(false);
  });

  it('allows up to 254 characters', () => {
    const domain = '@example.com';
    expect(isEmailAddress(`${'a'.repeat(254 - domain.length)}${domain}`)).toBe(true);
    expect(isEmailAddress(`${'a'.repeat(255 - domain.length)}${domain}`)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { generateSigningKey, type SigningKeys } from './keys';
import { basicAuthorization, openCredential, sealCredential } from './partner-credential';

const keysOf = (...keys: ReturnType<typeof generateSigningKey>[]): SigningKeys => ({
  signing: keys[0] as ReturnType<typeof generateSigningKey>,
  all: keys,
});

describe('partner credentials', () => {
  const old = generateSigningKey(Date.UTC(2026, 0, 1));
  const current = generateSigningKey(Date.UTC(2026, 5, 1));
  const key = 'sck_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

  it('seal so the text shows nothing of the key, and open to the same key', async () => {
    const sealed = await sealCredential(keysOf(current), key);
    expect(sealed).not.toContain(key.slice(4, 20));
    expect(sealed.startsWith(`v1.${current.kid}.`)).toBe(true);
    expect(await openCredential(keysOf(current), sealed)).toBe(key);
    // A fresh IV each time: two seals of one key differ.
    expect(await sealCredential(keysOf(current), key)).not.toBe(sealed);
  });

  it('open after a rotation while the old signing key is listed, and not once it is dropped', async () => {
    const sealed = await sealCredential(keysOf(old), key);
    expect(await openCredential(keysOf(current, old), sealed)).toBe(key);
    expect(await openCredential(keysOf(current), sealed)).toBeNull();
  });

  it('refuse a tampered text instead of returning garbage', async () => {
    const sealed = await sealCredential(keysOf(current), key);
    const [v, kid, iv, data = ''] = sealed.split('.');
    const flipped = `${data.slice(0, 5)}${data[5] === 'A' ? 'B' : 'A'}${data.slice(6)}`;
    expect(await openCredential(keysOf(current), [v, kid, iv, flipped].join('.'))).toBeNull();
    expect(await openCredential(keysOf(current), 'v1.nope')).toBeNull();
  });

  it('write HTTP Basic with the key as username and an empty password', () => {
    expect(basicAuthorization('abc')).toBe(`Basic ${Buffer.from('abc:').toString('base64')}`);
  });
});

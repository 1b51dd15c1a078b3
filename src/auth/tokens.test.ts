import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { formatSigningKeys, generateSigningKey, parseSigningKeys } from './keys';
import { signToken, verifyToken } from './tokens';

const now = Date.UTC(2026, 10, 23, 12);
const keyA = generateSigningKey(now);
const keyB = generateSigningKey(now);
const keys = parseSigningKeys(formatSigningKeys([keyA]));

describe('tokens', () => {
  it('round-trips claims for the same audience', async () => {
    const token = await signToken(keys, 'session', { sub: 'u1', sid: 's1' }, now, 60);
    const claims = await verifyToken(keys, 'session', token, now + 1000);
    expect(claims?.sub).toBe('u1');
    expect(claims?.sid).toBe('s1');
  });

  it('refuses another audience, an expired token, a tampered token', async () => {
    const token = await signToken(keys, 'invitation', { sub: 'i1' }, now, 60);
    expect(await verifyToken(keys, 'session', token, now)).toBeNull();
    expect(await verifyToken(keys, 'invitation', token, now + 61_000)).toBeNull();
    const [h, p, s] = token.split('.');
    const forged = `${h}.${btoa(JSON.stringify({ sub: 'i2', aud: 'invitation', iss: 'skillcheck', iat: 1, exp: 9e9 })).replace(/=+$/, '')}.${s}`;
    expect(p).toBeTruthy();
    expect(await verifyToken(keys, 'invitation', forged, now)).toBeNull();
  });

  it('refuses alg none and tokens without exp', async () => {
    const header = btoa(JSON.stringify({ alg: 'none', kid: keyA.kid })).replace(/=+$/, '');
    const body = btoa(JSON.stringify({ sub: 'u', aud: 'session', iss: 'skillcheck', iat: 1, exp: 9e9 })).replace(
      /=+$/,
      '',
    );
    expect(await verifyToken(keys, 'session', `${header}.${body}.`, now)).toBeNull();
    const noExp = await new SignJWT({ sub: 'u' })
      .setProtectedHeader({ alg: 'HS256', kid: keyA.kid })
      .setAudience('session')
      .setIssuer('skillcheck')
      .setIssuedAt()
      .sign(keyA.secret);
    expect(await verifyToken(keys, 'session', noExp, now)).toBeNull();
  });

  it('refuses a token issued more than a minute in the future, for every audience', async () => {
    const audiences = [
      'session',
      'invitation',
      'attempt',
      'result',
      'team-invite',
      'practice-owner',
      'known-device',
      'password-reset',
    ] as const;
    for (const audience of audiences) {
      // Signed by a clock 2 minutes ahead (or by someone who chose the iat), verified now.
      const ahead = await signToken(keys, audience, { sub: 'x' }, now + 120_000, 3600);
      expect(await verifyToken(keys, audience, ahead, now), audience).toBeNull();
      // A drift within the allowance still verifies.
      const slightly = await signToken(keys, audience, { sub: 'x' }, now + 30_000, 3600);
      expect((await verifyToken(keys, audience, slightly, now))?.sub, audience).toBe('x');
    }
  });

  it('keeps verifying with the old key after a rotation, and signs with the new one', async () => {
    const old = await signToken(keys, 'result', { sub: 'a1' }, now, 3600);
    const rotated = parseSigningKeys(formatSigningKeys([keyB, keyA]));
    expect((await verifyToken(rotated, 'result', old, now))?.sub).toBe('a1');
    const fresh = await signToken(rotated, 'result', { sub: 'a2' }, now, 3600);
    expect(JSON.parse(atob(fresh.split('.')[0] ?? '')).kid).toBe(keyB.kid);
    expect(await verifyToken(keys, 'result', fresh, now)).toBeNull();
  });

  it('rejects short or malformed key text', () => {
    expect(() => parseSigningKeys('k1:abc')).toThrow(/32 bytes/);
    expect(() => parseSigningKeys('')).toThrow(/no key/);
    expect(() => parseSigningKeys('nocolon')).toThrow(/kid:base64url/);
  });
});

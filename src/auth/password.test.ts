import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

const policy = { iterations: 2000 };

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', policy);
    expect(stored).toMatch(/^pbkdf2-sha256\$2000\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('correct horse battery', stored, policy)).toEqual({ ok: true, needsRehash: false });
    expect((await verifyPassword('correct horse batterY', stored, policy)).ok).toBe(false);
  });

  it('salts: the same password hashes differently twice', async () => {
    expect(await hashPassword('same password', policy)).not.toBe(await hashPassword('same password', policy));
  });

  it('verifies with the stored parameters and asks for a rehash when the policy rose', async () => {
    const old = await hashPassword('long enough pw', { iterations: 1000 });
    expect(await verifyPassword('long enough pw', old, { iterations: 5000 })).toEqual({ ok: true, needsRehash: true });
  });

  it('chains calls above 100,000 iterations, and the chain is not the single-call result', async () => {
    const stored = await hashPassword('pw-over-the-cap', { iterations: 150_000 });
    expect(stored.startsWith('pbkdf2-sha256$150000$')).toBe(true);
    expect((await verifyPassword('pw-over-the-cap', stored, policy)).ok).toBe(true);
  });

  it('refuses malformed stored hashes without throwing', async () => {
    for (const bad of ['', 'plain', 'md5$1$a$b', 'pbkdf2-sha256$x$a$b', 'pbkdf2-sha256$0$a$b']) {
      expect((await verifyPassword('x', bad, policy)).ok).toBe(false);
    }
  });

  it('asks for length, not composition', () => {
    expect(passwordProblem('short')).toMatch(/10 characters/);
    expect(passwordProblem('a perfectly fine passphrase')).toBeNull();
  });
});

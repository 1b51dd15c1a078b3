import { fromBase64url, toBase64url } from './keys';

/**
 * PBKDF2-SHA256 through Web Crypto, so one implementation serves Node and Workers. The stored
 * form carries its parameters: `pbkdf2-sha256$<iterations>$<salt>$<hash>`, and verification uses
 * the stored ones, so raising the policy never locks anyone out (they are rehashed on login).
 *
 * Workers refuse more than 100,000 iterations per deriveBits call (local workerd does not, so no
 * test here would notice); OWASP asks 600,000 for PBKDF2-HMAC-SHA256. We chain `rounds` calls of
 * at most 100,000 iterations, each keyed by the previous output, which costs an attacker the same
 * total work.
 */
export interface PasswordPolicy {
  iterations: number;
}

const maxIterationsPerCall = 100_000;
const saltBytes = 16;
const hashBytes = 32;

async function pbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', password as BufferSource, 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    hashBytes * 8,
  );
  return new Uint8Array(bits);
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  let material: Uint8Array = new TextEncoder().encode(password.normalize('NFKC'));
  let remaining = iterations;
  while (remaining > 0) {
    const step = Math.min(remaining, maxIterationsPerCall);
    material = await pbkdf2(material, salt, step);
    remaining -= step;
  }
  return material;
}

export async function hashPassword(password: string, policy: PasswordPolicy): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(saltBytes));
  const hash = await derive(password, salt, policy.iterations);
  return `pbkdf2-sha256$${policy.iterations}$${toBase64url(salt)}$${toBase64url(hash)}`;
}

/** Constant-time comparison: how much of the hash matched must not show in the timing. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export interface VerifyResult {
  ok: boolean;
  /** The stored hash is weaker than the policy: store a new one now that we know the password. */
  needsRehash: boolean;
}

export async function verifyPassword(password: string, stored: string, policy: PasswordPolicy): Promise<VerifyResult> {
  const [scheme, iterationsText, saltText, hashText] = stored.split('$');
  const iterations = Number(iterationsText);
  if (scheme !== 'pbkdf2-sha256' || !Number.isInteger(iterations) || iterations < 1 || !saltText || !hashText) {
    return { ok: false, needsRehash: false };
  }
  const actual = await derive(password, fromBase64url(saltText), iterations);
  const ok = equalBytes(actual, fromBase64url(hashText));
  return { ok, needsRehash: ok && iterations < policy.iterations };
}

/**
 * A well-formed stored hash at the policy's cost that no password matches. A sign-in for an email
 * without an account is verified against it, so it does the same work, in the same time, as a
 * sign-in for one with an account: the answer time does not tell which emails are registered.
 */
export function unmatchableHash(policy: PasswordPolicy): string {
  return `pbkdf2-sha256$${policy.iterations}$${'A'.repeat(22)}$${'A'.repeat(43)}`;
}

/** Password rules people can follow: length over composition (NIST SP 800-63B). */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'Use at least 10 characters.';
  if (password.length > 200) return 'Use at most 200 characters.';
  return null;
}

import { describe, expect, it } from 'vitest';
import { limits, longestWindowMs, retryText, signInBuckets, signUpBucket } from './throttle';

describe('sign-in buckets', () => {
  it('from an unknown device: the pair, then the address, then the account, most specific first', () => {
    const buckets = signInBuckets({ email: 'ann@example.com', address: '203.0.113.9', knownDevice: null });
    expect(buckets.map((b) => [b.key, b.account, b.limit])).toEqual([
      ['pair:ann@example.com:203.0.113.9', 'ann@example.com', limits.pair],
      ['address:203.0.113.9', null, limits.address],
      ['account:ann@example.com', 'ann@example.com', limits.account],
    ]);
    // Only the pair starts over after a success; wider buckets just get their slot back.
    expect(buckets.map((b) => b.clearedBySuccess)).toEqual([true, false, false]);
  });

  it("from a known device: only that device's bucket, which failures elsewhere never fill", () => {
    const buckets = signInBuckets({ email: 'ann@example.com', address: '203.0.113.9', knownDevice: 'dev1' });
    expect(buckets).toEqual([
      {
        key: 'device:ann@example.com:dev1',
        account: 'ann@example.com',
        limit: limits.knownDevice,
        clearedBySuccess: true,
      },
    ]);
  });

  it('keeps a policy where the pair is the tightest and the account-wide limit sits below the address limit', () => {
    expect(limits.pair.max).toBeLessThan(limits.account.max);
    expect(limits.account.max).toBeLessThan(limits.address.max);
    expect(longestWindowMs).toBe(60 * 60_000);
  });

  it('counts requests without a known address together rather than not at all', () => {
    expect(signInBuckets({ email: 'a@b.co', address: null, knownDevice: null })[1]?.key).toBe('address:unknown');
    expect(signUpBucket(null).key).toBe('signup:unknown');
  });

  it('says how long to wait in seconds, then minutes', () => {
    expect(retryText(400)).toBe('1 second');
    expect(retryText(40_000)).toBe('40 seconds');
    expect(retryText(12 * 60_000)).toBe('12 minutes');
  });
});

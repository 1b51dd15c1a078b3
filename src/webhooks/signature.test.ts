import { describe, expect, it } from 'vitest';
import { verifiesStandardWebhook as receiverVerifies } from '../../test/support/standard-webhooks';
import { newWebhookSecret, signedHeaders, signMessage } from './signature';

describe('Standard Webhooks signatures', () => {
  it('matches the example of the specification', async () => {
    // The example the specification and its reference libraries use.
    const signature = await signMessage(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies with an independent implementation, and fails on any change', async () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const body = JSON.stringify({ type: 'attempt.completed', data: { score: 81.5, name: 'Zoë' } });
    const headers = await signedHeaders([secret], 'msg_abc', 1_800_000_000, body);
    expect(headers['webhook-id']).toBe('msg_abc');
    expect(headers['webhook-timestamp']).toBe('1800000000');
    expect(receiverVerifies(secret, headers, body)).toBe(true);
    expect(receiverVerifies(secret, headers, body.replace('81.5', '91.5'))).toBe(false);
    expect(receiverVerifies(secret, { ...headers, 'webhook-timestamp': '1800000001' }, body)).toBe(false);
    expect(receiverVerifies(newWebhookSecret(), headers, body)).toBe(false);
  });

  it('signs with every secret given, so receivers on the old or the new one both verify', async () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    const headers = await signedHeaders([current, previous], 'msg_rot', 1_800_000_000, '{}');
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(receiverVerifies(current, headers, '{}')).toBe(true);
    expect(receiverVerifies(previous, headers, '{}')).toBe(true);
  });
});

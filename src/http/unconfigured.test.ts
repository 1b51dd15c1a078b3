import { describe, expect, it } from 'vitest';
import { unconfiguredApp } from './unconfigured';

describe('the app while a setting is missing', () => {
  it('answers the API and the partner endpoints with problem details naming what is missing', async () => {
    const app = unconfiguredApp(['SIGNING_KEYS is not set.'], () => {});
    for (const path of ['/api/v1/assessments', '/partners/greenhouse/list_tests']) {
      const res = await app.request(path);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(await res.json()).toMatchObject({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        problems: ['SIGNING_KEYS is not set.'],
      });
    }
  });
});

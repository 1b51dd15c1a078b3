import { describe, expect, it } from 'vitest';
import { targetRefusal, urlProblem } from './target';

const dns: Record<string, string[]> = {
  'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'rebind.example.com': ['93.184.216.34', '127.0.0.1'],
  'metadata.example.com': ['169.254.169.254'],
  localhost: ['127.0.0.1', '::1'],
  'api.localhost': ['127.0.0.1'],
};
const resolve = async (host: string) => {
  const found = dns[host];
  if (!found) throw new Error('ENOTFOUND');
  return found;
};
const node = { allowPrivate: false, resolve };
const workers = { allowPrivate: false };

describe('webhook targets', () => {
  it('takes http(s) URLs without credentials only', () => {
    expect(urlProblem('https://hooks.example.com/x')).toBeNull();
    expect(urlProblem('ftp://hooks.example.com/x')).toMatch(/https:\/\//);
    expect(urlProblem('javascript:alert(1)')).toMatch(/https:\/\//);
    expect(urlProblem('https://user:pass@hooks.example.com/')).toMatch(/credentials/);
    expect(urlProblem('hooks.example.com')).toMatch(/full URL/);
  });

  it.each([
    'http://127.0.0.1/hook',
    'http://2130706433/hook',
    'http://0x7f.1/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:8080/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://10.1.2.3/hook',
    'http://192.168.0.10/hook',
    'http://[fd00::1]/hook',
    'http://localhost:3000/hook',
    'http://api.localhost/hook',
  ])('refuses %s everywhere', async (url) => {
    expect(await targetRefusal(url, node)).toMatch(/not a public address|this machine|resolves to/);
    expect(await targetRefusal(url, workers)).toMatch(/not a public address|this machine/);
  });

  it('checks every address a name resolves to, where names can be resolved', async () => {
    expect(await targetRefusal('https://hooks.example.com/x', node)).toBeNull();
    expect(await targetRefusal('https://rebind.example.com/x', node)).toMatch(/resolves to 127\.0\.0\.1/);
    expect(await targetRefusal('https://metadata.example.com/x', node)).toMatch(/169\.254\.169\.254/);
    expect(await targetRefusal('https://nowhere.example.com/x', node)).toMatch(/could not be resolved/);
    // Workers cannot resolve: names pass, and Cloudflare's network reaches no private address anyway.
    expect(await targetRefusal('https://rebind.example.com/x', workers)).toBeNull();
  });

  it('allows private networks when the setting says so, never other schemes', async () => {
    const selfHosted = { allowPrivate: true, resolve };
    expect(await targetRefusal('http://10.1.2.3/hook', selfHosted)).toBeNull();
    expect(await targetRefusal('http://localhost:3000/hook', selfHosted)).toBeNull();
    expect(await targetRefusal('file:///etc/passwd', selfHosted)).toMatch(/https:\/\//);
  });
});

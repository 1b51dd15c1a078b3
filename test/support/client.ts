import type { App } from '../../src/app';

interface Cookie {
  value: string;
  path: string;
}

/**
 * A browser-like client for app.request: keeps cookies by name and path (as browsers do, the
 * most specific path wins), sends same-origin headers on form posts, follows nothing.
 */
export class TestBrowser {
  readonly cookies = new Map<string, Cookie[]>();
  constructor(private readonly app: App) {}

  cookieHeader(path: string): string {
    const pairs: string[] = [];
    for (const [name, list] of this.cookies) {
      const match = list
        .filter(
          (c) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/',
        )
        .sort((a, b) => b.path.length - a.path.length)[0];
      if (match) pairs.push(`${name}=${match.value}`);
    }
    return pairs.join('; ');
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(path.split('?')[0] ?? path);
    if (cookie) headers.set('Cookie', cookie);
    const res = await this.app.request(path, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const [name, ...rest] = (pair ?? '').split('=');
      if (!name) continue;
      const cookiePath = attrs.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const list = (this.cookies.get(name) ?? []).filter((c) => c.path !== cookiePath);
      if (!attrs.some((a) => /^max-age=0$/i.test(a))) list.push({ value: rest.join('='), path: cookiePath });
      this.cookies.set(name, list);
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  post(path: string, body: Record<string, string | string[]> = {}, headers: Record<string, string> = {}) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(body)) {
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
    }
    return this.request(path, {
      method: 'POST',
      body: params.toString(),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'http://localhost',
        'Sec-Fetch-Site': 'same-origin',
        ...headers,
      },
    });
  }

  /** What attempt.js sends: an htmx-style partial request. */
  save(attemptId: string, body: Record<string, string | string[]>) {
    return this.post(`/attempts/${attemptId}/answers`, body, { 'HX-Request': 'true', 'HX-Request-Type': 'partial' });
  }
}

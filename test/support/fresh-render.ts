import { bypassTemplates } from '../../views/components/filled-template';
import type { TestBrowser } from './client';

/** A page without its CSP nonce, which differs on every request by design. */
const withoutNonce = (html: string) => html.replaceAll(/nonce="[^"]*"/g, 'nonce=""');

/**
 * The test page at `position` twice: served from the filled templates (asked for once before, so
 * they are warm) and rendered fresh, as before templates. A test expects the two to be equal.
 */
export async function pageBothWays(browser: TestBrowser, attemptId: string, position: number) {
  const get = async () => withoutNonce(await (await browser.get(`/attempts/${attemptId}?q=${position}`)).text());
  await get();
  const filled = await get();
  bypassTemplates(true);
  try {
    return { filled, fresh: await get() };
  } finally {
    bypassTemplates(false);
  }
}

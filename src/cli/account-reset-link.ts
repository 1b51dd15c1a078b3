/**
 * `npm run account:reset-link -- <email>`: prints a link that sets a new password for one account
 * in DATABASE_URL (default: the embedded file), valid for an hour and once, as the emailed link
 * would be. For installs without an email service, where a forgotten password had no way back.
 * Whoever runs it already holds the database; the link goes only to their terminal.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SigningKeys } from '../auth/keys';
import { passwordResetToken, resetTtlSeconds } from '../auth/password-reset';
import { findUserByEmail, normalizeEmail } from '../db/accounts';
import type { Db } from '../db/client';
import { publicUrlFrom } from '../deps';
import { openDatabase, shownUrl } from './database';
import { loadSigningKeys } from './signing-keys';

/** The link, or why there is none, as a sentence for the terminal. */
export async function resetLinkFor(
  input: { db: Db; keys: SigningKeys; origin: string; now: number },
  rawEmail: string,
): Promise<{ ok: boolean; message: string }> {
  const email = normalizeEmail(rawEmail);
  if (!email) return { ok: false, message: 'Usage: npm run account:reset-link -- <email>' };
  const user = await findUserByEmail(input.db, email);
  if (!user) return { ok: false, message: `No account has the email ${email}.` };
  const token = await passwordResetToken({ keys: input.keys, clock: () => input.now }, user);
  const minutes = resetTtlSeconds / 60;
  return {
    ok: true,
    message: `Open this link within ${minutes} minutes to set a new password for ${email} (it works once):\n${input.origin}/password/reset/${token}`,
  };
}

async function main() {
  const { url, db, client, dir } = await openDatabase(process.cwd());
  const origin = publicUrlFrom(process.env.PUBLIC_URL) ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const keys = loadSigningKeys(dir ?? resolve(process.cwd(), 'data'));
  const outcome = await resetLinkFor({ db, keys, origin, now: Date.now() }, process.argv[2] ?? '');
  client.close();
  if (outcome.ok) console.log(outcome.message);
  else console.error(`${outcome.message} (database: ${shownUrl(url)})`);
  process.exitCode = outcome.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

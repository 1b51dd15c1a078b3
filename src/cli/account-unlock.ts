/**
 * `npm run account:unlock -- <email>`: clears the sign-in counters of one account (account-wide,
 * per address, per device) in DATABASE_URL (default: the embedded file), so its owner can sign in
 * from a new browser at once. For self-hosted installs where nobody else can unlock it from the
 * team page, e.g. the only owner.
 */
import { pathToFileURL } from 'node:url';
import { findUserByEmail, normalizeEmail } from '../db/accounts';
import type { Db } from '../db/client';
import { clearAccountThrottle } from '../db/throttle';
import { openDatabase, shownUrl } from './database';

/** What happened, as a sentence for the terminal, and whether it worked. */
export async function unlockAccount(db: Db, rawEmail: string): Promise<{ ok: boolean; message: string }> {
  const email = normalizeEmail(rawEmail);
  if (!email) return { ok: false, message: 'Usage: npm run account:unlock -- <email>' };
  if (!(await findUserByEmail(db, email))) return { ok: false, message: `No account has the email ${email}.` };
  const cleared = await clearAccountThrottle(db, email);
  return {
    ok: true,
    message:
      cleared > 0
        ? `Unlocked ${email}: ${cleared} sign-in ${cleared === 1 ? 'counter' : 'counters'} cleared. They can sign in now.`
        : `${email} had no failed sign-ins to clear. They can sign in now.`,
  };
}

async function main() {
  const { url, db, client } = await openDatabase(process.cwd());
  const outcome = await unlockAccount(db, process.argv[2] ?? '');
  client.close();
  if (outcome.ok) console.log(outcome.message);
  else console.error(`${outcome.message} (database: ${shownUrl(url)})`);
  process.exitCode = outcome.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

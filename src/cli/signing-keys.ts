import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatSigningKeys, generateSigningKey, parseSigningKeys, type SigningKeys } from '../auth/keys';

/**
 * The keys the Node server signs with: SIGNING_KEYS when set (several instances must share them),
 * else the key file in the data folder, made on first use. The server and the commands that sign
 * links for it (account:reset-link) read them here, so a link from the terminal verifies there.
 */
export function loadSigningKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): SigningKeys {
  if (env.SIGNING_KEYS) return parseSigningKeys(env.SIGNING_KEYS);
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(dataDir, 'signing-keys');
  if (!existsSync(file)) {
    writeFileSync(file, `${formatSigningKeys([generateSigningKey(Date.now())])}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return parseSigningKeys(readFileSync(file, 'utf8').trim());
}

/** Prints a new SIGNING_KEYS value: the new key first, then any keys passed in, which keep verifying. */
import { formatSigningKeys, generateSigningKey, parseSigningKeys } from '../auth/keys';

const existing = process.argv[2] ? parseSigningKeys(process.argv[2]).all : [];
console.log(formatSigningKeys([generateSigningKey(Date.now()), ...existing]));

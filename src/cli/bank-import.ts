/** Imports questions/ into DATABASE_URL (default: the embedded file), e.g. a remote libSQL before a Workers deploy. */
import { resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { importBankFromDir } from '../bank/import-files';
import { libsqlConfig, libsqlDb } from '../db/client';

const url = process.env.DATABASE_URL ?? `file:${resolve('data/skillcheck.db')}`;
const client = createClient(libsqlConfig(url, process.env.DATABASE_AUTH_TOKEN));
const db = await libsqlDb(client, url);
const summary = await importBankFromDir(db, resolve('questions'), Date.now(), (entry) =>
  console.log(JSON.stringify(entry)),
);
client.close();
if (!summary) process.exit(1);
console.log(summary.skipped ? 'The bank is unchanged: nothing to import.' : 'Bank imported.');

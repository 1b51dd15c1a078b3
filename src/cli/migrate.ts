/** Applies drizzle/ migrations to DATABASE_URL (default: the embedded file), e.g. a remote libSQL. */
import { resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { libsqlConfig, libsqlDb } from '../db/client';

const url = process.env.DATABASE_URL ?? `file:${resolve('data/skillcheck.db')}`;
const client = createClient(libsqlConfig(url, process.env.DATABASE_AUTH_TOKEN));
const db = await libsqlDb(client, url);
await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: resolve('drizzle') });
console.log(`Migrations applied to ${url.replace(/\/\/[^@]*@/, '//***@')}`);
client.close();

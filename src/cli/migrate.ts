/** Applies drizzle/ migrations to DATABASE_URL (default: the embedded file), e.g. a remote libSQL. */
import { migrateDatabase, openDatabase, shownUrl } from './database';

const root = process.cwd();
const { url, db, client } = await openDatabase(root);
await migrateDatabase(db, root);
console.log(`Migrations applied to ${shownUrl(url)}`);
client.close();

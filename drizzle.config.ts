import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema.ts and reviewed as SQL; the same files are applied
// to the embedded libSQL file, to remote libSQL and to D1 (wrangler d1 migrations apply).
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './drizzle',
});

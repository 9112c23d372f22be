import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema and committed with their journal; `npm run db:check` fails when
// generating again would produce a diff.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  strict: true,
});

// npm run db:migrate — applies db/migrations to DATABASE_URL (real PostgreSQL, or a running embedded one).
import { migrateDatabase } from '../db/migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('db:migrate: DATABASE_URL is not set (e.g. postgres://user:password@host:5432/seikyu).');
  console.error('The embedded database of `npm run demo` is migrated automatically.');
  process.exit(1);
}

try {
  await migrateDatabase(url);
  console.log(`db:migrate: ${redact(url)} is up to date.`);
} catch (error) {
  console.error(`db:migrate: failed on ${redact(url)}:`, error instanceof Error ? error.message : error);
  process.exit(1);
}

function redact(u: string): string {
  try {
    const parsed = new URL(u);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

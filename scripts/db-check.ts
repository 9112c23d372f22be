// npm run db:check — fails when db/schema and the committed migrations disagree, i.e. when
// `npm run db:generate` would write a new migration. Runs drizzle-kit against a temporary copy of
// db/migrations so the working tree is never touched. Also rejects duplicate migration numbers (two people
// generating at once) and journal entries without their SQL file.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const migrationsDir = join(root, 'db/migrations');
const problems: string[] = [];

const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta/_journal.json'), 'utf8')) as {
  entries: Array<{ idx: number; tag: string }>;
};
const seen = new Map<string, string>();
for (const entry of journal.entries) {
  const number = entry.tag.split('_')[0];
  const other = seen.get(number);
  if (other) problems.push(`migrations ${other} and ${entry.tag} share the number ${number}: regenerate the later one`);
  seen.set(number, entry.tag);
  if (!existsSync(join(migrationsDir, `${entry.tag}.sql`))) problems.push(`journal entry ${entry.tag} has no ${entry.tag}.sql`);
}
const tags = new Set(journal.entries.map((e) => e.tag));
for (const file of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql'))) {
  if (!tags.has(file.replace(/\.sql$/, ''))) problems.push(`${file} is not in meta/_journal.json`);
}

const scratch = mkdtempSync(join(tmpdir(), 'seikyu-db-check-'));
try {
  const out = join(scratch, 'migrations');
  cpSync(migrationsDir, out, { recursive: true });
  const before = new Set(readdirSync(out));
  // drizzle-kit prefixes './' to the paths it is given, so they must be relative to its working directory.
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/drizzle-kit/bin.cjs'),
      'generate',
      '--dialect=postgresql',
      `--schema=${relative(scratch, join(root, 'db/schema/index.ts'))}`,
      '--out=migrations',
      '--name=db_check',
    ],
    // stdin closed: if drizzle-kit wants to ask about a rename, the schema changed anyway.
    { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
  );
  const added = readdirSync(out).filter((f) => !before.has(f));
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  // drizzle-kit exits 0 even when it crashes, so success is its own "nothing to migrate" line or a new file.
  const unchanged = /No schema changes/.test(output);
  if (result.status !== 0 || result.error || (!unchanged && added.length === 0)) {
    problems.push(`drizzle-kit generate failed (exit ${result.status ?? result.error?.message}):\n${output}`.trim());
  } else if (added.length > 0) {
    const sql = added.filter((f) => f.endsWith('.sql')).map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    problems.push(
      `db/schema has changes without a migration. Run \`npm run db:generate -- --name <what-changed>\` and commit the result.\n` +
        `Pending SQL:\n${sql}`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`db:check: FAILED\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`db:check: schema and ${journal.entries.length} migration(s) agree.`);

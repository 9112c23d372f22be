// Integration global setup: once per `vitest --project integration` run, in the main process.
// Starts a fresh database (embedded PGlite in memory, or a throwaway PostgreSQL when TEST_DATABASE=postgres),
// applies the migrations, starts the Stripe emulator in-process on a free port, and provides both URLs to the
// test workers (test/integration/setup-env.ts puts them in process.env before any test file is imported).
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../db/migrate';
import { startEmbeddedDatabase } from '../../scripts/lib/embedded-db';
import { startThrowawayPostgres } from '../../scripts/lib/throwaway-postgres';

interface RunningEmulatorLike {
  url: string;
  close(): Promise<void>;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';
  if (process.env.TEST_DATABASE && !['postgres', 'pglite'].includes(process.env.TEST_DATABASE)) {
    throw new Error(`TEST_DATABASE must be "pglite" (default) or "postgres", not "${process.env.TEST_DATABASE}"`);
  }
  const database = kind === 'postgres' ? await startThrowawayPostgres() : await startEmbeddedDatabase({ dataDir: 'memory://', port: 0 });
  let emulator: RunningEmulatorLike | null = null;
  try {
    await migrateDatabase(database.url);
    let emulatorError = '';
    try {
      emulator = await startStripeEmulator();
    } catch (error) {
      emulatorError = `the Stripe emulator could not be started: ${error instanceof Error ? error.message : String(error)}`;
      console.warn(`[integration] ${emulatorError}`);
    }
    project.provide('databaseUrl', database.url);
    project.provide('databaseKind', kind);
    project.provide('stripeEmulatorUrl', emulator?.url ?? '');
    project.provide('stripeEmulatorError', emulatorError);
    console.log(`[integration] database: ${kind}; Stripe emulator: ${emulator?.url ?? 'unavailable'}`);
  } catch (error) {
    await database.close();
    throw error;
  }
  return async () => {
    await emulator?.close();
    await database.close();
  };
}

async function startStripeEmulator(): Promise<RunningEmulatorLike> {
  // A variable specifier keeps the type check independent of the package's progress; the shape is checked below.
  const specifier = '@seikyu/stripe-emulator';
  const mod: unknown = await import(/* @vite-ignore */ specifier);
  const start = (mod as { startEmulator?: (o: { port: number }) => Promise<RunningEmulatorLike> }).startEmulator;
  if (typeof start !== 'function') throw new Error('@seikyu/stripe-emulator does not export startEmulator');
  return start({ port: 0 });
}

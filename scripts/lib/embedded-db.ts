// The embedded database: one PGlite instance owned by this process, served on 127.0.0.1 over the PostgreSQL
// wire protocol so the app, scripts and tests all reach it through postgres-js like a real PostgreSQL.
// PGlite corrupts or loses data when two processes open one directory, so the data directory is guarded by a
// pid lock file; `close()` must be awaited for the data to be flushed.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { startWireServer } from './pglite-wire-server';

export interface EmbeddedDatabaseOptions {
  /** A directory for the data files (created if missing), or `memory://` for a throwaway database. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
}

export interface EmbeddedDatabase {
  /** postgres://postgres:postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Stops accepting connections, rolls back open transactions, and closes PGlite (flushing its files). */
  close(): Promise<void>;
}

export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const inMemory = options.dataDir.startsWith('memory://');
  const dataDir = inMemory ? options.dataDir : resolve(options.dataDir);
  const lockFile = inMemory ? null : `${dataDir}.lock`;
  if (lockFile) {
    mkdirSync(dirname(dataDir), { recursive: true });
    acquireDirectoryLock(lockFile, dataDir);
  }
  let db: PGlite | null = null;
  try {
    // pg_trgm backs the operators' substring searches (GIN trigram indexes, migration 'search trigram indexes'),
    // as on PostgreSQL, where it ships with the server's contrib package.
    db = await PGlite.create(inMemory ? 'memory://' : dataDir, { extensions: { pg_trgm } });
    const server = await startWireServer({ db, port: options.port });
    const opened = db;
    let closing: Promise<void> | null = null;
    return {
      url: `postgres://postgres:postgres@127.0.0.1:${server.port}/postgres`,
      port: server.port,
      close() {
        closing ??= (async () => {
          try {
            await server.close();
            await opened.close();
          } finally {
            releaseDirectoryLock(lockFile, dataDir);
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    releaseDirectoryLock(lockFile, dataDir);
    if (isAddressInUse(error)) {
      throw new Error(`embedded database: port ${options.port} is in use (another \`npm run demo\`?). Stop it or choose another port.`);
    }
    throw error;
  }
}

function acquireDirectoryLock(lockFile: string, dataDir: string): void {
  if (openInThisProcess.has(dataDir)) {
    throw new Error(`embedded database: ${dataDir} is already open in this process; PGlite allows one instance per directory.`);
  }
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    openInThisProcess.add(dataDir);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number(readFileSync(lockFile, 'utf8').trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `embedded database: ${dataDir} is already open in process ${holder}. PGlite loses data when two processes open one directory; stop that process first.`,
    );
  }
  // A stale lock from a process that died without closing: take it over.
  writeFileSync(lockFile, String(process.pid));
  openInThisProcess.add(dataDir);
}

const openInThisProcess = new Set<string>();

function releaseDirectoryLock(lockFile: string | null, dataDir: string): void {
  if (!lockFile) return;
  rmSync(lockFile, { force: true });
  openInThisProcess.delete(dataDir);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
}

// A throwaway PostgreSQL cluster from the local binaries (Debian's postgresql-15): initdb into a temp dir,
// start on a free port listening on 127.0.0.1 only, stop and delete at close(). Tuned for tests (no fsync),
// never for data you keep. initdb refuses to run as root, so as root the cluster belongs to `postgres`.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from './free-port';

const execFileAsync = promisify(execFile);

export interface ThrowawayPostgres {
  url: string;
  /**
   * Stops the server (`pg_ctl stop -m fast`: open sessions are ended, new connections refused) and keeps the data
   * directory, so `start()` brings the same cluster back on the same port. For fault tests.
   */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const CANDIDATE_BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'];

/** The directory holding initdb / pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgresBinDir(): string | null {
  for (const dir of CANDIDATE_BIN_DIRS) if (existsSync(join(dir, 'initdb'))) return dir;
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = pgConfig.status === 0 ? pgConfig.stdout.trim() : '';
  return dir && existsSync(join(dir, 'initdb')) ? dir : null;
}

export interface ThrowawayPostgresOptions {
  /**
   * `durable`: keep PostgreSQL's defaults (fsync, synchronous commit) so a committed write is on disk, as in
   * production; benchmarks of write paths use it. Tests do not need it.
   */
  durable?: boolean;
  /** Extra `-c name=value` settings, e.g. `shared_preload_libraries=pg_stat_statements` for the benchmark. */
  settings?: string[];
}

export async function startThrowawayPostgres(options: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  const binDir = findPostgresBinDir();
  if (!binDir) {
    throw new Error('PostgreSQL binaries not found (initdb). Install them with `apt-get install -y postgresql` or use the embedded database.');
  }
  const asRoot = userInfo().uid === 0;
  const runAs = (cmd: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : execFileSync(cmd, args, { stdio: 'pipe' });

  const runAsAsync = async (cmd: string, args: string[]) => {
    await (asRoot ? execFileAsync('runuser', ['-u', 'postgres', '--', cmd, ...args]) : execFileAsync(cmd, args));
  };

  const dir = mkdtempSync(join(tmpdir(), 'seikyu-pg-'));
  if (asRoot) chownSync(dir, postgresUid(), postgresGid());
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const port = await findFreePort();
  let serverOptions = '';
  try {
    runAs(join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    serverOptions = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-k ${dir}`,
      ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
      '-c max_connections=50',
      ...(options.settings ?? []).map((setting) => `-c ${setting}`),
    ].join(' ');
    runAs(join(binDir, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`throwaway PostgreSQL failed to start: ${(error as Error).message}\n${stderr}\n${log}`.trim());
  }

  let closing: Promise<void> | null = null;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // Asynchronous, so a caller's own requests keep running (and are timed) while the server goes down and up.
    stop: () => runAsAsync(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']),
    start: () => runAsAsync(join(binDir, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']),
    close() {
      closing ??= (async () => {
        try {
          runAs(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // Already stopped; the directory goes either way.
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      })();
      return closing;
    },
  };
}

function postgresUid(): number {
  return Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
}

function postgresGid(): number {
  return Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
}

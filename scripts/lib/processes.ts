// Child processes for the orchestrators (npm run demo, the e2e server): the Stripe emulator and Next.js, each
// with its output prefixed, waited for over HTTP, and stopped with SIGTERM (then SIGKILL) on shutdown.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after `graceMs`. Idempotent. */
  stop(graceMs?: number): Promise<void>;
  /** The last lines it printed (stdout and stderr), up to `keepLines` (see SpawnOptions); empty by default. */
  recentLines(): string[];
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Print the child's output prefixed with its name (default true). */
  echo?: boolean;
  /** Keep this many of its last output lines for `recentLines()`, e.g. to print a quiet server's log on a failure. */
  keepLines?: number;
}

export function spawnManaged(options: SpawnOptions): ManagedProcess {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd ?? repoRoot,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${options.name}] `;
  const echo = options.echo ?? true;
  const keepLines = options.keepLines ?? 0;
  const recent: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      if (echo) for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
      if (keepLines > 0) {
        recent.push(...lines);
        if (recent.length > keepLines) recent.splice(0, recent.length - keepLines);
      }
    });
    stream?.on('end', () => {
      if (echo && pending) process.stdout.write(`${prefix}${pending}\n`);
    });
  }
  const exited = new Promise<number | string>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit(code ?? signal ?? 'unknown'));
    child.once('error', (error) => {
      process.stderr.write(`${prefix}failed to start: ${error.message}\n`);
      resolveExit('spawn-error');
    });
  });
  let stopping: Promise<void> | null = null;
  return {
    name: options.name,
    child,
    exited,
    recentLines: () => [...recent],
    stop(graceMs = 10_000) {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

/**
 * Polls `url` until it answers with a status below 500. Fails early when `process` exits first, and after
 * `timeoutMs` with the last error.
 */
export async function waitForHttp(url: string, options: { timeoutMs?: number; process?: ManagedProcess } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let exited: number | string | null = null;
  void options.process?.exited.then((code) => (exited = code));
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${options.process?.name} exited (${exited}) before ${url} answered`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.status < 500) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${Math.round((options.timeoutMs ?? 60_000) / 1000)}s (${lastError})`);
}

const tsxCli = join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
const nextCli = join(repoRoot, 'node_modules/next/dist/bin/next');

export interface EmulatorProcessOptions {
  port: number;
  /** State file (EMULATOR_DATA); in memory when omitted. */
  dataFile?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  /** The event destination for v2 thin events (EMULATOR_THIN_WEBHOOK_URL); its secret defaults to the app's emulator default. */
  thinWebhookUrl?: string;
  echo?: boolean;
}

/** The Stripe emulator (`packages/stripe-emulator/src/cli.ts`) as a child process; resolves once it answers. */
export async function startEmulatorProcess(options: EmulatorProcessOptions): Promise<ManagedProcess & { url: string }> {
  const url = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMULATOR_PORT: String(options.port),
    EMULATOR_HOST: '127.0.0.1',
    EMULATOR_DATA: options.dataFile ?? '',
    EMULATOR_WEBHOOK_URL: options.webhookUrl ?? '',
    EMULATOR_WEBHOOK_SECRET: options.webhookSecret ?? '',
    EMULATOR_THIN_WEBHOOK_URL: options.thinWebhookUrl ?? '',
  };
  const proc = spawnManaged({
    name: 'stripe',
    command: process.execPath,
    args: [tsxCli, join(repoRoot, 'packages/stripe-emulator/src/cli.ts')],
    env,
    echo: options.echo,
  });
  try {
    // Any Stripe path answers (401 without a key) once the server listens.
    await waitForHttp(`${url}/v1/customers`, { timeoutMs: 60_000, process: proc });
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return Object.assign(proc, { url });
}

export interface NextProcessOptions {
  mode: 'start' | 'dev';
  port: number;
  hostname?: string;
  env: NodeJS.ProcessEnv;
  echo?: boolean;
  /** Lines of its output to keep for `recentLines()`. */
  keepLines?: number;
  /** Node.js flags before the CLI, e.g. `--cpu-prof` (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
}

/** `next start` (needs `.next` from `next build`) or `next dev`; resolves once the app answers. */
export async function startNext(options: NextProcessOptions): Promise<ManagedProcess & { url: string }> {
  if (options.mode === 'start' && !hasNextBuild()) {
    throw new Error('No production build in .next: run `npx next build` first (`npm test` and `npm run demo` do it for you).');
  }
  const hostname = options.hostname ?? '127.0.0.1';
  const proc = spawnManaged({
    name: 'app',
    command: process.execPath,
    args: [...(options.nodeArgs ?? []), nextCli, options.mode, '--port', String(options.port), '--hostname', hostname],
    env: { NEXT_TELEMETRY_DISABLED: '1', ...options.env },
    echo: options.echo,
    keepLines: options.keepLines,
  });
  const url = `http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${options.port}`;
  try {
    await waitForHttp(`${url}/`, { timeoutMs: options.mode === 'dev' ? 180_000 : 90_000, process: proc });
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return Object.assign(proc, { url });
}

export function hasNextBuild(): boolean {
  return existsSync(join(repoRoot, '.next/BUILD_ID'));
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
export function runToCompletion(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: 'inherit' });
    child.once('exit', (code, signal) => resolveRun(code ?? (signal ? 128 : 1)));
    child.once('error', () => resolveRun(127));
  });
}

export { nextCli, tsxCli };

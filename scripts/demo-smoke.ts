// The quick start, checked: `npm run demo` exactly as the README gives it, on fresh data (a throwaway data directory,
// free ports), must seed and serve. It reuses the build the test run just made (the demo rebuilds only when the
// sources changed). Waits for "Seikyu is running", asks the running portal for its health, sign-in and home pages,
// checks the seed made the demo's organizations, then stops it with Ctrl-C's signal and checks everything stopped.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './lib/free-port';
import { repoRoot } from './lib/processes';

const TIMEOUT_MS = 6 * 60_000;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seikyu-demo-smoke-'));
  const [port, dbPort, emulatorPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
  const url = `http://localhost:${port}`;
  const child = spawn('npm', ['run', '--silent', 'demo'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DEMO_DB_PORT: String(dbPort), DEMO_EMULATOR_PORT: String(emulatorPort), DEMO_DATA_DIR: dataDir, APP_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGINT');
    } catch {
      // already gone
    }
    const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
    if (code === 'timeout') process.kill(-child.pid!, 'SIGKILL');
    return code;
  };
  const fail = async (reason: string): Promise<never> => {
    await stop();
    console.error(output);
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`npm run demo: ${reason}`);
  };

  const started = Date.now();
  let done = false;
  void exited.then(() => (done = true));
  while (!output.includes('Seikyu is running')) {
    if (done) await fail('exited before it was running');
    if (Date.now() - started > TIMEOUT_MS) await fail(`not running after ${TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.log(`[demo-smoke] running after ${((Date.now() - started) / 1000).toFixed(0)} s on fresh data`);

  for (const [path, expect] of [
    ['/health', 'ok'],
    ['/sign-in', 'sign-in'],
    ['/', 'Seikyu'],
  ] as const) {
    const response = await fetch(`${url}${path}`);
    const body = await response.text();
    if (response.status !== 200 || !body.toLowerCase().includes(expect.toLowerCase())) await fail(`GET ${path} answered ${response.status}`);
  }
  for (const expected of ['customer@demo.seikyu.localhost', 'operator@demo.seikyu.localhost', 'Usage API key (Demo Corp)']) {
    if (!output.includes(expected)) await fail(`its banner does not name ${expected}`);
  }
  console.log('[demo-smoke] /health, /sign-in and / answer; the demo customer, operator and usage API key are printed');

  const code = await stop();
  rmSync(dataDir, { recursive: true, force: true });
  if (code === 'timeout') throw new Error('npm run demo: did not stop within 30 s of Ctrl-C');
  console.log(`[demo-smoke] stopped on Ctrl-C (exit ${code})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

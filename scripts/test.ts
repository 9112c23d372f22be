// npm test — every check, in order, stopping at the first failure: lint, types, migrations (these three at the
// same time), unit, emulator, integration on PGlite and on PostgreSQL (when installed; the two at the same time),
// production build, the usage page's first-load JavaScript budget (150 kB gzip, from the build's manifests), two
// app servers behind HAProxy, faults (processes killed, PostgreSQL restarted, Stripe unreachable), e2e in Chromium.
// Installs nothing: a missing browser or database is reported with the command that installs it.
//   npm test -- --only unit,integration     run some steps
//   npm test -- --skip build,e2e            leave some out
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { recordBuild, sourceFingerprint } from './lib/build-freshness';
import { nextCli, repoRoot, runToCompletion } from './lib/processes';
import { findPostgresBinDir } from './lib/throwaway-postgres';

const CHROMIUM = '/usr/bin/chromium';

interface Step {
  name: string;
  title: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** A reason to leave the step out (printed), or null to run it. */
  skipReason?: () => string | null;
  /** Runs before the step; what it returns is handed to `after` when the step passed. */
  before?: () => string;
  after?: (token: string) => void;
  /**
   * Adjacent steps with the same tag run at the same time, their output held and printed whole as each ends.
   * Only for steps that share nothing (own database, free ports) and leave a core idle when run alone.
   */
  together?: string;
}

const bin = (pkg: string, file: string) => join(repoRoot, 'node_modules', pkg, file);
const node = process.execPath;
const vitest = bin('vitest', 'vitest.mjs');
const emulatorVitestConfig = 'packages/stripe-emulator/vitest.config.ts';
const stripeAppVitestConfig = 'packages/stripe-app/vitest.config.mts';

const steps: Step[] = [
  // ESLint and tsc each use one core.
  { name: 'lint', title: 'ESLint', command: node, args: [bin('eslint', 'bin/eslint.js'), '.'], together: 'static' },
  { name: 'types', title: 'Type check (npm run typecheck)', command: 'npm', args: ['run', '--silent', 'typecheck'], together: 'static' },
  { name: 'db', title: 'Migrations match the schema (db:check)', command: node, args: [bin('tsx', 'dist/cli.mjs'), 'scripts/db-check.ts'], together: 'static' },
  { name: 'unit', title: 'Unit tests', command: node, args: [vitest, 'run', '--project', 'unit*'] },
  {
    name: 'emulator',
    title: 'Stripe emulator tests',
    command: node,
    args: [vitest, 'run', '--config', emulatorVitestConfig],
    skipReason: () => (existsSync(join(repoRoot, emulatorVitestConfig)) ? null : `no ${emulatorVitestConfig}`),
  },
  {
    name: 'stripe-app',
    title: 'Stripe App (UI extension SDK testing tools, manifest)',
    command: node,
    args: [vitest, 'run', '--config', stripeAppVitestConfig],
  },
  {
    name: 'integration',
    title: 'Integration tests on PGlite',
    command: node,
    args: [vitest, 'run', '--project', 'integration*'],
    env: { TEST_DATABASE: 'pglite' },
    // Each integration run takes its files one after another on its own database and emulator (free ports):
    // the two runs share nothing and each keeps about one core busy.
    together: 'integration',
  },
  {
    name: 'integration-postgres',
    title: 'Integration tests on PostgreSQL',
    command: node,
    args: [vitest, 'run', '--project', 'integration*'],
    env: { TEST_DATABASE: 'postgres' },
    together: 'integration',
    skipReason: () =>
      findPostgresBinDir()
        ? null
        : 'PostgreSQL binaries not found (initdb): integration tests ran on PGlite only. ' +
          'Install PostgreSQL to test both: `apt-get install -y postgresql` (Debian) or `brew install postgresql` (macOS).',
  },
  {
    name: 'build',
    title: 'Production build (next build)',
    command: node,
    args: [nextCli, 'build'],
    // lib/env.ts requires AUTH_SECRET in production; the build never signs anything with it.
    env: { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET: process.env.AUTH_SECRET ?? 'build-only-placeholder-secret-0000' },
    // `npm run demo` reuses this build while the sources stay the same.
    before: () => sourceFingerprint(repoRoot),
    after: (fingerprint) => recordBuild(repoRoot, fingerprint),
  },
  {
    // Reads the build's manifests and gzips the chunks (a second or two); fails over the budget.
    name: 'first-load',
    title: "Usage page's first-load JavaScript within 150 kB gzip (measure:first-load)",
    command: node,
    args: [bin('tsx', 'dist/cli.mjs'), 'scripts/measure-first-load.ts', '/orgs/[orgId]/usage/page', '150'],
    skipReason: () => (existsSync(join(repoRoot, '.next', 'build-manifest.json')) ? null : 'no production build in .next (run the build step)'),
  },
  {
    // The README's quick start on fresh data: it must seed and serve (the demo reuses the build above).
    name: 'demo',
    title: 'Quick start: npm run demo on fresh data',
    command: node,
    args: [bin('tsx', 'dist/cli.mjs'), 'scripts/demo-smoke.ts'],
  },
  {
    name: 'multi-server',
    title: 'Two app servers behind HAProxy on one PostgreSQL',
    command: node,
    args: [bin('tsx', 'dist/cli.mjs'), 'scripts/multi-server.ts'],
    skipReason: () =>
      !findPostgresBinDir()
        ? 'PostgreSQL binaries not found: `apt-get install -y postgresql`'
        : spawnSync('sh', ['-c', 'command -v haproxy']).status !== 0
          ? 'haproxy not found: `apt-get install -y haproxy` (Debian) to check several app servers'
          : null,
  },
  {
    name: 'faults',
    title: 'Faults: kill -9 mid-work, PostgreSQL restarted, Stripe unreachable',
    command: node,
    args: [bin('tsx', 'dist/cli.mjs'), '--import', './scripts/lib/server-only-hook.mjs', 'scripts/faults.ts'],
    skipReason: () => (findPostgresBinDir() ? null : 'PostgreSQL binaries not found: `apt-get install -y postgresql` (Debian) to check recovery from faults'),
  },
  { name: 'e2e', title: 'End-to-end tests (Playwright, Chromium)', command: node, args: [bin('@playwright/test', 'cli.js'), 'test'] },
];

function parseList(flag: string): Set<string> | null {
  const index = process.argv.indexOf(flag);
  if (index === -1) return null;
  const value = process.argv[index + 1] ?? '';
  const names = new Set(value.split(',').map((s) => s.trim()).filter(Boolean));
  const unknown = [...names].filter((n) => !steps.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(`Unknown step(s): ${unknown.join(', ')}. Steps: ${steps.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  return names;
}

/** Consecutive steps sharing a `together` tag form one batch; every other step is a batch of its own. */
function batchesOf(selected: Step[]): Step[][] {
  const batches: Step[][] = [];
  for (const step of selected) {
    const last = batches.at(-1);
    if (last && step.together && last[0]!.together === step.together) last.push(step);
    else batches.push([step]);
  }
  return batches;
}

/** Runs a command with its output (stdout and stderr, interleaved as written) held until it exits. */
function runHoldingOutput(command: string, args: string[], env: NodeJS.ProcessEnv, print: (output: string) => void): Promise<number> {
  return new Promise((resolveRun) => {
    const chunks: Buffer[] = [];
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('close', (code, signal) => {
      print(Buffer.concat(chunks).toString('utf8'));
      resolveRun(code ?? (signal ? 128 : 1));
    });
    child.once('error', (error) => {
      print(`${Buffer.concat(chunks).toString('utf8')}${error.message}\n`);
      resolveRun(127);
    });
  });
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

async function main(): Promise<void> {
  const only = parseList('--only');
  const skip = parseList('--skip') ?? new Set<string>();
  const selected = steps.filter((s) => (!only || only.has(s.name)) && !skip.has(s.name));

  // Preflight: fail in the first second, not after the build, when the browser is missing.
  if (selected.some((s) => s.name === 'e2e') && !existsSync(CHROMIUM)) {
    console.error(`Chromium is missing at ${CHROMIUM}; the end-to-end tests need it. Install it with:\n\n  apt-get install -y chromium\n`);
    console.error('0 passed, 1 failed');
    process.exit(1);
  }

  const results: Array<{ step: Step; outcome: 'passed' | 'failed' | 'skipped'; ms: number; note?: string }> = [];
  const started = Date.now();
  for (const batch of batchesOf(selected)) {
    const runnable: Step[] = [];
    for (const step of batch) {
      const reason = step.skipReason?.() ?? null;
      if (reason) {
        console.log(`\n━━ ${step.title}: skipped — ${reason}`);
        results.push({ step, outcome: 'skipped', ms: 0, note: reason });
      } else runnable.push(step);
    }
    if (runnable.length > 1) console.log(`\n━━ At the same time: ${runnable.map((s) => s.title).join('; ')} (each one's output follows when it ends)`);
    const outcomes = await Promise.all(
      runnable.map(async (step) => {
        if (runnable.length === 1) console.log(`\n━━ ${step.title}`);
        const stepStart = Date.now();
        const token = step.before?.() ?? '';
        const env = { ...process.env, ...step.env };
        const code =
          runnable.length === 1
            ? await runToCompletion(step.command, step.args, env)
            : await runHoldingOutput(step.command, step.args, env, (output) => process.stdout.write(`\n━━ ${step.title}\n${output}`));
        if (code === 0) step.after?.(token);
        const ms = Date.now() - stepStart;
        const outcome = code === 0 ? ('passed' as const) : ('failed' as const);
        console.log(`━━ ${step.title}: ${outcome} in ${formatDuration(ms)}${code === 0 ? '' : ` (exit ${code})`}`);
        return { step, outcome, ms };
      }),
    );
    results.push(...outcomes);
    if (outcomes.some((o) => o.outcome === 'failed')) break;
  }

  const notRun = selected.filter((s) => !results.some((r) => r.step === s));
  console.log('\nSummary');
  for (const r of results) {
    console.log(`  ${r.outcome.padEnd(8)} ${formatDuration(r.ms).padStart(6)}  ${r.step.title}${r.note ? ` — ${r.note}` : ''}`);
  }
  for (const s of notRun) console.log(`  ${'not run'.padEnd(8)} ${''.padStart(6)}  ${s.title} (after the failure above)`);
  console.log(`  total ${formatDuration(Date.now() - started)}`);
  const passed = results.filter((r) => r.outcome === 'passed').length;
  const failed = results.filter((r) => r.outcome === 'failed').length;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();

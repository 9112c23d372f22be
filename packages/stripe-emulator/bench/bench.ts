// npm run bench -w @seikyu/stripe-emulator [-- --requests=1000 --concurrency=1,8,32 --clock-subscriptions=1000
//                                             --url=http://127.0.0.1:12111 (an emulator already running, e.g. under --cpu-prof)]
// Throughput and latency of typical create calls through the real SDK against an emulator in its own process
// (started like `npm run emulator`, state in memory), and the time of one test-clock advance over a month with
// many subscriptions on the clock. A script that prints a table, not a timed test: figures depend on the machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';

const API_VERSION = '2026-10-28.endive' satisfies Stripe.LatestApiVersion;

interface Options {
  requests: number;
  concurrency: number[];
  clockSubscriptions: number;
  /** Use this running emulator instead of starting one. */
  url: string | null;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { requests: 1000, concurrency: [1, 8, 32], clockSubscriptions: 1000, url: null };
  for (const arg of argv) {
    const [name, value] = arg.replace(/^--/, '').split('=');
    const int = (v: string | undefined): number => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got '${v}'`);
      return n;
    };
    if (name === 'requests') options.requests = int(value);
    else if (name === 'concurrency') options.concurrency = (value ?? '').split(',').map(int);
    else if (name === 'clock-subscriptions') options.clockSubscriptions = int(value);
    else if (name === 'url') options.url = new URL(value ?? '').origin;
    else throw new Error(`unknown option ${arg} (known: --requests=N --concurrency=1,8,32 --clock-subscriptions=N --url=URL)`);
  }
  return options;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `src/cli.ts` in a child process and resolves once it listens. */
async function startEmulatorProcess(port: number): Promise<ChildProcess> {
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', cli], {
    env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_DATA: '', EMULATOR_WEBHOOK_URL: '', EMULATOR_LOG: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start within 30 s:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with code ${code}:\n${output}`));
    });
  });
  child.stdout?.resume();
  return child;
}

function client(port: number): Stripe {
  // No retries: a failed request should show up as an error, not as a slow request.
  return new Stripe('sk_test_emulator', { apiVersion: API_VERSION, host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
}

interface Measurement {
  name: string;
  concurrency: number;
  requests: number;
  seconds: number;
  latenciesMs: number[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Runs `count` calls of `call(i)` with `concurrency` callers in flight; every call must succeed. */
async function measure(name: string, count: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<Measurement> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  async function worker(): Promise<void> {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await call(i);
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, () => worker()));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { name, concurrency, requests: count, seconds, latenciesMs: latencies };
}

async function inBatches<T>(count: number, concurrency: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(count);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < count) {
      const i = next++;
      out[i] = await make(i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, () => worker()));
  return out;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const loadAtStart = os.loadavg()[0];
  const port = options.url ? Number(new URL(options.url).port) : await freePort();
  const child = options.url ? null : await startEmulatorProcess(port);
  const stripe = client(port);
  const results: Measurement[] = [];
  try {
    // Warm up (JIT, first-use paths) so the first level is not penalised.
    await inBatches(50, 4, () => stripe.customers.create({ email: 'warmup@example.com' }));

    for (const concurrency of options.concurrency) {
      results.push(
        await measure('customers.create', options.requests, concurrency, (i) =>
          stripe.customers.create({ email: `bench-${concurrency}-${i}@example.com`, name: 'Bench Customer', metadata: { bench: 'true' } }),
        ),
      );
    }

    const product = await stripe.products.create({ name: 'Bench plan' });
    const price = await stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: 1000, recurring: { interval: 'month' } });
    for (const concurrency of options.concurrency) {
      // Each subscription needs its own customer with a card; prepared outside the measured window.
      const payers = await inBatches(options.requests, 16, async (i) => {
        const customer = await stripe.customers.create({ email: `sub-${concurrency}-${i}@example.com` });
        const pm = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
        return { customer: customer.id, paymentMethod: pm.id };
      });
      results.push(
        await measure('subscriptions.create', options.requests, concurrency, (i) =>
          stripe.subscriptions.create({ customer: payers[i].customer, items: [{ price: price.id }], default_payment_method: payers[i].paymentMethod }),
        ),
      );
    }

    // One test clock, N customers each with a monthly subscription, advanced one month (plus the hour after which
    // Stripe finalizes a renewal's draft, so every renewal is finalized and charged inside the advance).
    const start = Math.floor(Date.UTC(2026, 0, 15, 12) / 1000);
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: start, name: 'bench' });
    const setupStarted = performance.now();
    const subscriptions = await inBatches(options.clockSubscriptions, 16, async (i) => {
      const customer = await stripe.customers.create({ email: `clock-${i}@example.com`, test_clock: clock.id });
      const pm = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
      return stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], default_payment_method: pm.id });
    });
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    const active = subscriptions.filter((s) => s.status === 'active').length;
    const target = start + 31 * 86_400 + 2 * 3600;
    const advanceStarted = performance.now();
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: target });
    let status: string = 'advancing';
    while (status === 'advancing') {
      await new Promise((resolve) => setTimeout(resolve, 25));
      status = (await stripe.testHelpers.testClocks.retrieve(clock.id)).status;
    }
    const advanceSeconds = (performance.now() - advanceStarted) / 1000;
    if (status !== 'ready') throw new Error(`the test clock ended ${status}`);

    // Spot-check that the advance did the work: each sampled subscription has its renewal invoice paid.
    const sample = [0, Math.floor(subscriptions.length / 2), subscriptions.length - 1];
    let renewedPaid = 0;
    for (const index of sample) {
      const invoices = await stripe.invoices.list({ subscription: subscriptions[index].id, limit: 10 });
      if (invoices.data.length === 2 && invoices.data.every((inv) => inv.status === 'paid')) renewedPaid++;
    }

    const cpu = os.cpus();
    console.log(`\nStripe emulator benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}`);
    // Other work on the machine skews every figure: say how busy it was.
    console.log(`1-minute load average: ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end.`);
    console.log('Emulator in its own process, state in memory; calls through stripe@23.1.0 over HTTP (keep-alive), no retries.\n');
    console.log(row(['call', 'concurrent callers', 'requests', 'requests/s', 'p50 ms', 'p99 ms']));
    console.log(row(['---', '---:', '---:', '---:', '---:', '---:']));
    for (const m of results) {
      console.log(
        row([
          `\`${m.name}\``,
          String(m.concurrency),
          String(m.requests),
          (m.requests / m.seconds).toFixed(0),
          percentile(m.latenciesMs, 50).toFixed(1),
          percentile(m.latenciesMs, 99).toFixed(1),
        ]),
      );
    }
    console.log('');
    console.log(row(['test clock', 'subscriptions on the clock', 'setup (s)', 'advance one month (s)', 'sampled renewals paid']));
    console.log(row(['---', '---:', '---:', '---:', '---:']));
    console.log(
      row([
        `advance ${new Date(start * 1000).toISOString().slice(0, 10)} → ${new Date(target * 1000).toISOString().slice(0, 10)}`,
        `${options.clockSubscriptions} (${active} active)`,
        setupSeconds.toFixed(1),
        advanceSeconds.toFixed(2),
        `${renewedPaid}/${sample.length}`,
      ]),
    );
  } finally {
    child?.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

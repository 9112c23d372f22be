// Shared test helpers: start an emulator on a free port, a real `stripe` client pointed at it, a webhook
// receiver, raw HTTP for what the SDK cannot express, and the /_emulator controls.
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startEmulator, type RunningEmulator } from '../src/index.js';
import type { EmulatorOptions } from '../src/emulator.js';
import { createValidatedStripe, recordWebhookPayload } from './fidelity/validated-stripe.js';

export const API_VERSION = '2026-10-28.endive' satisfies Stripe.LatestApiVersion;

export interface TestEmulator extends RunningEmulator {
  stripe: Stripe;
  /** A client with another secret key (idempotency keys are scoped per key). */
  client(key?: string): Stripe;
}

/** Starts an emulator on a free port with fast webhook retries. Close it in afterAll/afterEach. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const running = await startEmulator({
    port: 0,
    ...options,
    webhooks: { retryScheduleMs: [50, 100, 200], timeoutMs: 2_000, ...options.webhooks },
  });
  const client = (key = 'sk_test_emulator'): Stripe => makeClient(running.port, key);
  return { ...running, stripe: client(), client };
}

/** The real SDK, over HTTP, with retries enabled (as the app configures it). */
export function makeClient(port: number, key = 'sk_test_emulator'): Stripe {
  // Every response is validated against the SDK's types (test/fidelity); violations fail the test.
  return createValidatedStripe(`http://127.0.0.1:${port}`, { apiKey: key, maxNetworkRetries: 2 });
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: unknown;
}

/** A plain HTTP request (for what the SDK cannot express: bad keys, unknown endpoints, raw headers). */
export async function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  options: { key?: string | null; body?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? 'sk_test_emulator' : options.key;
  if (key) headers.Authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const outHeaders: IncomingHttpHeaders = {};
  res.headers.forEach((value, name) => {
    outHeaders[name] = value;
  });
  return { status: res.status, headers: outHeaders, text, json };
}

/** POST /_emulator/webhooks/flush: resolves once every queued delivery (retries included) is done. */
export async function flushWebhooks(baseUrl: string, timeoutMs = 10_000): Promise<void> {
  const res = await rawRequest(baseUrl, 'POST', '/_emulator/webhooks/flush', {
    key: null,
    body: JSON.stringify({ timeout_ms: timeoutMs }),
    headers: { 'Content-Type': 'application/json' },
  });
  const body = res.json as { idle?: boolean } | null;
  if (res.status !== 200 || !body?.idle) throw new Error(`webhook queue did not drain: ${res.text}`);
}

/** Sets webhook chaos options (`duplicate`, `shuffle_window_ms`, `retry_schedule_ms`). */
export async function setChaos(baseUrl: string, settings: Record<string, unknown>): Promise<void> {
  const res = await rawRequest(baseUrl, 'POST', '/_emulator/chaos', {
    key: null,
    body: JSON.stringify(settings),
    headers: { 'Content-Type': 'application/json' },
  });
  if (res.status !== 200) throw new Error(`chaos settings refused: ${res.text}`);
}

export interface ReceivedWebhook {
  body: string;
  signature: string;
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status codes to answer with, consumed one per request; 200 once empty. */
  respondWith: number[];
  close(): Promise<void>;
}

/** A local HTTP server that records webhook deliveries. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const respondWith: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const signature = req.headers['stripe-signature'];
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: typeof signature === 'string' ? signature : '', receivedAt: Date.now() });
      recordWebhookPayload(received[received.length - 1].body);
      res.statusCode = respondWith.shift() ?? 200;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    respondWith,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Asserts a promise rejects with a Stripe error and returns it (typed). */
export async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error('expected the request to fail with a Stripe error, but it succeeded');
}

// Load generation for the benchmarks: keep-alive HTTP clients on loopback, latencies and percentiles.
import { Agent, request } from 'node:http';
import { percentile } from './bench-kit';

export const REQUEST_TIMEOUT_MS = 60_000;

export type HttpAnswer = { status: number; body: string };

export function httpRequest(
  agent: Agent,
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', agent, headers: options.headers, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

export { percentile };

export type LoadResult = { requests: number; seconds: number; perSecond: number; p50: number; p95: number; failures: string[] };

/**
 * `total` calls of `call(k)` from `concurrency` clients, each call timed; a call that throws or returns an error
 * string is a failure. Stops at `deadlineMs` (and says so among the failures).
 */
export async function runLoad(options: {
  total: number;
  concurrency: number;
  deadlineMs: number;
  call: (k: number) => Promise<string | null>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const deadline = performance.now() + options.deadlineMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.total && performance.now() < deadline) {
        const k = next++;
        const t = performance.now();
        try {
          const failure = await options.call(k);
          if (failure) failures.push(failure);
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (next < options.total) failures.push(`stopped after ${options.deadlineMs / 1000}s with ${options.total - next} requests left`);
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, seconds, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), failures };
}

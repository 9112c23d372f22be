// createValidatedStripe(url): the real stripe SDK pointed at the emulator, with an HTTP client that checks every
// JSON response body against the schema generated from the SDK's types. Violations are recorded (not thrown:
// the SDK would turn a throw into a retried connection error) and a test fails on them through
// expectNoFidelityViolations(), which test/fidelity/setup.ts (a vitest setup file) awaits after each test.
import Stripe from 'stripe';
import { ResponseValidator, type FidelityViolation } from './response-validator.js';

type HttpClientInterface = NonNullable<ConstructorParameters<typeof Stripe>[1]>['httpClient'] & object;
type HttpClientResponseInterface = Awaited<ReturnType<HttpClientInterface['makeRequest']>>;

export const STRIPE_API_VERSION = '2026-10-28.endive' satisfies Stripe.LatestApiVersion;

let sharedValidator: ResponseValidator | null = null;
/** Violations recorded since the last takeFidelityViolations(), across every validated client in this process. */
const recorded: FidelityViolation[] = [];
/** Validations scheduled but not run yet. */
const pending = new Set<Promise<void>>();

function validator(): ResponseValidator {
  sharedValidator ??= new ResponseValidator();
  return sharedValidator;
}

class ValidatingResponse implements HttpClientResponseInterface {
  constructor(
    private readonly inner: HttpClientResponseInterface,
    private readonly request: string,
    private readonly sink: (violations: FidelityViolation[]) => void,
  ) {}
  getStatusCode(): number {
    return this.inner.getStatusCode();
  }
  getHeaders(): ReturnType<HttpClientResponseInterface['getHeaders']> {
    return this.inner.getHeaders();
  }
  getRawResponse(): unknown {
    return this.inner.getRawResponse();
  }
  toStream(streamCompleteCallback: () => void): unknown {
    return this.inner.toStream(streamCompleteCallback);
  }
  dispose(): void {
    this.inner.dispose?.();
  }
  async toJSON(): Promise<unknown> {
    const body: unknown = await this.inner.toJSON();
    // Validate a snapshot (the SDK decorates the parsed body) after the caller has its result: compiling the
    // schema takes a moment the first time, and a test that times a call should not see it.
    const snapshot: unknown = structuredClone(body);
    const statusCode = this.getStatusCode();
    const done = new Promise<void>((resolve) => {
      setImmediate(() => {
        try {
          const violations = validator().validateResponse(this.request, statusCode, snapshot);
          if (violations.length) this.sink(violations);
        } finally {
          pending.delete(done);
          resolve();
        }
      });
    });
    pending.add(done);
    return body;
  }
}

class ValidatingHttpClient implements HttpClientInterface {
  constructor(
    private readonly inner: HttpClientInterface,
    private readonly sink: (violations: FidelityViolation[]) => void,
  ) {}
  getClientName(): string {
    return `${this.inner.getClientName()}+fidelity`;
  }
  async makeRequest(
    ...args: Parameters<HttpClientInterface['makeRequest']>
  ): Promise<HttpClientResponseInterface> {
    const [, , path, method] = args;
    const response = await this.inner.makeRequest(...args);
    return new ValidatingResponse(response, `${method} ${path.split('?')[0]}`, this.sink);
  }
}

/**
 * Validates a webhook delivery's raw body (an event and its `data.object`) like an API response; violations are
 * recorded under `WEBHOOK <event type>`. Test webhook receivers call it for every delivery.
 */
export function recordWebhookPayload(rawBody: string): void {
  let event: unknown;
  try {
    event = JSON.parse(rawBody);
  } catch {
    recorded.push({ request: 'WEBHOOK', at: '$', schema: 'event', problems: ['the delivery body is not JSON'] });
    return;
  }
  const type = typeof event === 'object' && event !== null && 'type' in event ? String(event.type) : '?';
  const done = new Promise<void>((resolve) => {
    setImmediate(() => {
      try {
        const violations = validator().validateResponse(`WEBHOOK ${type}`, 200, event);
        recorded.push(...violations);
      } finally {
        pending.delete(done);
        resolve();
      }
    });
  });
  pending.add(done);
}

export interface ValidatedStripeOptions {
  /** Defaults to sk_test_emulator. */
  apiKey?: string;
  /** Defaults to 2, as the app's client: retries are part of what the emulator must survive. */
  maxNetworkRetries?: number;
  /** Called with each response's violations as they happen (besides recording them). */
  onViolation?: (violations: FidelityViolation[]) => void;
}

/** A stripe SDK client for the emulator at `url` whose every response is validated against the SDK's types. */
export function createValidatedStripe(url: string, options: ValidatedStripeOptions = {}): Stripe {
  const target = new URL(url);
  const sink = (violations: FidelityViolation[]) => {
    recorded.push(...violations);
    options.onViolation?.(violations);
  };
  return new Stripe(options.apiKey ?? 'sk_test_emulator', {
    apiVersion: STRIPE_API_VERSION,
    host: target.hostname,
    port: Number(target.port || (target.protocol === 'https:' ? 443 : 80)),
    protocol: target.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    telemetry: false,
    httpClient: new ValidatingHttpClient(Stripe.createNodeHttpClient(), sink),
  });
}

/** Waits for the validations still scheduled, then returns and clears the violations recorded so far. */
export async function takeFidelityViolations(): Promise<FidelityViolation[]> {
  while (pending.size) await Promise.all([...pending]);
  return recorded.splice(0, recorded.length);
}

/** Formats violations for an assertion message: one block per response, one line per problem. */
export function formatFidelityViolations(violations: FidelityViolation[]): string {
  return violations
    .map((v) => `${v.request} ${v.at} (${v.schema}):\n${v.problems.map((p) => `  - ${p}`).join('\n')}`)
    .join('\n');
}

/** Rejects when any response since the last call broke the SDK's contract; await it in afterEach. */
export async function expectNoFidelityViolations(): Promise<void> {
  const violations = await takeFidelityViolations();
  if (violations.length === 0) return;
  throw new Error(`Stripe emulator responses do not match stripe@${validator().stripeVersion}'s types:\n${formatFidelityViolations(violations)}`);
}

// Pieces shared by the benchmarks (bench:portal, bench:usage): knobs from the environment, percentiles, the
// catalogue seeded through the emulator and mirrored, and the emulator's count of Stripe requests.

export function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max} (got ${raw})`);
  return n;
}

export function elapsed(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)}s`;
}

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The demo catalogue created in the emulator (idempotent) and mirrored into the database. */
export async function seedCatalogue(databaseUrl: string): Promise<void> {
  const [{ createStripeClient }, { seedCatalog }, { syncStripeCatalog }, { createDb }] = await Promise.all([
    import('@/lib/stripe/client'),
    import('@/lib/demo/seed-catalog'),
    import('@/lib/stripe-sync'),
    import('@/db'),
  ]);
  const db = createDb(databaseUrl, { max: 2 });
  try {
    await seedCatalog(createStripeClient(), () => {});
    await syncStripeCatalog(db, { stripe: createStripeClient() });
  } finally {
    await db.$close();
  }
}

/** Stripe's objects as the mirror stores them in `data`: one of each kind, to give seeded rows their real size. */
export type StripeObjectSamples = { customer: string; subscription: string; subscriptionItem: string; invoice: string };

/**
 * A customer subscribed to `priceId` through the emulator, and its first invoice: the JSON of each, as samples of
 * what the mirror's `data` columns hold (an invoice with its line is a few kB; pages must not pay for reading it).
 */
export async function sampleStripeObjects(priceId: string): Promise<StripeObjectSamples> {
  const { createStripeClient } = await import('@/lib/stripe/client');
  const stripe = createStripeClient();
  const customer = await stripe.customers.create({ name: 'Bench sample', email: 'sample@bench.seikyu.test' });
  const subscription = await stripe.subscriptions.create({
    customer: customer.id,
    items: [{ price: priceId, quantity: 2 }],
    collection_method: 'send_invoice',
    days_until_due: 14,
  });
  const invoice = await stripe.invoices.retrieve(subscription.latest_invoice as string);
  return {
    customer: JSON.stringify(customer),
    subscription: JSON.stringify(subscription),
    subscriptionItem: JSON.stringify(subscription.items.data[0]),
    invoice: JSON.stringify(invoice),
  };
}

/** How many Stripe requests the emulator has answered since it started. */
export async function stripeRequestCount(emulatorUrl: string): Promise<number> {
  return (await stripeRequestCounts(emulatorUrl)).count;
}

/** The emulator's request count, in all and per endpoint ("GET /v1/invoices/:id"). */
export async function stripeRequestCounts(emulatorUrl: string): Promise<{ count: number; byEndpoint: Record<string, number> }> {
  const response = await fetch(`${emulatorUrl}/_emulator/requests/count`);
  if (!response.ok) throw new Error(`emulator request count: HTTP ${response.status} (is /_emulator/requests/count registered?)`);
  const body = (await response.json()) as { count?: unknown; by_endpoint?: unknown };
  if (typeof body.count !== 'number') throw new Error('emulator request count: no count in the answer');
  return { count: body.count, byEndpoint: (body.by_endpoint ?? {}) as Record<string, number> };
}

/** Runs a bench's `main` and exits with its code (1 when it threw, with the stack), after `cleanUp` in either case. */
export function runBench(main: () => Promise<number>, cleanUp: () => Promise<void>): void {
  void main()
    .catch((error: unknown) => {
      console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return 1;
    })
    .then(async (code) => {
      await cleanUp();
      process.exit(code);
    });
}

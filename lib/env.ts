// The only module that reads process.env. Parsed once, validated with zod; everything else imports `env`.
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** Public origin of the portal (links in emails, Stripe return URLs). */
    APP_URL: z.string().url().default('http://localhost:3000'),
    /** postgres://… — real PostgreSQL, or the embedded PGlite server started by `npm run demo` / tests. */
    DATABASE_URL: z.string().min(1).optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * Named prepared statements for every query (db/index.ts): PostgreSQL parses and plans each query shape once
     * per connection. `false` behind a pooler in transaction mode that cannot carry them (PgBouncer before 1.21).
     */
    DATABASE_PREPARED_STATEMENTS: z.enum(['true', 'false']).default('true'),
    /**
     * Webhook events one app process works on at once after answering their deliveries (the rest wait in its queue,
     * and any it never reaches are picked up by the background sweep). Each holds a database connection while it
     * re-reads its object from Stripe, so keep it well below DATABASE_POOL_MAX: recording deliveries needs the rest.
     */
    WEBHOOK_PROCESSING_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
    /**
     * Where recorded webhook events are processed: `inline`, by the server that received them, after its answer
     * (default; one process does everything); `worker`, by the job runners only (`npm run worker`, or app servers
     * with JOBS_IN_APP), which claim each event as soon as it is recorded: the web servers then only verify, record
     * and answer, so a burst of deliveries is acknowledged at the rate the database takes inserts.
     */
    WEBHOOK_PROCESSING: z.enum(['inline', 'worker']).default('inline'),
    /** Port of `npm run webhook-receiver`, the webhook receiver outside Next.js (docs/deploying.md). */
    WEBHOOK_RECEIVER_PORT: z.coerce.number().int().min(1).max(65535).default(3100),
    /** Real Stripe when set (sk_test_… or sk_live_…); the bundled emulator when unset. */
    STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: z.string().startsWith('pk_').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    /**
     * The Stripe App's signing secret (`absec_…`, the app's details page in the Dashboard): verifies every request
     * the app sends to /api/stripe-app/*. In emulator mode it defaults to `absec_seikyu_emulator`; with real
     * Stripe and no secret those routes answer 503 (the app is off).
     */
    STRIPE_APP_SECRET: z.string().startsWith('absec_').optional(),
    /** Requests per minute one Stripe Dashboard user may make to /api/stripe-app/* (per app server). */
    STRIPE_APP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(60),
    /** The secret of the Connect endpoint (events from connected accounts: account.updated); docs/connect.md. */
    STRIPE_CONNECT_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    /**
     * The secret of the event destination for v2 thin events (`v2.core.account*`: payees' Accounts v2) posting to
     * /api/webhooks/stripe/thin; docs/connect.md. In emulator mode it defaults to `whsec_seikyu_emulator_thin`;
     * with real Stripe and no secret that route answers 503.
     */
    STRIPE_THIN_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    /** Where the emulator listens when STRIPE_SECRET_KEY is unset. */
    STRIPE_EMULATOR_URL: z.string().url().default('http://127.0.0.1:12111'),
    /**
     * How operators record payments made outside Stripe: `payment_records` (Payment Records + attach, partial
     * amounts allowed) or `paid_out_of_band` (invoices.pay, full amount only) for accounts without Payment Records.
     */
    OFF_STRIPE_PAYMENTS: z.enum(['payment_records', 'paid_out_of_band']).default('payment_records'),
    /** The custom payment method type (`cpmt_…`, created in the Stripe Dashboard) recorded payments use. */
    STRIPE_CUSTOM_PAYMENT_METHOD_TYPE: z.string().startsWith('cpmt_').optional(),
    AUTH_SECRET: z.string().min(16).optional(),
    SMTP_URL: z.string().url().optional(),
    /** From address of every email; use the company's own domain (with DKIM below) so mail is trusted. */
    MAIL_FROM: z.string().default('Seikyu <billing@seikyu.localhost>'),
    /** DKIM signing of outgoing SMTP mail: all three set, or none (no signature). The key is PEM (\\n allowed). */
    DKIM_DOMAIN: z.string().min(1).optional(),
    DKIM_SELECTOR: z.string().min(1).optional(),
    DKIM_PRIVATE_KEY: z
      .string()
      .min(1)
      .optional()
      .transform((v) => v?.replace(/\\n/g, '\n')),
    /** Whether each app server runs the background job runner (default on); 0 when `npm run worker` runs it instead. */
    JOBS_IN_APP: z
      .enum(['1', '0', 'true', 'false'])
      .default('true')
      .transform((v) => v === '1' || v === 'true'),
    /** Seconds between a runner's polls for new jobs (per queue). */
    JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
    /** Usage API requests per second per organization and app server (token bucket, bursts of twice this). */
    USAGE_API_RATE_LIMIT: z.coerce.number().min(1).max(100_000).default(50),
    /** Minutes between runs of the usage reporter job (aggregates accepted events and reports them to Stripe meters). */
    USAGE_REPORT_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(59).default(5),
    /** The /dev/mailbox page; on by default outside production. */
    DEV_MAILBOX_ENABLED: bool,
    AUTH_GITHUB_ID: z.string().optional(),
    AUTH_GITHUB_SECRET: z.string().optional(),
    AUTH_GOOGLE_ID: z.string().optional(),
    AUTH_GOOGLE_SECRET: z.string().optional(),
    /** Comma-separated emails made operators (admin) when they sign in: how a deployment gets its first operator. */
    OPERATOR_EMAILS: z.string().default(''),
    /** Comma-separated emails made support operators (read everything, notes, resend; no money actions) on sign-in. */
    OPERATOR_SUPPORT_EMAILS: z.string().default(''),
    /** Days a customer paying by bank transfer (send_invoice) has to pay each invoice. */
    INVOICE_DAYS_UNTIL_DUE: z.coerce.number().int().min(1).max(365).default(30),
    /** A TrueType/OpenType font with Japanese glyphs for receipts; unset: IPAex Gothic when installed. */
    PDF_CJK_FONT_PATH: z.string().min(1).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.STRIPE_SECRET_KEY && !e.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY) {
      ctx.addIssue({ code: 'custom', path: ['NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY'], message: 'required with STRIPE_SECRET_KEY' });
    }
    if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['STRIPE_WEBHOOK_SECRET'], message: 'required with STRIPE_SECRET_KEY' });
    }
    const dkim = [e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY].filter(Boolean).length;
    if (dkim !== 0 && dkim !== 3) {
      ctx.addIssue({ code: 'custom', path: ['DKIM_PRIVATE_KEY'], message: 'DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY go together' });
    }
    if (e.NODE_ENV === 'production' && !e.AUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'required in production' });
    }
  });

export type Env = z.infer<typeof envSchema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

export const env = parseEnv(process.env);

/** Emulator mode: no real Stripe key configured. */
export const usesStripeEmulator = !env.STRIPE_SECRET_KEY;

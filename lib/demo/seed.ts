// Demo data for `npm run demo` and `npm run seed`, created through the Stripe API so it works against the
// emulator and a real Stripe test account alike. Idempotent: people and organizations are found by email,
// Stripe objects by metadata markers and lookup keys, and every creating call carries an idempotency key
// derived from the seed step, so a second run adds nothing twice.
import { seedKey } from './seed-key';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '@/db';
import { insertMembership, insertOrganization, listOrganizationsForUser, type Organization } from '@/db/queries/organizations';
import { getAppSetting } from '@/db/queries/app-settings';
import { ensureOperator } from '@/db/queries/users';
import { organizations, users } from '@/db/schema';
import { listAll, retrieveOrNull } from '@/lib/stripe-sync/context';
import { syncStripeCatalog, syncStripeCustomer } from '@/lib/stripe-sync';
import type { BrandingSettings } from '@/lib/branding/settings';
import { updateBrandingSettings } from '@/lib/branding/update-branding';
import { LOOKUP_KEYS, taxRateFor } from './catalog';
import { seedCatalog, type SeedLog } from './seed-catalog';

export const DEMO_CUSTOMER_EMAIL = 'customer@demo.seikyu.localhost';
export const DEMO_OPERATOR_EMAIL = 'operator@demo.seikyu.localhost';
export const DEMO_BANK_TRANSFER_EMAIL = 'accounts@bank-transfer.demo.seikyu.localhost';
export const DEMO_ORGANIZATION_NAME = 'Demo Corp';
export const DEMO_BANK_TRANSFER_ORGANIZATION_NAME = 'Kobe Scheduling KK';

/** Months of invoice history the demo organization gets from its test clock. */
const HISTORY_MONTHS = 3;
const DAY = 24 * 60 * 60;

// The demo company's bank account, as its Japanese customers read it on their invoices and emails.
const BANK_DETAILS = 'お振込先：セイキュー銀行 渋谷支店（001） 普通 1234567\n口座名義：カ）セイキュー';
const BANK_TRANSFER_FOOTER = `${BANK_DETAILS}\n振込手数料はお客様のご負担にてお願いいたします。`;

/**
 * The demo company's documents as a Japanese company issues them: its name, address, telephone and qualified-invoice
 * registration number (fictitious), and the bank account for transfers. Set once: what an operator changes later
 * on the branding page stays.
 */
const DEMO_BRANDING: BrandingSettings = {
  companyName: '株式会社セイキュー',
  brandColor: '#3f48c0',
  bankDetails: BANK_DETAILS,
  companyAddress: '〒150-0002\n東京都渋谷区渋谷1-2-3 渋谷ビル5F',
  supportPhone: '03-1234-5678',
  showSupportPhone: true,
  invoiceFooter: 'いつもご利用いただきありがとうございます。',
  bankTransferFooter: BANK_TRANSFER_FOOTER,
  registrationNumber: 'T7123456789012',
};

async function seedBranding(db: Db, stripe: Stripe, created: string[]): Promise<void> {
  if (await getAppSetting({ key: 'branding' }, db)) return;
  await updateBrandingSettings({ settings: DEMO_BRANDING, logo: { action: 'keep' }, actor: { type: 'system', id: 'demo-seed' }, stripe });
  created.push('branding (company, address, registration number, bank account)');
}


export type SeedDemoResult = {
  organizations: { name: string; id: string; stripeCustomerId: string }[];
  /** Stripe objects and rows this run created (empty on a re-run). */
  created: string[];
};

async function ensureUser(db: Db, email: string, name: string): Promise<string> {
  await db.insert(users).values({ email, name, emailVerified: new Date() }).onConflictDoNothing({ target: users.email });
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`demo user ${email} could not be created`);
  return row.id;
}

async function ensureOrganization(
  db: Db,
  params: { ownerEmail: string; ownerName: string; name: string; currency: string },
  created: string[],
): Promise<Organization> {
  const userId = await ensureUser(db, params.ownerEmail, params.ownerName);
  return db.transaction(async (tx) => {
    const mine = (await listOrganizationsForUser({ userId }, tx)).find((o) => o.name === params.name && o.role === 'owner');
    if (mine) {
      const [found] = await tx.select().from(organizations).where(eq(organizations.id, mine.id));
      if (found) return found;
    }
    const organization = await insertOrganization({ name: params.name, currency: params.currency, billingEmail: params.ownerEmail }, tx);
    await insertMembership({ organizationId: organization.id, userId, role: 'owner' }, tx);
    created.push(`organization ${params.name}`);
    return organization;
  });
}

/**
 * The organization's Stripe customer: the linked one while Stripe still has it, else a new one (a real Stripe
 * account deletes a test clock, and its customers, about a week after creating it; the demo then starts afresh).
 */
async function ensureCustomer(
  db: Db,
  stripe: Stripe,
  organization: Organization,
  create: () => Promise<Stripe.Customer>,
  created: string[],
): Promise<Stripe.Customer> {
  if (organization.stripeCustomerId) {
    const existing = await retrieveOrNull(() => stripe.customers.retrieve(organization.stripeCustomerId!));
    if (existing && !existing.deleted) return existing;
  }
  const customer = await create();
  await db.update(organizations).set({ stripeCustomerId: customer.id, updatedAt: new Date() }).where(eq(organizations.id, organization.id));
  created.push(`customer ${customer.id} for ${organization.name}`);
  return customer;
}

async function ensureDefaultCard(stripe: Stripe, customer: Stripe.Customer, created: string[]): Promise<string> {
  const current = customer.invoice_settings?.default_payment_method;
  if (current) return typeof current === 'string' ? current : current.id;
  const cards = await stripe.paymentMethods.list({ customer: customer.id, limit: 1 });
  const card =
    cards.data[0] ??
    (await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id }, { idempotencyKey: seedKey('attach-visa', customer.id) }));
  await stripe.customers.update(
    customer.id,
    { invoice_settings: { default_payment_method: card.id } },
    { idempotencyKey: seedKey('default-card', customer.id, card.id) },
  );
  created.push(`card ${card.id} for ${customer.id}`);
  return card.id;
}

async function findSeededSubscription(stripe: Stripe, customerId: string, marker: string): Promise<Stripe.Subscription | null> {
  const subscriptions = await listAll(stripe.subscriptions.list({ customer: customerId, status: 'all', limit: 100 }));
  return subscriptions.find((s) => s.metadata?.seikyu_demo === marker) ?? null;
}

async function waitForClock(stripe: Stripe, clockId: string, timeoutMs = 120_000): Promise<Stripe.TestHelpers.TestClock> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const clock = await stripe.testHelpers.testClocks.retrieve(clockId);
    if (clock.status === 'ready') return clock;
    if (clock.status === 'internal_failure') throw new Error(`test clock ${clockId} failed while advancing`);
    if (Date.now() > deadline) throw new Error(`test clock ${clockId} still ${clock.status} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Moves the clock forward at most four weeks at a time (Stripe refuses jumps past two billing intervals). */
async function advanceClockTo(stripe: Stripe, clockId: string, target: number, log: SeedLog): Promise<number> {
  let clock = await waitForClock(stripe, clockId);
  let steps = 0;
  while (clock.frozen_time < target) {
    const next = Math.min(clock.frozen_time + 28 * DAY, target);
    await stripe.testHelpers.testClocks.advance(clockId, { frozen_time: next }, { idempotencyKey: seedKey('advance', clockId, String(next)) });
    clock = await waitForClock(stripe, clockId);
    steps += 1;
    log(`demo: test clock advanced to ${new Date(clock.frozen_time * 1000).toISOString().slice(0, 10)}`);
  }
  return steps;
}

async function seedDemoCorp(db: Db, stripe: Stripe, teamPriceId: string, taxRateId: string, log: SeedLog, created: string[]) {
  const organization = await ensureOrganization(
    db,
    { ownerEmail: DEMO_CUSTOMER_EMAIL, ownerName: 'Demo Customer', name: DEMO_ORGANIZATION_NAME, currency: 'jpy' },
    created,
  );
  const customer = await ensureCustomer(
    db,
    stripe,
    organization,
    async () => {
      const now = Math.floor(Date.now() / 1000);
      const start = now - (HISTORY_MONTHS * 31 + 5) * DAY;
      const clock = await stripe.testHelpers.testClocks.create(
        { frozen_time: start, name: `Seikyu demo: ${DEMO_ORGANIZATION_NAME}` },
        { idempotencyKey: seedKey('clock', organization.id) },
      );
      return stripe.customers.create(
        {
          name: DEMO_ORGANIZATION_NAME,
          email: DEMO_CUSTOMER_EMAIL,
          preferred_locales: ['ja', 'en'],
          test_clock: clock.id,
          metadata: { organization_id: organization.id, seikyu_demo: 'demo-corp', seikyu_demo_history_until: String(now - DAY) },
        },
        { idempotencyKey: seedKey('customer', organization.id, clock.id) },
      );
    },
    created,
  );
  const cardId = await ensureDefaultCard(stripe, customer, created);

  if (!(await findSeededSubscription(stripe, customer.id, 'demo-corp-team'))) {
    await stripe.subscriptions.create(
      {
        customer: customer.id,
        items: [{ price: teamPriceId, quantity: 5 }],
        currency: 'jpy',
        default_tax_rates: [taxRateId],
        default_payment_method: cardId,
        metadata: { organization_id: organization.id, seikyu_demo: 'demo-corp-team' },
      },
      { idempotencyKey: seedKey('subscription', 'team', customer.id) },
    );
    created.push(`Team subscription for ${DEMO_ORGANIZATION_NAME}`);
  }

  const clockId = typeof customer.test_clock === 'string' ? customer.test_clock : customer.test_clock?.id;
  const until = Number(customer.metadata?.seikyu_demo_history_until);
  if (clockId && Number.isFinite(until)) {
    const steps = await advanceClockTo(stripe, clockId, until, log);
    if (steps > 0) created.push(`${steps} test clock advances`);
  }
  return { name: organization.name, id: organization.id, stripeCustomerId: customer.id };
}

async function seedBankTransferCustomer(db: Db, stripe: Stripe, starterAnnualPriceId: string, taxRateId: string, created: string[]) {
  const organization = await ensureOrganization(
    db,
    { ownerEmail: DEMO_BANK_TRANSFER_EMAIL, ownerName: 'Accounts Payable', name: DEMO_BANK_TRANSFER_ORGANIZATION_NAME, currency: 'jpy' },
    created,
  );
  const customer = await ensureCustomer(
    db,
    stripe,
    organization,
    () =>
      stripe.customers.create(
        {
          name: DEMO_BANK_TRANSFER_ORGANIZATION_NAME,
          email: DEMO_BANK_TRANSFER_EMAIL,
          preferred_locales: ['ja'],
          invoice_settings: { footer: BANK_TRANSFER_FOOTER },
          metadata: { organization_id: organization.id, seikyu_demo: 'bank-transfer' },
        },
        { idempotencyKey: seedKey('customer', organization.id) },
      ),
    created,
  );

  let subscription = await findSeededSubscription(stripe, customer.id, 'bank-transfer-starter');
  if (!subscription) {
    subscription = await stripe.subscriptions.create(
      {
        customer: customer.id,
        items: [{ price: starterAnnualPriceId, quantity: 1 }],
        currency: 'jpy',
        default_tax_rates: [taxRateId],
        collection_method: 'send_invoice',
        days_until_due: 14,
        metadata: { organization_id: organization.id, seikyu_demo: 'bank-transfer-starter' },
      },
      { idempotencyKey: seedKey('subscription', 'starter-annual', customer.id) },
    );
    created.push(`bank-transfer subscription for ${DEMO_BANK_TRANSFER_ORGANIZATION_NAME}`);
  }
  // A new subscription's first invoice is finalized at once (renewals wait about an hour as drafts). Stripe
  // defaults the footer from the customer's; set it explicitly where it is missing so the bank details show.
  const latestInvoiceId = typeof subscription.latest_invoice === 'string' ? subscription.latest_invoice : subscription.latest_invoice?.id;
  if (latestInvoiceId) {
    const invoice = await stripe.invoices.retrieve(latestInvoiceId);
    if (!invoice.footer && (invoice.status === 'draft' || invoice.status === 'open')) {
      await stripe.invoices.update(latestInvoiceId, { footer: BANK_TRANSFER_FOOTER }, { idempotencyKey: seedKey('footer', latestInvoiceId) });
      created.push(`bank details on invoice ${latestInvoiceId}`);
    }
    if (invoice.status === 'draft') {
      await stripe.invoices.finalizeInvoice(latestInvoiceId, {}, { idempotencyKey: seedKey('finalize', latestInvoiceId) });
      created.push(`finalized invoice ${latestInvoiceId}`);
    }
  }
  return { name: organization.name, id: organization.id, stripeCustomerId: customer.id };
}

export async function seedDemo({ db, stripe, log = () => {} }: { db: Db; stripe: Stripe; log?: SeedLog }): Promise<SeedDemoResult> {
  const catalog = await seedCatalog(stripe, log);
  const created = [...catalog.created];
  // The demo customers pay in yen: the standard rate, tax included in the price (catalog.ts).
  const jpyTaxRateId = catalog.taxRates[taxRateFor('standard', 'jpy').key]!;

  const operatorId = await ensureUser(db, DEMO_OPERATOR_EMAIL, 'Demo Operator');
  await ensureOperator({ userId: operatorId, role: 'admin' }, db);
  await seedBranding(db, stripe, created);

  const seeded = [
    await seedDemoCorp(db, stripe, catalog.prices[LOOKUP_KEYS.teamMonthly], jpyTaxRateId, log, created),
    await seedBankTransferCustomer(db, stripe, catalog.prices[LOOKUP_KEYS.starterAnnual], jpyTaxRateId, created),
  ];

  // Mirror what was seeded now, so the portal shows it before any webhook arrives.
  await syncStripeCatalog(db, { stripe });
  for (const organization of seeded) await syncStripeCustomer(organization.stripeCustomerId, db, { stripe });

  log(created.length ? `demo: created ${created.length} objects` : 'demo: already seeded, nothing to add');
  return { organizations: seeded, created };
}

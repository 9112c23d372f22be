// Quotes against the database and the Stripe emulator: an operator builds, finalizes and sends a quote; the
// customer accepts and pays by card (subscription active, free tier retired); a bank-transfer quote accepted
// leaves an open invoice; a prospect's acceptance creates their organization. Refusals change nothing: a price
// in another currency, quantity 0, accepting twice, an expired quote, a member without the billing role, someone
// else's quote (not found), a support operator.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { auditLog, memberships, notifications, operators, organizations, quoteRequests, stripeQuotes, stripeSubscriptions, users } from '@/db/schema';
import type { User } from '@/db/queries/users';
import { createTestOrganization, setUpBillingCatalog } from '@/lib/billing/billing-fixtures.int';
import { LOOKUP_KEYS } from '@/lib/demo/catalog';
import type { SeedCatalogResult } from '@/lib/demo/seed-catalog';
import { AppError } from '@/lib/errors';
import { saveAppSetting } from '@/db/queries/app-settings';
import { getInvoiceForOrganization } from '@/db/queries/invoices';
import { bankTransferInstructions } from '@/lib/billing/invoices/invoice-details';
import { syncStripeCatalog, syncStripeInvoice } from '@/lib/stripe-sync';
import { closeTestDb, testDb, uniqueSuffix } from '@/test/integration/helpers';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next-intl/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-intl/server')>()),
  getLocale: async () => 'en',
}));
vi.mock('@/lib/i18n/server', () => ({ getTranslations: async () => Object.assign((key: string) => `t:${key}`, { has: () => true }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { buildQuote, finalizeOperatorQuote, cancelOperatorQuote, duplicateOperatorQuote } = await import('./operator-quotes');
const { sendOperatorQuote } = await import('./send-quote');
const { acceptCustomerQuote, finishQuoteAcceptance } = await import('./accept-quote');
const { buildQuoteAction } = await import('@/lib/actions/admin/build-quote');
const { buildQuoteSchema } = await import('./quote-schemas');
const { quoteLineCatalog } = await import('./quote-document-data');
const { describeQuoteLine } = await import('@/lib/billing/invoices/line-description');

let stripe: Stripe;
let catalog: SeedCatalogResult;
let admin: User;
let support: User;

async function newUser(prefix: string): Promise<User> {
  const [user] = await testDb().insert(users).values({ email: `${prefix}-${uniqueSuffix()}@example.com` }).returning();
  return user as User;
}

beforeAll(async () => {
  ({ stripe, catalog } = await setUpBillingCatalog());
}, 90_000);
beforeEach(async () => {
  admin = await newUser('admin');
  support = await newUser('support');
  await testDb().insert(operators).values([
    { userId: admin.id, role: 'admin' },
    { userId: support.id, role: 'support' },
  ]);
  session.user = admin;
});
afterAll(closeTestDb);

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The form's input as the action would send it. */
function rawInput(overrides: Record<string, unknown> = {}) {
  return {
    target: 'organization',
    lines: [{ priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 5 }],
    expiresOn: inDays(30),
    collectionMethod: 'charge_automatically',
    withTrial: false,
    attempt: randomUUID(),
    ...overrides,
  };
}

/** The same input parsed by the action's schema, for calling lib/quotes directly. */
function quoteInput(overrides: Record<string, unknown> = {}) {
  return { ...buildQuoteSchema.parse(rawInput(overrides)), operatorUserId: admin.id };
}

async function ownedOrganization() {
  const owner = await newUser('owner');
  const organization = await createTestOrganization(owner.id, 'jpy');
  return { owner, organization };
}

async function mirrored(quoteId: string) {
  const [row] = await testDb().select().from(stripeQuotes).where(eq(stripeQuotes.id, quoteId));
  return row!;
}

async function expectRefusal(run: () => Promise<unknown>, reason: string) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).reason).toBe(reason);
  expect((error as AppError).userMessageKey?.key).toBe(`quotes.errors.${reason}`);
}

async function payWith(clientSecret: string): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.confirm(clientSecret.split('_secret_')[0]!, { payment_method: 'pm_card_visa' });
}

describe('operator builds, finalizes and sends; the customer accepts and pays by card', () => {
  it('ends with the quoted plan active, the free tier retired, the quote accepted and every step audited', async () => {
    const { owner, organization } = await ownedOrganization();
    const { quoteId } = await buildQuote(quoteInput({ organizationId: organization.id, header: 'Thank you', footer: 'Terms' }));
    const draft = await mirrored(quoteId);
    // The draft is the preview: Stripe's total with the catalogue's tax (JPY prices include 10 %).
    expect(draft).toMatchObject({ status: 'draft', organizationId: organization.id, currency: 'jpy', amountTotal: 6_000, header: 'Thank you', footer: 'Terms' });
    expect(draft.taxes).toEqual([expect.objectContaining({ percentage: 10, inclusive: true, amount: 545 })]);

    await finalizeOperatorQuote({ quoteId, operatorUserId: admin.id });
    const open = await mirrored(quoteId);
    expect(open.status).toBe('open');
    expect(open.number).toMatch(/^QT-/);
    // Stripe names the line by its product, in English; a Japanese reader gets the catalogue's Japanese name.
    const lineCatalog = await quoteLineCatalog(open);
    const [line] = open.lines;
    expect(line!.description).toBe('Team');
    expect(describeQuoteLine(line!, lineCatalog.get(line!.priceId!) ?? null, 'ja')).toBe('チーム');

    expect(await sendOperatorQuote({ quoteId, operatorUserId: admin.id })).toBe('queued');
    expect(await sendOperatorQuote({ quoteId, operatorUserId: admin.id })).toBe('duplicate');
    const [mail] = await testDb().select().from(notifications).where(eq(notifications.kind, 'quote_sent'));
    expect(mail).toMatchObject({ recipient: expect.stringContaining('@example.com'), organizationId: organization.id });
    expect((mail!.payload as { quoteUrl: string }).quoteUrl).toMatch(new RegExp(`/quotes/${quoteId}$`));

    const accepted = await acceptCustomerQuote({ quoteId, viewer: { id: owner.id, email: owner.email } });
    expect(accepted.intent.kind).toBe('payment');
    if (accepted.intent.kind !== 'payment') return;
    expect((await payWith(accepted.intent.clientSecret)).status).toBe('succeeded');
    const finished = await finishQuoteAcceptance({ quoteId, viewer: { id: owner.id, email: owner.email } });
    expect(finished).toEqual({ next: `/orgs/${organization.id}`, paid: true });

    const subscriptions = await testDb().select().from(stripeSubscriptions).where(eq(stripeSubscriptions.organizationId, organization.id));
    const live = subscriptions.filter((s) => s.status === 'active');
    expect(live).toHaveLength(1);
    expect(live[0]!.id).toBe((await mirrored(quoteId)).subscriptionId);
    const [request] = await testDb().select().from(quoteRequests).where(eq(quoteRequests.quoteId, quoteId));
    expect(request).toMatchObject({ acceptedByEmail: owner.email, sentByUserId: admin.id });
    const actions = (await testDb().select().from(auditLog).where(eq(auditLog.targetId, quoteId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['quote.created', 'quote.finalized', 'quote.sent', 'quote.accepted']));

    // Accepting twice is refused and changes nothing.
    await expectRefusal(() => acceptCustomerQuote({ quoteId, viewer: { id: owner.id, email: owner.email } }), 'alreadyAccepted');
  }, 60_000);
});

describe('a bank-transfer quote', () => {
  it('accepted, leaves the subscription active and its first invoice open with a due date and the bank details', async () => {
    const { owner, organization } = await ownedOrganization();
    await saveAppSetting({ key: 'branding', value: { bankDetails: 'Mizuho Bank, Shibuya (123) ordinary 1234567' } });
    const { quoteId } = await buildQuote(quoteInput({ organizationId: organization.id, collectionMethod: 'send_invoice', daysUntilDue: 14 }));
    await finalizeOperatorQuote({ quoteId, operatorUserId: admin.id });
    const accepted = await acceptCustomerQuote({ quoteId, viewer: { id: owner.id, email: owner.email } });
    expect(accepted.intent).toEqual({ kind: 'none' });
    expect(accepted.next).toMatch(new RegExp(`^/orgs/${organization.id}/invoices/in_`));
    const invoiceId = accepted.next.split('/').pop()!;
    const invoice = await stripe.invoices.retrieve(invoiceId);
    // The subscription's first invoice is issued by Stripe at acceptance: it still gets the bank details in its
    // footer, which the portal's invoice page shows as where to pay.
    expect(invoice).toMatchObject({ status: 'open', collection_method: 'send_invoice', footer: 'Mizuho Bank, Shibuya (123) ordinary 1234567' });
    expect(invoice.due_date).not.toBeNull();
    const mirroredInvoice = await getInvoiceForOrganization({ organizationId: organization.id, invoiceId });
    expect(bankTransferInstructions(mirroredInvoice!)).toBe('Mizuho Bank, Shibuya (123) ordinary 1234567');
    // The quote's rates ride on each line, not on the invoice: the mirror still states the rate, not its id.
    expect(mirroredInvoice!.taxes).toEqual([expect.objectContaining({ percentage: 10, inclusive: true, displayName: '消費税' })]);
    // So does the invoice's own sync, which each of its webhook events runs.
    await syncStripeInvoice(invoiceId);
    const resynced = await getInvoiceForOrganization({ organizationId: organization.id, invoiceId });
    expect(resynced!.taxes).toEqual([expect.objectContaining({ percentage: 10, inclusive: true, displayName: '消費税' })]);
  }, 60_000);
});

describe('a prospect', () => {
  it('gets an organization, owned by the person the quote was sent to, when they accept', async () => {
    const prospect = await newUser('prospect');
    await saveAppSetting({ key: 'branding', value: { bankDetails: 'Mizuho Bank, Shibuya (123) ordinary 1234567' } });
    const { quoteId } = await buildQuote(
      quoteInput({ target: 'prospect', prospectName: 'Prospect KK', prospectEmail: prospect.email, collectionMethod: 'send_invoice', daysUntilDue: 30, lines: [{ priceId: catalog.prices[LOOKUP_KEYS.examCourse], quantity: 2 }] }),
    );
    const draft = await mirrored(quoteId);
    expect(draft.organizationId).toBeNull();
    await finalizeOperatorQuote({ quoteId, operatorUserId: admin.id });
    // Someone else cannot open it.
    const stranger = await newUser('stranger');
    await expect(acceptCustomerQuote({ quoteId, viewer: { id: stranger.id, email: stranger.email } })).rejects.toMatchObject({ code: 'not_found' });

    const accepted = await acceptCustomerQuote({ quoteId, viewer: { id: prospect.id, email: prospect.email } });
    const [membership] = await testDb().select().from(memberships).where(eq(memberships.userId, prospect.id));
    expect(membership).toMatchObject({ organizationId: accepted.organizationId, role: 'owner' });
    const [organization] = await testDb().select().from(organizations).where(eq(organizations.id, accepted.organizationId));
    expect(organization).toMatchObject({ name: 'Prospect KK', stripeCustomerId: draft.customerId });
    // One-off lines: the invoice is issued at once, open, for the bank transfer.
    expect(accepted.next).toMatch(new RegExp(`^/orgs/${accepted.organizationId}/invoices/in_`));
    const invoice = await stripe.invoices.retrieve(accepted.next.split('/').pop()!);
    expect(invoice).toMatchObject({ status: 'open', amount_due: 19_600, footer: 'Mizuho Bank, Shibuya (123) ordinary 1234567' });
  }, 60_000);
});

describe('refusals change nothing', () => {
  it('a price with no amount in the customer currency', async () => {
    const { organization } = await ownedOrganization();
    const euro = await stripe.prices.create({ currency: 'eur', unit_amount: 1_000, recurring: { interval: 'month' }, product_data: { name: `Euro ${uniqueSuffix()}` } });
    await syncStripeCatalog();
    const before = await stripe.quotes.list({ customer: organization.stripeCustomerId, limit: 100 });
    await expectRefusal(() => buildQuote(quoteInput({ organizationId: organization.id, lines: [{ priceId: euro.id, quantity: 1 }] })), 'priceNotInCurrency');
    expect((await stripe.quotes.list({ customer: organization.stripeCustomerId, limit: 100 })).data).toHaveLength(before.data.length);
  });

  it('a quantity of 0, through the action as well', async () => {
    const { organization } = await ownedOrganization();
    await expectRefusal(() => buildQuote(quoteInput({ organizationId: organization.id, lines: [{ priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 0 }] })), 'quantity');
    const result = await buildQuoteAction(rawInput({ organizationId: organization.id, lines: [{ priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 0 }] }) as never);
    expect(result?.serverError?.code).toBe('invalid_input');
    expect(await testDb().select().from(quoteRequests)).not.toContainEqual(expect.objectContaining({ organizationId: organization.id }));
  });

  it('a prospect without a name or with a malformed email: each refused on its own field with a code the form translates', async () => {
    const before = await testDb().select().from(quoteRequests);
    const result = await buildQuoteAction(rawInput({ target: 'prospect', prospectName: '', prospectEmail: 'not-an-email', locale: 'ja' }) as never);
    expect(result?.validationErrors).toMatchObject({ prospectName: { _errors: ['prospect_name_required'] }, prospectEmail: { _errors: ['email'] } });
    expect((await buildQuoteAction(rawInput({ target: 'organization' }) as never))?.validationErrors).toMatchObject({ organizationId: { _errors: ['organization_required'] } });
    expect(await testDb().select().from(quoteRequests)).toHaveLength(before.length);
  });

  it('a support operator cannot build, finalize or cancel', async () => {
    const { organization } = await ownedOrganization();
    session.user = support;
    expect((await buildQuoteAction(rawInput({ organizationId: organization.id }) as never))?.serverError?.code).toBe('forbidden');
  });

  it('an expired quote, a canceled one, and a member without the billing role', async () => {
    const { owner, organization } = await ownedOrganization();
    const { quoteId } = await buildQuote(quoteInput({ organizationId: organization.id }));
    await finalizeOperatorQuote({ quoteId, operatorUserId: admin.id });
    const later = new Date(Date.now() + 40 * 86_400_000);
    await expectRefusal(() => acceptCustomerQuote({ quoteId, viewer: { id: owner.id, email: owner.email }, now: later }), 'expired');

    const member = await newUser('member');
    await testDb().insert(memberships).values({ organizationId: organization.id, userId: member.id, role: 'member' });
    await expectRefusal(() => acceptCustomerQuote({ quoteId, viewer: { id: member.id, email: member.email } }), 'notAllowedToAccept');

    // Another organization's owner does not see it at all.
    const other = await ownedOrganization();
    await expect(acceptCustomerQuote({ quoteId, viewer: { id: other.owner.id, email: other.owner.email } })).rejects.toMatchObject({ code: 'not_found' });

    await cancelOperatorQuote({ quoteId, operatorUserId: admin.id });
    await expectRefusal(() => acceptCustomerQuote({ quoteId, viewer: { id: owner.id, email: owner.email } }), 'canceled');
    expect((await mirrored(quoteId)).status).toBe('canceled');
    expect((await stripe.quotes.retrieve(quoteId)).status).toBe('canceled');
  }, 60_000);

  it('duplicating a canceled quote makes a new draft with the same lines, valid again', async () => {
    const { organization } = await ownedOrganization();
    const { quoteId } = await buildQuote(quoteInput({ organizationId: organization.id }));
    await cancelOperatorQuote({ quoteId, operatorUserId: admin.id });
    const attempt = randomUUID();
    const copy = await duplicateOperatorQuote({ quoteId, attempt, operatorUserId: admin.id });
    expect(await duplicateOperatorQuote({ quoteId, attempt, operatorUserId: admin.id })).toEqual(copy);
    const row = await mirrored(copy.quoteId);
    expect(row).toMatchObject({ status: 'draft', amountTotal: 6_000, organizationId: organization.id });
    expect(row.lines.map((l) => [l.priceId, l.quantity])).toEqual([[catalog.prices[LOOKUP_KEYS.teamMonthly], 5]]);
  }, 60_000);
});

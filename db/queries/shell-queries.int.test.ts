// The shell's queries on a real database: membership in the WHERE clause, the customer overview from the
// mirror, and the operators' customer list with search, filters and pages.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';
import { auditLog, memberships, organizations, stripeCustomers, stripePaymentMethods, stripeInvoiceLines, stripeInvoices, stripePrices, stripeProducts, stripeSubscriptionItems, stripeSubscriptions, users } from '@/db/schema';
import { getCustomerForOperator, listCustomersForOperator } from './customers';
import { listActiveProducts } from './catalog';
import { listActivity } from './activity';
import { getInvoiceForOperator, getInvoiceWithLines, listInvoicePageWithStatusCountsForOperator, listInvoices, listInvoicesForOperator } from './invoices';
import { getOrganizationOverview } from './billing';
import { findSubscriptionForOrganization, getCurrentSubscription, listLiveSubscriptions, listSubscriptions } from './subscriptions';
import { getOrganizationForMember, getOrganizationForMemberPage, listOrganizationsForUser } from './organizations';
import { listOrganizationCards } from './payment-methods';

const day = 24 * 60 * 60 * 1000;
const now = new Date('2026-11-01T00:00:00Z');

async function person(email: string) {
  const [row] = await testDb().insert(users).values({ email }).returning();
  return row!;
}

async function organization(name: string, ownerId: string, extra: Partial<typeof organizations.$inferInsert> = {}) {
  const [row] = await testDb().insert(organizations).values({ name, currency: 'jpy', billingEmail: `${name.toLowerCase().replace(/\W+/g, '')}@example.com`, ...extra }).returning();
  await testDb().insert(memberships).values({ organizationId: row!.id, userId: ownerId, role: 'owner' });
  return row!;
}

async function catalogue() {
  const db = testDb();
  await db.insert(stripeProducts).values({ id: 'prod_team', active: true, name: 'Team', metadata: { name_ja: 'チーム' }, stripeCreated: now, data: {} });
  await db.insert(stripePrices).values({
    id: 'price_team_monthly',
    productId: 'prod_team',
    active: true,
    currency: 'jpy',
    unitAmount: 5000,
    currencyOptions: { usd: { unit_amount: 3500 } },
    type: 'recurring',
    billingScheme: 'per_unit',
    recurringInterval: 'month',
    recurringIntervalCount: 1,
    usageType: 'licensed',
    stripeCreated: now,
    data: {},
  });
}

async function subscription(
  id: string,
  organizationId: string,
  status: 'active' | 'canceled' | 'past_due' | 'incomplete' | 'incomplete_expired',
  currency: string,
  created: Date,
) {
  const db = testDb();
  await db.insert(stripeSubscriptions).values({
    id,
    customerId: `cus_${organizationId.slice(0, 8)}`,
    organizationId,
    status,
    collectionMethod: 'charge_automatically',
    currency,
    currentPeriodStart: created,
    currentPeriodEnd: new Date(created.getTime() + 30 * day),
    stripeCreated: created,
    data: {},
  });
  await db.insert(stripeSubscriptionItems).values({
    id: `si_${id}`,
    subscriptionId: id,
    priceId: 'price_team_monthly',
    quantity: 3,
    currentPeriodStart: created,
    currentPeriodEnd: new Date(created.getTime() + 30 * day),
    stripeCreated: created,
    data: {},
  });
}

async function invoice(id: string, organizationId: string, status: 'draft' | 'open' | 'paid', total: number, created: Date) {
  await testDb().insert(stripeInvoices).values({
    id,
    customerId: 'cus_x',
    organizationId,
    number: status === 'draft' ? null : `INV-${id}`,
    status,
    collectionMethod: 'charge_automatically',
    currency: 'jpy',
    subtotal: total,
    total,
    amountDue: total,
    amountPaid: status === 'paid' ? total : 0,
    amountRemaining: status === 'paid' ? 0 : total,
    stripeCreated: created,
    data: {},
  });
}

afterAll(closeTestDb);

describe('shell queries', () => {
  beforeEach(resetDatabase);

  it('finds an organization only for its members: another customer gets no row', async () => {
    const ann = await person('ann@example.com');
    const bob = await person('bob@example.com');
    const annCo = await organization('Ann KK', ann.id);
    await organization('Bob LLC', bob.id);

    expect(await getOrganizationForMember({ organizationId: annCo.id, userId: ann.id }, testDb())).toMatchObject({ name: 'Ann KK', role: 'owner' });
    expect(await getOrganizationForMember({ organizationId: annCo.id, userId: bob.id }, testDb())).toBeNull();
    expect(await getOrganizationForMember({ organizationId: 'no-such-org', userId: ann.id }, testDb())).toBeNull();
    expect((await listOrganizationsForUser({ userId: bob.id }, testDb())).map((o) => o.name)).toEqual(['Bob LLC']);
  });

  it('reads a portal page\'s membership with the failed-payment banner\'s problem', async () => {
    const ann = await person('ann@example.com');
    const bob = await person('bob@example.com');
    const org = await organization('Ann KK', ann.id);
    const other = await organization('Bob LLC', bob.id);
    const page = async () => getOrganizationForMemberPage({ organizationId: org.id, userId: ann.id }, testDb());
    const attempted = (id: string) => testDb().update(stripeInvoices).set({ data: { attempt_count: 1 } }).where(eq(stripeInvoices.id, id));

    expect(await getOrganizationForMemberPage({ organizationId: org.id, userId: bob.id }, testDb())).toBeNull();
    expect(await page()).toMatchObject({ organization: { id: org.id, name: 'Ann KK', role: 'owner' }, paymentProblem: null });

    // An open invoice charged automatically whose payment failed; one sent for payment by bank transfer, or not yet
    // attempted, is no problem.
    await invoice('in_unattempted', org.id, 'open', 3000, new Date(now.getTime() - day));
    await invoice('in_transfer', org.id, 'open', 4000, now);
    await testDb().update(stripeInvoices).set({ collectionMethod: 'send_invoice', data: { attempt_count: 1 } }).where(eq(stripeInvoices.id, 'in_transfer'));
    expect((await page())!.paymentProblem).toBeNull();
    await attempted('in_unattempted');
    expect((await page())!.paymentProblem).toEqual({ kind: 'invoice', invoiceId: 'in_unattempted', amountRemaining: 3000, currency: 'jpy' });

    // A checkout in progress (incomplete, its first invoice not attempted yet) is no problem; once attempted it is,
    // and a subscription's problem ranks before an invoice's.
    await invoice('in_first', org.id, 'open', 5000, new Date(now.getTime() - 2 * day));
    await subscription('sub_checkout', org.id, 'incomplete', 'jpy', now);
    await testDb().update(stripeSubscriptions).set({ latestInvoiceId: 'in_first' }).where(eq(stripeSubscriptions.id, 'sub_checkout'));
    expect((await page())!.paymentProblem).toMatchObject({ kind: 'invoice', invoiceId: 'in_unattempted' });
    await attempted('in_first');
    expect((await page())!.paymentProblem).toEqual({ kind: 'subscription', subscriptionId: 'sub_checkout', status: 'incomplete', invoiceId: 'in_first' });

    // Another organization's problems are not this one's.
    await subscription('sub_bob', other.id, 'past_due', 'jpy', now);
    expect(await getOrganizationForMemberPage({ organizationId: other.id, userId: bob.id }, testDb())).toMatchObject({
      paymentProblem: { kind: 'subscription', subscriptionId: 'sub_bob', status: 'past_due', invoiceId: null },
    });
    await testDb().delete(stripeSubscriptions).where(eq(stripeSubscriptions.id, 'sub_checkout'));
    expect((await page())!.paymentProblem).toMatchObject({ kind: 'invoice', invoiceId: 'in_unattempted' });
  });

  it('lists an organization\'s cards through its customer, oldest first, the default marked', async () => {
    const ann = await person('ann@example.com');
    const annCo = await organization('Ann KK', ann.id, { stripeCustomerId: 'cus_ann' });
    const bobCo = await organization('Bob LLC', (await person('bob@example.com')).id, { stripeCustomerId: 'cus_bob' });
    const customer = { email: 'x@example.com', stripeCreated: now, data: {} };
    await testDb().insert(stripeCustomers).values([
      { ...customer, id: 'cus_ann', organizationId: annCo.id, defaultPaymentMethodId: 'pm_new' },
      { ...customer, id: 'cus_bob', organizationId: bobCo.id, defaultPaymentMethodId: null },
    ]);
    const method = (id: string, customerId: string, type: string, minutes: number) => ({
      id, customerId, type, cardBrand: type === 'card' ? 'visa' : null, cardLast4: type === 'card' ? id.slice(-4) : null, stripeCreated: new Date(now.getTime() + minutes * 60_000), data: {},
    });
    await testDb().insert(stripePaymentMethods).values([
      method('pm_new', 'cus_ann', 'card', 2),
      method('pm_old', 'cus_ann', 'card', 1),
      method('pm_bank', 'cus_ann', 'customer_balance', 3),
      method('pm_bobs', 'cus_bob', 'card', 1),
    ]);

    expect(await listOrganizationCards({ organizationId: annCo.id }, testDb())).toEqual([
      { id: 'pm_old', brand: 'visa', last4: '_old', expMonth: null, expYear: null, isDefault: false },
      { id: 'pm_new', brand: 'visa', last4: '_new', expMonth: null, expYear: null, isDefault: true },
    ]);
    // No default named: none is marked. A deleted customer's cards are no one's.
    expect((await listOrganizationCards({ organizationId: bobCo.id }, testDb())).map((c) => [c.id, c.isDefault])).toEqual([['pm_bobs', false]]);
    await testDb().update(stripeCustomers).set({ deleted: true }).where(eq(stripeCustomers.id, 'cus_bob'));
    expect(await listOrganizationCards({ organizationId: bobCo.id }, testDb())).toEqual([]);
  });

  it('builds the overview from the mirror: current plan in its currency, next invoice date, no drafts or paid zero invoices', async () => {
    const ann = await person('ann@example.com');
    const org = await organization('Ann KK', ann.id);
    await catalogue();
    await subscription('sub_old', org.id, 'canceled', 'jpy', new Date(now.getTime() - 90 * day));
    await subscription('sub_now', org.id, 'active', 'usd', now);
    await invoice('in_paid', org.id, 'paid', 5000, new Date(now.getTime() - 30 * day));
    await invoice('in_open', org.id, 'open', 5000, now);
    await invoice('in_draft', org.id, 'draft', 5000, new Date(now.getTime() + day));
    await invoice('in_free', org.id, 'paid', 0, new Date(now.getTime() - 60 * day));

    const overview = await getOrganizationOverview({ organizationId: org.id }, testDb());
    expect(overview.subscription).toMatchObject({ id: 'sub_now', status: 'active', currency: 'usd' });
    expect(overview.subscription!.items).toEqual([
      expect.objectContaining({ productName: 'Team', unitAmount: 3500, interval: 'month', quantity: 3 }),
    ]);
    expect(overview.nextInvoiceDate).toEqual(new Date(now.getTime() + 30 * day));
    expect(overview.recentInvoices.map((i) => i.id)).toEqual(['in_open', 'in_paid']);
    // The invoice list follows the same rule as the overview: the paid ¥0 invoice is in neither.
    const listed = await listInvoices({ organizationId: org.id }, testDb());
    expect(listed.invoices.map((i) => i.id)).toEqual(['in_open', 'in_paid']);
    expect(listed.total).toBe(2);
    // Product names in the viewer's language, from the catalogue's metadata.
    const inJapanese = await getCurrentSubscription({ organizationId: org.id, locale: 'ja' }, testDb());
    expect(inJapanese!.items.map((i) => i.productName)).toEqual(['チーム']);
    // The operators' pages name plans the same way: the customer page's subscriptions, the review-hold settings.
    expect((await listSubscriptions({ organizationId: org.id, locale: 'ja' }, testDb())).map((sub) => sub.items[0]?.productName)).toEqual(['チーム', 'チーム']);
    expect(await listActiveProducts({ locale: 'ja' }, testDb())).toEqual([{ id: 'prod_team', name: 'チーム' }]);
    expect(await listActiveProducts({}, testDb())).toEqual([{ id: 'prod_team', name: 'Team' }]);
  });

  it('lists each invoice with the period its lines bill for, not Stripe’s invoice period', async () => {
    const ann = await person('ann@example.com');
    const org = await organization('Ann KK', ann.id);
    await invoice('in_first', org.id, 'paid', 5000, now);
    const line = { invoiceId: 'in_first', currency: 'jpy', amount: 5000, data: {} };
    await testDb()
      .insert(stripeInvoiceLines)
      .values([
        { ...line, id: 'il_plan', position: 0, periodStart: now, periodEnd: new Date(now.getTime() + 30 * day) },
        { ...line, id: 'il_proration', position: 1, proration: true, periodStart: new Date(now.getTime() - 5 * day), periodEnd: now },
      ]);
    // An invoice whose lines carry no period (one-off items) keeps its own.
    await invoice('in_one_off', org.id, 'paid', 800, new Date(now.getTime() - day));
    const ownPeriod = { periodStart: new Date(now.getTime() - 2 * day), periodEnd: new Date(now.getTime() - day) };
    await testDb().update(stripeInvoices).set(ownPeriod).where(eq(stripeInvoices.id, 'in_one_off'));
    const listed = (await listInvoices({ organizationId: org.id }, testDb())).invoices;
    expect(listed).toMatchObject([
      { id: 'in_first', servicePeriodStart: now, servicePeriodEnd: new Date(now.getTime() + 30 * day) },
      { id: 'in_one_off', servicePeriodStart: ownPeriod.periodStart, servicePeriodEnd: ownPeriod.periodEnd },
    ]);
  });

  it('keeps the running plan as the current one after a declined or abandoned checkout', async () => {
    const ann = await person('ann@example.com');
    const org = await organization('Ann KK', ann.id);
    await catalogue();
    await subscription('sub_running', org.id, 'active', 'jpy', new Date(now.getTime() - 30 * day));
    // Newer checkout attempts: one still waiting for its first payment, one that expired unpaid.
    await subscription('sub_declined', org.id, 'incomplete', 'jpy', now);
    await subscription('sub_abandoned', org.id, 'incomplete_expired', 'jpy', new Date(now.getTime() - day));

    const overview = await getOrganizationOverview({ organizationId: org.id }, testDb());
    expect(overview.subscription).toMatchObject({ id: 'sub_running', status: 'active' });
    expect(await getCurrentSubscription({ organizationId: org.id }, testDb())).toMatchObject({ id: 'sub_running' });
  });

  it('shows no plan while the only subscription is a checkout that was never paid', async () => {
    const ann = await person('ann@example.com');
    const org = await organization('Ann KK', ann.id);
    await catalogue();
    await subscription('sub_declined', org.id, 'incomplete', 'jpy', now);

    const overview = await getOrganizationOverview({ organizationId: org.id }, testDb());
    expect(overview.subscription).toBeNull();
    expect(overview.nextInvoiceDate).toBeNull();
  });

  it('shows no next invoice when the plan cancels at period end', async () => {
    const ann = await person('ann@example.com');
    const org = await organization('Ann KK', ann.id);
    await catalogue();
    await subscription('sub_now', org.id, 'active', 'jpy', now);
    await testDb().update(stripeSubscriptions).set({ cancelAtPeriodEnd: true });
    const overview = await getOrganizationOverview({ organizationId: org.id }, testDb());
    expect(overview.subscription?.cancelAtPeriodEnd).toBe(true);
    expect(overview.nextInvoiceDate).toBeNull();
  });

  it('lists customers for operators with search, status and currency filters and pages', async () => {
    const ann = await person('ann@example.com');
    await catalogue();
    const acme = await organization('Acme 50% Off', ann.id);
    const bolt = await organization('Bolt KK', ann.id, { currency: 'usd' });
    await organization('Cedar', ann.id);
    await subscription('sub_acme', acme.id, 'active', 'jpy', now);
    await subscription('sub_bolt', bolt.id, 'past_due', 'usd', now);

    const all = await listCustomersForOperator({}, testDb());
    expect(all.total).toBe(3);
    expect(all.rows.find((r) => r.name === 'Bolt KK')).toMatchObject({ planName: 'Team', status: 'past_due', currency: 'usd' });
    expect(all.rows.find((r) => r.name === 'Cedar')).toMatchObject({ planName: null, status: null });

    expect((await listCustomersForOperator({ search: '50%' }, testDb())).rows.map((r) => r.name)).toEqual(['Acme 50% Off']);
    expect((await listCustomersForOperator({ search: 'boltkk@example' }, testDb())).rows.map((r) => r.name)).toEqual(['Bolt KK']);
    // A LIKE wildcard typed by the operator is text, not a pattern.
    expect((await listCustomersForOperator({ search: '_' }, testDb())).total).toBe(0);
    expect((await listCustomersForOperator({ status: 'past_due' }, testDb())).rows.map((r) => r.name)).toEqual(['Bolt KK']);
    expect((await listCustomersForOperator({ status: 'none' }, testDb())).rows.map((r) => r.name)).toEqual(['Cedar']);
    expect((await listCustomersForOperator({ currency: 'usd' }, testDb())).rows.map((r) => r.name)).toEqual(['Bolt KK']);
    // The plan's product name is searchable too.
    expect((await listCustomersForOperator({ search: 'team' }, testDb())).rows.map((r) => r.name).sort()).toEqual(['Acme 50% Off', 'Bolt KK']);
    // A Japanese operator reads the plan as the catalogue names it in Japanese, and finds it by either name.
    const inJapanese = await listCustomersForOperator({ locale: 'ja' }, testDb());
    expect(inJapanese.rows.find((r) => r.name === 'Bolt KK')?.planName).toBe('チーム');
    expect((await listCustomersForOperator({ search: 'チーム', locale: 'ja' }, testDb())).rows.map((r) => r.name).sort()).toEqual(['Acme 50% Off', 'Bolt KK']);
    expect((await listCustomersForOperator({ search: 'team', locale: 'ja' }, testDb())).total).toBe(2);
    const today = new Date(new Date().toISOString().slice(0, 10));
    expect((await listCustomersForOperator({ createdFrom: today, createdTo: today }, testDb())).total).toBe(3);
    expect((await listCustomersForOperator({ createdTo: new Date('2020-01-01') }, testDb())).total).toBe(0);

    const page2 = await listCustomersForOperator({ pageSize: 2, page: 2 }, testDb());
    expect(page2).toMatchObject({ total: 3, pages: 2, page: 2 });
    expect(page2.rows).toHaveLength(1);
  });
});

describe('listActivity', () => {
  beforeEach(resetDatabase);

  it('shows the customer what was done to their billing, and keeps the operators’ own work on the operators’ pages', async () => {
    const ann = await person('ann@example.com');
    const org = await organization('Ann KK', ann.id);
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    await testDb().insert(auditLog).values([
      { organizationId: org.id, actorType: 'user', actorId: ann.id, action: 'billing_details.updated', createdAt: at(1) },
      { organizationId: org.id, actorType: 'operator', actorId: 'op', action: 'note.created', data: { after: 'Slow payer, call first' }, createdAt: at(2) },
      { organizationId: org.id, actorType: 'stripe', actorId: 'evt_1', action: 'invoice.payment_failed', createdAt: at(3) },
      { organizationId: org.id, actorType: 'operator', actorId: 'op', action: 'invoice.held_for_review', createdAt: at(4) },
      { organizationId: org.id, actorType: 'system', actorId: 'resync', action: 'customer.resynced', createdAt: at(5) },
      { organizationId: org.id, actorType: 'operator', actorId: 'op', action: 'credit_note.issued', createdAt: at(6) },
      // A member opening a quote is recorded at every view: not news on the organization's activity page.
      { organizationId: org.id, actorType: 'user', actorId: ann.id, action: 'quote.viewed', createdAt: at(7) },
    ]);
    const customer = await listActivity({ organizationId: org.id, audience: 'customer' }, testDb());
    expect(customer.map((e) => e.action)).toEqual(['credit_note.issued', 'invoice.payment_failed', 'billing_details.updated']);
    const older = await listActivity({ organizationId: org.id, audience: 'customer', before: customer[0]!.id }, testDb());
    expect(older.map((e) => e.action)).toEqual(['invoice.payment_failed', 'billing_details.updated']);
    const operator = await listActivity({ organizationId: org.id, audience: 'operator' }, testDb());
    expect(operator).toHaveLength(7);
  });
});

describe('countSignInLinksIssuedSince', () => {
  beforeEach(resetDatabase);

  it('counts the links issued to one address after a moment, from their expiry', async () => {
    const { countSignInLinksIssuedSince } = await import('./users');
    const { verificationTokens } = await import('@/db/schema');
    const maxAgeSeconds = 24 * 60 * 60;
    const issued = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000 + maxAgeSeconds * 1000);
    await testDb().insert(verificationTokens).values([
      { identifier: 'ann@example.com', token: 't1', expires: issued(1) },
      { identifier: 'ann@example.com', token: 't2', expires: issued(5) },
      { identifier: 'ann@example.com', token: 't3', expires: issued(30) },
      { identifier: 'bob@example.com', token: 't4', expires: issued(1) },
    ]);
    const since = new Date(Date.now() - 15 * 60_000);
    expect(await countSignInLinksIssuedSince({ email: 'Ann@example.com', since, maxAgeSeconds }, testDb())).toBe(2);
    expect(await countSignInLinksIssuedSince({ email: 'carol@example.com', since, maxAgeSeconds }, testDb())).toBe(0);
  });

  it('clamps a page past the end to the last page and keeps the real total (page 9999 is not "0 customers")', async () => {
    const ann = await person('ann@example.com');
    await organization('Acme', ann.id);
    await organization('Bolt', ann.id);
    await organization('Cedar', ann.id);

    const far = await listCustomersForOperator({ pageSize: 2, page: 9999 }, testDb());
    expect(far).toMatchObject({ total: 3, pages: 2, page: 2, requestedPage: 9999 });
    expect(far.rows).toHaveLength(1);
    const none = await listCustomersForOperator({ search: 'nobody', page: 5 }, testDb());
    expect(none).toMatchObject({ total: 0, pages: 1, page: 1, requestedPage: 5, rows: [] });
  });

  it('reads every subscription through one view: plan, price, quantity and the paying card', async () => {
    const ann = await person('ann@example.com');
    const org = await organization('Ann KK', ann.id);
    await catalogue();
    await testDb().insert(stripeCustomers).values({
      id: `cus_${org.id.slice(0, 8)}`,
      organizationId: org.id,
      email: 'ann@example.com',
      defaultPaymentMethodId: 'pm_customer_default',
      stripeCreated: now,
      data: {},
    });
    await subscription('sub_old', org.id, 'canceled', 'jpy', new Date(now.getTime() - 90 * day));
    await subscription('sub_now', org.id, 'active', 'usd', now);
    await subscription('sub_own_card', org.id, 'incomplete', 'jpy', new Date(now.getTime() + day));
    await testDb().update(stripeSubscriptions).set({ defaultPaymentMethodId: 'pm_own' }).where(eq(stripeSubscriptions.id, 'sub_own_card'));

    const team = { productName: 'Team', priceId: 'price_team_monthly', interval: 'month', quantity: 3 };
    const current = await getCurrentSubscription({ organizationId: org.id }, testDb());
    expect(current).toMatchObject({ id: 'sub_now', payingCardId: 'pm_customer_default', defaultPaymentMethodId: null });
    expect(current!.items).toEqual([expect.objectContaining({ ...team, unitAmount: 3500 })]);

    const live = await listLiveSubscriptions({ organizationId: org.id }, testDb());
    expect(live.map((s) => [s.id, s.payingCardId])).toEqual([
      ['sub_own_card', 'pm_own'],
      ['sub_now', 'pm_customer_default'],
    ]);
    expect(live[0]!.items).toEqual([expect.objectContaining({ ...team, unitAmount: 5000 })]);
    expect((await listSubscriptions({ organizationId: org.id }, testDb())).map((s) => s.id)).toEqual(['sub_own_card', 'sub_now', 'sub_old']);

    // Items come in the subscription's own row, oldest first; an item whose price is not mirrored keeps its price
    // id as its name and has no amount; a subscription without items has none.
    await testDb().insert(stripeSubscriptionItems).values({
      id: 'si_sub_now_extra',
      subscriptionId: 'sub_now',
      priceId: 'price_not_mirrored',
      quantity: null,
      currentPeriodStart: now,
      currentPeriodEnd: new Date(now.getTime() + 30 * day),
      stripeCreated: new Date(now.getTime() + 1000),
      data: {},
    });
    await testDb().delete(stripeSubscriptionItems).where(eq(stripeSubscriptionItems.subscriptionId, 'sub_old'));
    const withTwo = await getCurrentSubscription({ organizationId: org.id, locale: 'ja' }, testDb());
    expect(withTwo!.items).toEqual([
      expect.objectContaining({ ...team, productName: 'チーム', unitAmount: 3500 }),
      { id: 'si_sub_now_extra', priceId: 'price_not_mirrored', productName: 'price_not_mirrored', priceNickname: null, priceLookupKey: null, unitAmount: null, interval: null, intervalCount: null, usageType: null, quantity: null, productKind: null, unitLabel: null },
    ]);
    expect((await listSubscriptions({ organizationId: org.id }, testDb())).find((s) => s.id === 'sub_old')!.items).toEqual([]);

    // Bank transfer: no card pays it.
    await testDb().update(stripeSubscriptions).set({ collectionMethod: 'send_invoice' }).where(eq(stripeSubscriptions.id, 'sub_now'));
    expect(await findSubscriptionForOrganization({ organizationId: org.id, subscriptionId: 'sub_now' }, testDb())).toMatchObject({
      collectionMethod: 'send_invoice',
      payingCardId: null,
    });
    // Another organization's id finds nothing.
    const bob = await organization('Bob LLC', (await person('bob@example.com')).id);
    expect(await findSubscriptionForOrganization({ organizationId: bob.id, subscriptionId: 'sub_now' }, testDb())).toBeNull();
  });

  it('finds operators\' invoices by a part of the customer\'s name or email, the customer id, or the number', async () => {
    const ann = await person('ann@example.com');
    const annCo = await organization('Kanda Imaging KK', ann.id, { billingEmail: 'billing@kanda-imaging.example' });
    const other = await organization('Ueno Clinic', ann.id);
    await invoice('in_kanda_1', annCo.id, 'open', 1000, new Date(now.getTime() - 2 * day));
    await invoice('in_kanda_2', annCo.id, 'paid', 2000, new Date(now.getTime() - day));
    await invoice('in_ueno', other.id, 'paid', 3000, now);
    const ids = async (search: string) => (await listInvoicePageWithStatusCountsForOperator({ search }, testDb())).page.rows.map((r) => r.id);

    expect(await ids('imaging')).toEqual(['in_kanda_2', 'in_kanda_1']);
    expect(await ids('KANDA-IMAGING.example')).toEqual(['in_kanda_2', 'in_kanda_1']);
    expect(await ids('INV-in_ueno')).toEqual(['in_ueno']);
    expect(await ids('100%_')).toEqual([]);
    expect((await listInvoicePageWithStatusCountsForOperator({ search: 'imaging' }, testDb())).counts).toMatchObject({ open: 1, paid: 1, draft: 0 });
  });

  it('serves a substring search over organizations from the trigram indexes, not by reading every row', async () => {
    const db = testDb();
    await db.transaction(async (tx) => {
      // With a handful of rows the planner rightly prefers a scan; forbid it to see that the index can serve.
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = await tx.execute(sql`explain select id from organizations where name ilike '%imag%' or billing_email ilike '%imag%'`);
      const text = (plan as unknown as Array<Record<string, string>>).map((row) => Object.values(row)[0]).join('\n');
      expect(text).toContain('organizations_name_trgm_idx');
      expect(text).toContain('organizations_billing_email_trgm_idx');
    });
  });

  it('gives operators any invoice with its lines and owner, drafts included; customers still never see drafts', async () => {
    const ann = await person('ann@example.com');
    const org = await organization('Ann KK', ann.id);
    await invoice('in_open', org.id, 'open', 5000, now);
    await invoice('in_draft', org.id, 'draft', 1200, new Date(now.getTime() + day));
    await catalogue();
    await testDb().insert(stripeInvoiceLines).values({
      id: 'il_1',
      invoiceId: 'in_open',
      position: 0,
      description: '3 × Team',
      amount: 5000,
      currency: 'jpy',
      quantity: 3,
      priceId: 'price_team_monthly',
      proration: false,
      data: {},
    });

    expect((await listInvoicesForOperator({ organizationId: org.id }, testDb())).map((i) => i.id)).toEqual(['in_draft', 'in_open']);
    const found = await getInvoiceForOperator({ invoiceId: 'in_open' }, testDb());
    expect(found).toMatchObject({ invoice: { id: 'in_open', amountRemaining: 5000 }, organization: { id: org.id, name: 'Ann KK', timeZone: org.timeZone } });
    expect(found!.lines.map((l) => l.description)).toEqual(['3 × Team']);
    // Each line brings its price's catalogue texts, to be described in the reader's language.
    expect(found!.lines[0]!.catalog).toEqual({ productName: 'Team', productMetadata: { name_ja: 'チーム' }, priceNickname: null, priceMetadata: {} });
    expect(await getInvoiceForOperator({ invoiceId: 'in_unknown' }, testDb())).toBeNull();
    expect(await getCustomerForOperator({ organizationId: org.id }, testDb())).toMatchObject({ organization: { name: 'Ann KK' }, customer: null });
    expect(await getCustomerForOperator({ organizationId: 'does-not-exist' }, testDb())).toBeNull();

    // The customer's own read: the invoice with its lines in Stripe's order; a draft, or another organization's
    // invoice, is nothing.
    await testDb().insert(stripeInvoiceLines).values({ id: 'il_0', invoiceId: 'in_open', position: 1, description: 'Setup', amount: 0, currency: 'jpy', data: {} });
    const own = await getInvoiceWithLines({ organizationId: org.id, invoiceId: 'in_open' }, testDb());
    expect(own?.invoice.id).toBe('in_open');
    expect(own!.lines.map((l) => l.id)).toEqual(['il_1', 'il_0']);
    expect(own!.lines.map((l) => l.catalog?.productName ?? null)).toEqual(['Team', null]);
    expect(await getInvoiceWithLines({ organizationId: org.id, invoiceId: 'in_draft' }, testDb())).toBeNull();
    const bob = await organization('Bob LLC', (await person('bob@example.com')).id);
    expect(await getInvoiceWithLines({ organizationId: bob.id, invoiceId: 'in_open' }, testDb())).toBeNull();
  });
});

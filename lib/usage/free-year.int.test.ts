// The free year's notices, date driven through the scheduled scan: an organization on the free tier is told 30
// and 7 days before its year ends, once each however often the scan runs, in its language; one that chose a
// paid plan is told nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMailbox, notifications, organizations } from '@/db/schema';
import { deliverUnattemptedNotifications } from '@/lib/notifications/deliver';
import { scanNotificationMoments } from '@/lib/notifications/scan';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';

const DAY_MS = 86_400_000;

describe('free year notices', () => {
  beforeAll(resetDatabase);
  afterAll(closeTestDb);

  async function organization(name: string, locale: 'ja' | 'en', signedUpAt: Date, paid: boolean) {
    const stripe = testStripe();
    const tag = uniqueSuffix();
    const email = `${name}-${tag}@example.com`;
    const customer = await stripe.customers.create({ name, email, preferred_locales: [locale] });
    const product = await stripe.products.create({ name: `${paid ? 'Paid' : 'Free'} ${tag}` });
    const price = await stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: paid ? 1500 : 0, recurring: { interval: 'month' } });
    const [org] = await testDb()
      .insert(organizations)
      .values({ name: `${name} ${tag}`, currency: 'jpy', stripeCustomerId: customer.id, createdAt: signedUpAt })
      .returning();
    await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      metadata: paid ? { organization_id: org!.id } : { organization_id: org!.id, seikyu_intent: 'free_tier' },
      ...(paid ? { collection_method: 'send_invoice' as const, days_until_due: 30 } : {}),
    });
    await syncStripeCustomer(customer.id);
    return { organizationId: org!.id, email };
  }

  it('tells a free organization 30 and 7 days before its year ends, once each, and a paying one nothing', async () => {
    const signedUp = new Date(Date.now() - 200 * DAY_MS);
    const end = new Date(signedUp);
    end.setUTCFullYear(end.getUTCFullYear() + 1);
    const free = await organization('Kaisha', 'ja', signedUp, false);
    const paying = await organization('Paying', 'en', signedUp, true);
    // Other moments (the paying organization's invoice passing its due date) are not this test's business.
    const rowsOf = (organizationId: string) =>
      testDb()
        .select()
        .from(notifications)
        .where(and(eq(notifications.organizationId, organizationId), eq(notifications.kind, 'free_year_ending')));

    // 31 days before: nothing yet.
    await scanNotificationMoments({ now: new Date(end.getTime() - 31 * DAY_MS) });
    expect(await rowsOf(free.organizationId)).toHaveLength(0);

    // Inside the last 30 days: the 30-day notice, once however often the scan runs.
    for (const daysLeft of [29, 28, 20]) await scanNotificationMoments({ now: new Date(end.getTime() - daysLeft * DAY_MS) });
    let rows = await rowsOf(free.organizationId);
    expect(rows.map((r) => r.kind)).toEqual(['free_year_ending']);
    expect(rows[0]!.payload).toMatchObject({ daysBefore: 30, daysLeft: 29, endsAt: end.toISOString() });

    // Inside the last 7 days: the 7-day notice, once; after the end nothing more.
    for (const daysLeft of [6, 3]) await scanNotificationMoments({ now: new Date(end.getTime() - daysLeft * DAY_MS) });
    await scanNotificationMoments({ now: new Date(end.getTime() + DAY_MS) });
    rows = await rowsOf(free.organizationId);
    expect(rows.map((r) => (r.payload as { daysBefore: number }).daysBefore).sort()).toEqual([30, 7]);
    expect(await rowsOf(paying.organizationId)).toHaveLength(0);

    // Delivered in the organization's language, asking it to choose a plan.
    await deliverUnattemptedNotifications();
    const mails = await testDb().select().from(devMailbox).where(eq(devMailbox.to, free.email.toLowerCase()));
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.subject).every((s) => s.startsWith('無料期間は'))).toBe(true);
    expect(mails[0]!.text).toContain(`/orgs/${free.organizationId}/plans`);
    // Each says the days left when it was written (the 7-day notice went out with 6 left), not its notice's name.
    expect(mails.map((m) => m.text).join('\n')).toMatch(/残り29日/);
    expect(mails.map((m) => m.text).join('\n')).toMatch(/残り6日/);
  });
});

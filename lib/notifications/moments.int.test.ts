// Every customer moment and the operator alert, driven the way production drives them: the emulator's signed
// webhook deliveries (invoice events, and test_helpers.test_clock.ready after each test-clock advance) into
// the real receiver, then the scheduled scan. Each moment lands once in the outbox and once in the mailbox,
// in the customer's language (one run in Japanese, one in English), however often events and scans repeat.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { eq, inArray } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMailbox, notifications, organizations } from '@/db/schema';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { receiveStripeWebhook } from '@/lib/webhooks/receive';
import { closeTestDb, resetDatabase, stripeEmulatorUrl, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { pdfText } from '@/test/pdf-text';
import { notifyCreditNoteIssued } from './credit-note-moments';
import { composeNotificationEmail, deliverUnattemptedNotifications } from './deliver';
import { scanNotificationMoments } from './scan';
import { saveNotificationSettings, notificationSettingsSchema } from './settings';

const DAY = 86_400;
const OPERATOR = 'support-desk@example.com';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('notification moments driven by a test clock', () => {
  let server: Server;
  let endpoint: Stripe.WebhookEndpoint;
  const processing: Promise<void>[] = [];

  beforeAll(async () => {
    await resetDatabase();
    const stripe = testStripe();
    server = createServer((req, res) => {
      void (async () => {
        const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
          method: req.method,
          headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])),
          body: await readBody(req),
        });
        const response = await receiveStripeWebhook(request, { stripe, secret: endpoint.secret, schedule: (task) => processing.push(task()) });
        res.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    endpoint = await stripe.webhookEndpoints.create({ url: `http://127.0.0.1:${port}/api/webhooks/stripe`, enabled_events: ['*'] });
    await saveNotificationSettings(notificationSettingsSchema.parse({ operatorRecipients: [OPERATOR] }));
  });

  afterAll(async () => {
    await testStripe().webhookEndpoints.del(endpoint.id);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeTestDb();
  });

  /** Waits until every delivery so far was received and processed, as the app's `after()` tasks would. */
  async function settle(): Promise<void> {
    const response = await fetch(`${stripeEmulatorUrl()}/_emulator/webhooks/flush`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timeout_ms: 20_000 }),
    });
    expect(((await response.json()) as { idle: boolean }).idle).toBe(true);
    while (processing.length > 0) await Promise.all(processing.splice(0));
  }

  async function advance(clockId: string, frozenTime: number): Promise<void> {
    const stripe = testStripe();
    await stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime });
    for (let i = 0; i < 100 && (await stripe.testHelpers.testClocks.retrieve(clockId)).status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 100));
    await settle();
  }

  for (const locale of ['ja', 'en'] as const) {
    it(`[${locale}] each moment lands once in the outbox and the mailbox, in the customer's language`, async () => {
      const stripe = testStripe();
      const db = testDb();
      const tag = uniqueSuffix();
      const t0 = Math.floor(Date.now() / 1000);
      const clock = await stripe.testHelpers.testClocks.create({ frozen_time: t0, name: `notify ${tag}` });
      const product = await stripe.products.create({ name: `Team ${tag}`, metadata: { name_ja: `チーム ${tag}` } });
      const price = await stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: 1500, recurring: { interval: 'month' } });

      async function customerWithOrg(name: string) {
        const email = `${name}-${tag}@example.com`;
        const customer = await stripe.customers.create({ name: `${name} KK`, email, preferred_locales: [locale], test_clock: clock.id });
        const [org] = await db.insert(organizations).values({ name: `${name} ${tag}`, currency: 'jpy', stripeCustomerId: customer.id }).returning();
        await syncStripeCustomer(customer.id);
        return { customer, email, organizationId: org!.id };
      }
      async function defaultCard(customerId: string, token: string) {
        const card = await stripe.paymentMethods.attach(token, { customer: customerId });
        await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: card.id } });
        return card;
      }

      // A: card, 14-day trial. B: a card that is declined. C: bank transfer (send_invoice), 7 days to pay.
      const a = await customerWithOrg('trial');
      const card = await defaultCard(a.customer.id, 'pm_card_visa');
      await stripe.subscriptions.create({ customer: a.customer.id, items: [{ price: price.id }], trial_period_days: 14 });
      const b = await customerWithOrg('declined');
      await defaultCard(b.customer.id, 'pm_card_chargeCustomerFail');
      await stripe.subscriptions.create({ customer: b.customer.id, items: [{ price: price.id }], payment_behavior: 'allow_incomplete' });
      const c = await customerWithOrg('transfer');
      await stripe.subscriptions.create({ customer: c.customer.id, items: [{ price: price.id }], collection_method: 'send_invoice', days_until_due: 7 });
      await settle();

      // 8 days on: the trial ends in 6 days (within 7). 15 days on: the trial invoice was charged, C's invoice
      // is past due. Then 5 days before A's first renewal.
      await advance(clock.id, t0 + 8 * DAY);
      await advance(clock.id, t0 + 15 * DAY);
      const renewal = (await stripe.subscriptions.list({ customer: a.customer.id })).data[0]!.items.data[0]!.current_period_end;
      await advance(clock.id, renewal - 5 * DAY);
      // A's card now expires at the end of next month (at the clock's time); the next advance notices it.
      const clockNow = new Date((renewal - 5 * DAY) * 1000);
      const nextMonth = new Date(Date.UTC(clockNow.getUTCFullYear(), clockNow.getUTCMonth() + 1, 1));
      await stripe.paymentMethods.update(card.id, { card: { exp_month: nextMonth.getUTCMonth() + 1, exp_year: nextMonth.getUTCFullYear() } });
      await advance(clock.id, renewal - 5 * DAY + 3600);
      // The scheduled scan and a redelivery of everything change nothing.
      await scanNotificationMoments();
      await scanNotificationMoments();
      await deliverUnattemptedNotifications();
      await deliverUnattemptedNotifications();

      const rows = await db
        .select()
        .from(notifications)
        .where(inArray(notifications.organizationId, [a.organizationId, b.organizationId, c.organizationId]));
      const kindsOf = (organizationId: string, recipient: string) =>
        rows.filter((r) => r.organizationId === organizationId && r.recipient === recipient).map((r) => r.kind).sort();
      expect(kindsOf(a.organizationId, a.email)).toEqual(['card_expiring', 'payment_succeeded', 'renewal_upcoming', 'trial_ending']);
      expect(kindsOf(b.organizationId, b.email)).toEqual(['payment_failed']);
      expect(kindsOf(b.organizationId, OPERATOR)).toEqual(['operator_payment_failed']);
      // C's first invoice and its renewal invoice (the clock passed C's renewal): each issued and past due once.
      expect(kindsOf(c.organizationId, c.email)).toEqual(['invoice_finalized', 'invoice_finalized', 'invoice_past_due', 'invoice_past_due']);
      expect(new Set(rows.filter((r) => r.organizationId === c.organizationId).map((r) => r.dedupeKey)).size).toBe(4);
      expect(rows.every((r) => r.status === 'sent' && r.locale === (r.recipient === OPERATOR ? 'en' : locale))).toBe(true);

      const mail = await db.select().from(devMailbox).where(inArray(devMailbox.to, [a.email, b.email, c.email]));
      expect(mail).toHaveLength(9);
      const subjects = (to: string) => mail.filter((m) => m.to === to).map((m) => m.subject).sort();
      const bodyOf = (to: string, subject: RegExp) => mail.find((m) => m.to === to && subject.test(m.subject))!.text;
      if (locale === 'ja') {
        expect(subjects(a.email)).toEqual([
          expect.stringMatching(/^お支払いが完了しました（￥1,500）$/),
          expect.stringMatching(/^ご契約は.+に更新されます$/),
          expect.stringMatching(/^末尾4242のカードの有効期限が近づいています$/),
          expect.stringMatching(/^無料トライアルは.+に終了します$/),
        ]);
        expect(subjects(b.email)).toEqual(['￥1,500のお支払いができませんでした']);
        expect(bodyOf(b.email, /お支払いができません/)).toContain('カード発行会社によりカードが拒否されました。');
        expect(bodyOf(b.email, /お支払いができません/)).toContain(`/orgs/${b.organizationId}/invoices/`);
        expect(subjects(c.email).filter((x) => /^請求書.+-000[12]の支払期限が過ぎています$/.test(x))).toHaveLength(2);
        expect(subjects(c.email).filter((x) => /^【ご請求】請求書.+-000[12]のご案内（￥1,500、支払期限：\d{4}\/\d{2}\/\d{2}）$/.test(x))).toHaveLength(2);
        expect(bodyOf(a.email, /お支払いが完了しました/)).toContain('[receipt-');
        // The plan as the Japanese portal names it (the product's name_ja), not Stripe's English name.
        expect(bodyOf(a.email, /無料トライアル/)).toContain(`チーム ${tag}`);
        expect(bodyOf(a.email, /更新されます/)).toContain(`チーム ${tag}`);
        expect(bodyOf(a.email, /更新されます/)).not.toContain(`Team ${tag}`);
      } else {
        expect(subjects(a.email)).toEqual([
          'Payment received: ¥1,500',
          expect.stringMatching(/^Your card ending in 4242 expires soon$/),
          expect.stringMatching(/^Your free trial ends on /),
          expect.stringMatching(/^Your subscription renews on /),
        ]);
        expect(subjects(b.email)).toEqual(['Your payment of ¥1,500 did not go through']);
        expect(bodyOf(b.email, /did not go through/)).toContain('The card was declined by the card issuer.');
        expect(bodyOf(a.email, /free trial ends/)).toContain(`Team ${tag}`);
        expect(subjects(c.email).filter((x) => /^Invoice .+-000[12] is past due$/.test(x))).toHaveLength(2);
        expect(subjects(c.email).filter((x) => /^Invoice .+-000[12]: ¥1,500 due \w{3} \d+, \d{4}$/.test(x))).toHaveLength(2);
      }
      // The operators are told with the customer and the decline reason.
      const [alert] = await db.select().from(devMailbox).where(eq(devMailbox.subject, `Payment failed: declined ${tag}, ¥1,500`));
      expect(alert?.to).toBe(OPERATOR);
      expect(alert?.text).toContain(b.customer.id);
      expect(alert?.text).toContain('generic_decline');
    }, 120_000);
  }

  it('[ja] a credit note issued in Stripe is emailed once, with Seikyu’s 返品・値引明細書 attached', async () => {
    const stripe = testStripe();
    const db = testDb();
    const tag = uniqueSuffix();
    const email = `credited-${tag}@example.com`;
    const customer = await stripe.customers.create({ name: `Credited ${tag} KK`, email, preferred_locales: ['ja'] });
    const [org] = await db.insert(organizations).values({ name: `Credited ${tag}`, currency: 'jpy', stripeCustomerId: customer.id }).returning();
    await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const draft = await stripe.invoices.create({ customer: customer.id, currency: 'jpy', collection_method: 'charge_automatically', auto_advance: false });
    await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 5_000, currency: 'jpy', description: '導入研修' });
    const finalized = await stripe.invoices.finalizeInvoice(draft.id, { auto_advance: false });
    const card = (await stripe.paymentMethods.list({ customer: customer.id })).data[0]!;
    await stripe.invoices.pay(draft.id, { payment_method: card.id });
    const note = await stripe.creditNotes.create({ invoice: draft.id, amount: 2_000, credit_amount: 2_000, reason: 'order_change', memo: '半日に短縮' });
    await settle();
    // The moment computed again (a redelivered or replayed event) changes nothing.
    expect(await notifyCreditNoteIssued(note.id)).toBe('duplicate');
    await deliverUnattemptedNotifications();

    const rows = await db.select().from(notifications).where(eq(notifications.organizationId, org!.id));
    const credited = rows.filter((r) => r.kind === 'credit_note_issued');
    expect(credited).toHaveLength(1);
    expect(credited[0]).toMatchObject({ recipient: email, locale: 'ja', status: 'sent', dedupeKey: `credit_note_issued:${note.id}` });
    expect(credited[0]!.subject).toBe(`返品・値引明細書${note.number}（￥2,000）を発行しました`);
    const [mail] = await db.select().from(devMailbox).where(eq(devMailbox.subject, credited[0]!.subject));
    expect(mail?.to).toBe(email);
    expect(mail?.text).toContain(`請求書${finalized.number}について、￥2,000の返品・値引明細書${note.number}を発行しました。`);
    expect(mail?.text).toContain('お客様のアカウント残高に計上し、次回以降のご請求に充当します。');
    expect(mail?.text).toContain(`/orgs/${org!.id}/invoices/${draft.id}`);
    // The attachment is Seikyu's document, in the customer's language.
    const composed = await composeNotificationEmail(credited[0]!);
    expect(composed.attachments.map((a) => a.filename)).toEqual([`CreditNote-${note.number.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`]);
    const text = pdfText(composed.attachments[0]!.content as Buffer);
    expect(text).toContain('返品・値引明細書');
    expect(text).toMatch(new RegExp(`明細書番号 ${note.number}`));
    expect(text).toContain('理由：注文内容の変更（半日に短縮）');
  }, 60_000);
});

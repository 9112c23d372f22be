// The SMTP path against a real SMTP server started by the test (smtp-server), read back with mailparser: the
// payment receipt email in Japanese with its plain-text and HTML parts, the receipt PDF attached, the
// configured From address and a DKIM signature for the configured domain and selector.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type Stripe from 'stripe';
import { eq } from 'drizzle-orm';
import { notifications, organizations } from '@/db/schema';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { deliverUnattemptedNotifications } from './deliver';
import { notifyInvoiceEvent } from './invoice-moments';

// Before lib/env is imported: mail goes to this test's SMTP server, signed with a throwaway DKIM key.
const smtp = await vi.hoisted(async () => {
  const { generateKeyPairSync } = await import('node:crypto');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = 'Example Billing <billing@example.co.jp>';
  process.env.DKIM_DOMAIN = 'example.co.jp';
  process.env.DKIM_SELECTOR = 'seikyu';
  process.env.DKIM_PRIVATE_KEY = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { port };
});

describe('notification delivery over SMTP', () => {
  let server: SMTPServer;
  const received: { raw: Buffer; to: string[] }[] = [];

  beforeAll(async () => {
    await resetDatabase();
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ raw: Buffer.concat(chunks), to: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(smtp.port, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeTestDb();
  });

  it('[customer] receives the payment receipt in Japanese, with the receipt PDF, from the company domain, DKIM-signed', async () => {
    const stripe = testStripe();
    const tag = uniqueSuffix();
    const email = `keiri-${tag}@example.com`;
    const customer = await stripe.customers.create({ name: '株式会社テスト', email, preferred_locales: ['ja'] });
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } });
    const [org] = await testDb().insert(organizations).values({ name: `SMTP ${tag}`, currency: 'jpy', stripeCustomerId: customer.id }).returning();
    await stripe.invoiceItems.create({ customer: customer.id, amount: 3300, currency: 'jpy', description: 'Consulting' });
    const draft = await stripe.invoices.create({ customer: customer.id, pending_invoice_items_behavior: 'include' });
    const invoice = await stripe.invoices.pay((await stripe.invoices.finalizeInvoice(draft.id)).id);
    await syncStripeCustomer(customer.id);

    const event = { id: `evt_${tag}`, type: 'invoice.payment_succeeded', data: { object: { id: invoice.id } } } as unknown as Stripe.Event;
    await notifyInvoiceEvent(event);
    await notifyInvoiceEvent(event);
    expect(await deliverUnattemptedNotifications()).toEqual({ sent: 1, failed: 0 });

    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual([email]);
    const mail: ParsedMail = await simpleParser(received[0]!.raw);
    expect(mail.from?.text).toBe('"Example Billing" <billing@example.co.jp>');
    expect(mail.subject).toBe('お支払いが完了しました（￥3,300）');
    expect(mail.text).toContain('￥3,300のカード決済が完了しました。領収書をPDFで添付しております。');
    expect(mail.text).toContain(invoice.number!);
    expect(mail.html).toContain('lang="ja"');
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf!.contentType).toBe('application/pdf');
    expect(pdf!.filename).toBe(`receipt-${invoice.number}.pdf`);
    expect(pdf!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const dkim = mail.headerLines.find((h) => h.key === 'dkim-signature')?.line.replace(/\r?\n\s+/g, ' ');
    expect(dkim).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;/);
    expect(dkim).toContain('d=example.co.jp;');
    expect(dkim).toContain('s=seikyu;');
    expect(dkim).toMatch(/h=[^;]*From[^;]*;/i);

    const [row] = await testDb().select().from(notifications).where(eq(notifications.organizationId, org!.id));
    expect(row).toMatchObject({ kind: 'payment_succeeded', status: 'sent', attempts: 1, locale: 'ja' });
    // The row's own Message-ID: a resend after a crash would be recognisably the same message.
    expect(mail.messageId).toBe(`<notification-${row!.id}@localhost>`);
  });
});

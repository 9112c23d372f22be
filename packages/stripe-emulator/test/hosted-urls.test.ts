// Issue 7 §2: hosted URLs are built from the emulator's public URL when served, never frozen in saved state —
// a demo restarted on another port links to the new port (invoice PDF, hosted invoice, receipt, 3-D Secure page),
// in API responses and in webhook payloads alike.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { flushWebhooks, rawRequest, startTestEmulator, startWebhookReceiver } from './helpers.js';
import { createPlan, customerWithCard } from './billing/setup.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true, maxRetries: 5 });
});

describe('hosted URLs after a restart on another port', () => {
  // Two emulators, a subscription and a webhook round trip: give it more than the default 30 s on a busy machine.
  it('invoice_pdf, hosted_invoice_url, receipt_url and the 3-D Secure page use the current port', { timeout: 90_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'stripe-emulator-urls-'));
    dirs.push(dir);
    const dataFile = path.join(dir, 'emulator.json');

    const first = await startTestEmulator({ dataFile });
    const price = await createPlan(first.stripe, { amount: 2500 });
    const { customer } = await customerWithCard(first.stripe, 'pm_card_visa');
    const sub = await first.stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], expand: ['latest_invoice'] });
    const invoice = sub.latest_invoice;
    if (!invoice || typeof invoice === 'string') throw new Error('expected an invoice');
    expect(invoice.invoice_pdf).toBe(`${first.url}/_emulator/invoices/${invoice.id}/pdf`);
    const threeDs = await first.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
      return_url: 'http://localhost:3000/done',
    });
    expect(threeDs.next_action?.redirect_to_url?.url).toContain(`${first.url}/_emulator/3ds/${threeDs.id}`);
    await first.close();
    // Saved state holds no absolute link to the old port.
    expect(await readFile(dataFile, 'utf8')).not.toContain(first.url);

    const receiver = await startWebhookReceiver();
    const second = await startTestEmulator({ dataFile, webhookUrl: receiver.url });
    try {
      expect(second.port).not.toBe(first.port);
      const again = await second.stripe.invoices.retrieve(invoice.id);
      expect(again.invoice_pdf).toBe(`${second.url}/_emulator/invoices/${invoice.id}/pdf`);
      expect(again.hosted_invoice_url).toBe(`${second.url}/_emulator/invoices/${invoice.id}/hosted`);
      const pdf = await fetch(String(again.invoice_pdf));
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toContain('application/pdf');

      const payments = await second.stripe.paymentIntents.list({ customer: customer.id });
      const charge = await second.stripe.charges.retrieve(String(payments.data[0].latest_charge));
      expect(charge.receipt_url).toBe(`${second.url}/receipts/charges/${charge.id}`);
      expect((await fetch(String(charge.receipt_url))).status).toBe(200);

      const pending = await second.stripe.paymentIntents.retrieve(threeDs.id);
      expect(pending.next_action?.redirect_to_url?.url).toContain(`${second.url}/_emulator/3ds/${threeDs.id}`);

      // Webhook payloads too.
      await second.stripe.invoices.update(invoice.id, { metadata: { touched: 'yes' } });
      await flushWebhooks(second.url);
      const body = receiver.received.map((r) => r.body).join('\n');
      expect(body).toContain(`${second.url}/_emulator/invoices/${invoice.id}/pdf`);
      expect(body).not.toContain('.invalid');

      const replay = await rawRequest(second.url, 'GET', `/v1/invoices/${invoice.id}`);
      expect(replay.text).not.toContain('.invalid');
    } finally {
      await second.close();
      await receiver.close();
    }
  });
});

// Test-side Stripe access for the portal e2e specs: the SDK pointed at the e2e server's emulator, whose origin
// every page names in its Content-Security-Policy (frame-src). Used to arrange billing states (invoices, cards)
// the way Stripe would produce them; the app then learns about them through the emulator's signed webhooks.
import Stripe from 'stripe';
import { expect, type Page } from '@playwright/test';

export async function emulatorStripe(page: Page): Promise<{ stripe: Stripe; url: string }> {
  const response = await page.request.get('/');
  const csp = response.headers()['content-security-policy'] ?? '';
  const frameSrc = /frame-src ([^;]+)/.exec(csp)?.[1]?.trim().split(/\s+/)[0];
  expect(frameSrc, `emulator origin in CSP: ${csp}`).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const url = new URL(frameSrc!);
  const stripe = new Stripe('sk_test_emulator', {
    apiVersion: '2026-10-28.endive' as Stripe.LatestApiVersion,
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
  });
  return { stripe, url: url.origin };
}

/** The organization's Stripe customer (created at sign-up with `metadata.organization_id`). */
export async function customerOf(stripe: Stripe, email: string, organizationId: string): Promise<Stripe.Customer> {
  const customers = await stripe.customers.list({ email, limit: 10 });
  const customer = customers.data.find((c) => c.metadata.organization_id === organizationId);
  expect(customer, `Stripe customer for ${organizationId}`).toBeTruthy();
  return customer!;
}

/** Waits until the emulator has delivered every webhook, so the app's mirror has converged. */
export async function flushWebhooks(page: Page, emulatorUrl: string): Promise<void> {
  const response = await page.request.post(`${emulatorUrl}/_emulator/webhooks/flush`, { data: { timeout_ms: 15_000 } });
  expect(response.ok()).toBe(true);
}

/** Attaches a test card and makes it the customer's default. */
export async function addDefaultCard(stripe: Stripe, customerId: string, token = 'pm_card_visa'): Promise<Stripe.PaymentMethod> {
  const card = await stripe.paymentMethods.attach(token, { customer: customerId });
  await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: card.id } });
  return card;
}

/** A finalized one-off invoice with the given lines (amounts in the currency's minor unit). */
export async function createInvoice(
  stripe: Stripe,
  customerId: string,
  options: {
    lines: { description: string; amount: number }[];
    currency?: string;
    /** Bank transfer: due `daysUntilDue` days after finalization, or at `dueDate` (Unix seconds, in the future). */
    sendInvoice?: { daysUntilDue: number } | { dueDate: number };
    autoAdvance?: boolean;
  },
): Promise<Stripe.Invoice> {
  const currency = options.currency ?? 'jpy';
  const draft = await stripe.invoices.create({
    customer: customerId,
    currency,
    auto_advance: options.autoAdvance ?? false,
    ...(options.sendInvoice
      ? 'dueDate' in options.sendInvoice
        ? { collection_method: 'send_invoice' as const, due_date: options.sendInvoice.dueDate }
        : { collection_method: 'send_invoice' as const, days_until_due: options.sendInvoice.daysUntilDue }
      : { collection_method: 'charge_automatically' as const }),
  });
  for (const line of options.lines) {
    await stripe.invoiceItems.create({ customer: customerId, invoice: draft.id, amount: line.amount, currency, description: line.description });
  }
  return stripe.invoices.finalizeInvoice(draft.id, { auto_advance: options.autoAdvance ?? false });
}

// Operators settle a bank-transfer customer's invoice outside Stripe (a partial transfer, then the rest) and
// credit part of it; the customer sees the credit note on the invoice page and downloads its PDF. A support
// operator gets no money forms, and a forged call to the record-payment action is refused without effect.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { createInvoice, customerOf, emulatorStripe, flushWebhooks } from './portal-billing-stripe';

test('[admin] records a bank transfer in two parts, issues a credit note; the customer downloads it', async ({ customer, operatorPage: page }) => {
  const { stripe, url } = await emulatorStripe(customer.page);
  const stripeCustomer = await customerOf(stripe, customer.email, customer.organizationId);
  const invoice = await createInvoice(stripe, stripeCustomer.id, {
    lines: [{ description: 'Annual scheduling plan', amount: 12_000 }],
    sendInvoice: { daysUntilDue: 30 },
  });
  await flushWebhooks(customer.page, url);

  await page.goto(`/admin/invoices/${invoice.id}`);
  await expect(page.getByTestId('admin-invoice-remaining')).toHaveText('¥12,000');
  const form = page.getByTestId('record-payment-form');

  // A partial transfer: the rest stays due.
  await form.getByLabel('Amount received').fill('5,000');
  await form.getByLabel('Reference (transfer ID, receipt number)').fill('MIZUHO-0001');
  await form.getByRole('button', { name: 'Record payment' }).click();
  const confirm = form.getByRole('alertdialog');
  await expect(confirm).toContainText('Record ¥5,000 received by Bank transfer on');
  await confirm.getByRole('button', { name: 'Record payment' }).click();
  await expect(form.getByRole('status')).toHaveText('Payment recorded. Amount remaining: ¥7,000.');
  await expect(page.getByTestId('admin-invoice-remaining')).toHaveText('¥7,000');
  await expect(page.getByTestId('admin-invoice-recorded-payments')).toContainText('MIZUHO-0001');

  // At phone width the amount stays on screen; method, status and reference move under the date.
  await page.setViewportSize({ width: 390, height: 844 });
  const amount = page.getByTestId('recorded-payment-amount').first();
  await expect(amount).toHaveText('¥5,000');
  const box = (await amount.boundingBox())!;
  expect(box.x + box.width, 'inside a 390px screen').toBeLessThanOrEqual(390);
  await expect(page.getByTestId('recorded-payment-details').first()).toContainText('Bank transfer · Paid');
  await page.setViewportSize({ width: 1280, height: 900 });

  // More than remains is named before any confirmation, with both amounts, and nothing changes.
  await form.getByLabel('Amount received').fill('8000');
  await form.getByLabel('Reference (transfer ID, receipt number)').fill('MIZUHO-0002');
  await form.getByRole('button', { name: 'Record payment' }).click();
  await expect(form.getByRole('alert')).toHaveText('The amount (¥8,000) is more than the amount remaining on the invoice (¥7,000).');
  await expect(form.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByTestId('admin-invoice-remaining')).toHaveText('¥7,000');

  // The rest, in cash: the invoice turns paid and the form goes away.
  await form.getByLabel('Amount received').fill('7000');
  await form.getByLabel('Method').selectOption('cash');
  await form.getByRole('button', { name: 'Record payment' }).click();
  await form.getByRole('alertdialog').getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByTestId('admin-invoice-remaining')).toHaveText('¥0');
  await expect(page.getByTestId('admin-invoice-summary')).toContainText('Paid');
  await expect(page.getByTestId('record-payment-form')).toHaveCount(0);
  await expect(page.getByTestId('admin-invoice-recorded-payments').getByRole('row')).toHaveCount(3);
  expect((await stripe.invoices.retrieve(invoice.id)).amount_paid_off_stripe).toBe(12_000);

  // A credit note by amount on the paid invoice, to the customer's balance: preview, then issue.
  const creditForm = page.getByTestId('credit-note-form');
  await creditForm.getByLabel('Amount to credit (JPY)').fill('2000');
  await creditForm.getByLabel('Reason').selectOption('order_change');
  await creditForm.getByRole('button', { name: 'Preview' }).click();
  const preview = creditForm.getByTestId('credit-note-preview');
  await expect(preview).toContainText('This credit note will credit ¥2,000.');
  await preview.getByRole('button', { name: 'Issue credit note' }).click();
  await expect(creditForm.getByRole('status')).toContainText(`Credit note ${invoice.number}-CN-01 issued.`);
  const notes = page.getByTestId('credit-notes');
  await expect(notes).toContainText(`${invoice.number}-CN-01`);
  await expect(notes).toContainText("Credit to the customer's balance");

  // The customer page lists the customer's credit notes too.
  await page.goto(`/admin/customers/${customer.organizationId}`);
  const customerPageNotes = page.getByTestId('customer-credit-notes');
  await expect(customerPageNotes).toContainText(`${invoice.number}-CN-01`);
  await expect(customerPageNotes).toContainText('¥2,000');

  // The customer sees it on the invoice page and downloads the PDF.
  await customer.page.goto(`/orgs/${customer.organizationId}/invoices/${invoice.id}`);
  // And which part of the money came when, and how.
  const received = customer.page.getByTestId('invoice-payments-received');
  await expect(received.getByRole('row')).toHaveCount(3);
  await expect(received.getByRole('row').filter({ hasText: 'Bank transfer' })).toContainText('¥5,000');
  await expect(received.getByRole('row').filter({ hasText: 'Cash' })).toContainText('¥7,000');
  const customerNotes = customer.page.getByTestId('credit-notes');
  await expect(customerNotes).toContainText(`${invoice.number}-CN-01`);
  await expect(customerNotes).toContainText('¥2,000');
  // Where the money went, in the customer's terms (operators read "Credit to the customer's balance").
  await expect(customerNotes).toContainText('Credited to your balance');
  // The totals add up: the credit after payment is its own line after what was paid.
  await expect(customer.page.getByTestId('invoice-totals')).toContainText('Credit notes after payment');
  await expect(customer.page.getByTestId('invoice-credit-notes-after-payment')).toHaveText('−¥2,000');
  const downloading = customer.page.waitForEvent('download');
  await customerNotes.getByRole('link', { name: 'Download PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`CreditNote-${invoice.number}-CN-01.pdf`);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // Seikyu's own document (Stripe's original is the link beside it): the note, the invoice it credits, the reason.
  const text = execFileSync('pdftotext', ['-raw', (await download.path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(`Credit note number ${invoice.number}-CN-01`);
  expect(text).toContain(`Invoice number ${invoice.number}`);
  expect(text).toContain('Reason: Order changed');
  await expect(customerNotes.getByRole('link', { name: "Stripe's original" })).toHaveAttribute('href', /\/stripe-pdf$/);
});

/** The id Next.js gave the record-payment server action in this build (what a browser would post). */
function recordPaymentActionId(): string {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === 'recordPaymentAction')?.[0];
  expect(id, 'recordPaymentAction in the server reference manifest').toBeTruthy();
  return id!;
}

test('[support] sees payments but no record-payment form; a forged record-payment call is refused', async ({ customer, supportPage: page }) => {
  const { stripe, url } = await emulatorStripe(customer.page);
  const stripeCustomer = await customerOf(stripe, customer.email, customer.organizationId);
  const invoice = await createInvoice(stripe, stripeCustomer.id, { lines: [{ description: 'Workshop', amount: 8_000 }], sendInvoice: { daysUntilDue: 30 } });
  await flushWebhooks(customer.page, url);

  await page.goto(`/admin/invoices/${invoice.id}`);
  await expect(page.getByRole('heading', { name: 'Payments', exact: true })).toBeVisible();
  await expect(page.getByTestId('record-payment-form')).toHaveCount(0);
  await expect(page.getByTestId('credit-note-form')).toHaveCount(0);

  const response = await page.request.post(`/admin/invoices/${invoice.id}`, {
    headers: { 'Next-Action': recordPaymentActionId(), Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' },
    data: JSON.stringify([
      { invoiceId: invoice.id, amount: '8000', currency: 'jpy', method: 'cash', receivedOn: '2026-01-01', reference: 'FORGED', attempt: crypto.randomUUID() },
    ]),
  });
  expect(await response.text()).toContain('forbidden');
  const after = await stripe.invoices.retrieve(invoice.id);
  expect([after.status, after.amount_paid]).toEqual(['open', 0]);
});

// The operators' back-office: month-end receivables (ageing bucket, CSV, remind → the email, only once past due), notes on the
// customer page, the timeline and the audit log, a webhook event replayed; and what a support operator may and may not do.
import type Stripe from 'stripe';
import { expect, OPERATOR_EMAIL, test, waitForMail } from './fixtures';
import { addDefaultCard, createInvoice, customerOf, emulatorStripe, flushWebhooks } from './portal-billing-stripe';

const DAY_MS = 86_400_000;
/** A calendar day 45 days after the due date: the invoice is then 44–45 days past due whatever the zone. */
const asOfAfterDue = (dueDate: number) => new Date(dueDate * 1000 + 45 * DAY_MS).toISOString().slice(0, 10);

/** A card invoice whose charge was declined: past due now (a card invoice is due at once), so it may be reminded. */
async function failedCardInvoice(stripe: Stripe, customerId: string, amount: number): Promise<Stripe.Invoice> {
  await addDefaultCard(stripe, customerId, 'pm_card_chargeCustomerFail');
  const invoice = await createInvoice(stripe, customerId, { lines: [{ description: 'Support hours', amount }] });
  await expect(stripe.invoices.pay(invoice.id)).rejects.toThrow(/declined/);
  return invoice;
}

test('[admin] month-end receivables: a bank transfer in its bucket and the CSV, no reminder before it is due; a failed card payment reminded by email; a note on the customer, in the timeline and the audit log', async ({
  customer,
  operatorPage: page,
}) => {
  const { stripe, url } = await emulatorStripe(customer.page);
  const stripeCustomer = await customerOf(stripe, customer.email, customer.organizationId);
  const invoice = await createInvoice(stripe, stripeCustomer.id, { lines: [{ description: 'Annual support', amount: 12_000 }], sendInvoice: { daysUntilDue: 14 } });
  const card = await failedCardInvoice(stripe, stripeCustomer.id, 3_000);
  await flushWebhooks(customer.page, url);
  const asOf = asOfAfterDue(invoice.due_date!);

  await page.goto(`/admin/reports/receivables?asOf=${asOf}`);
  const row = page.locator(`[data-testid="receivables-invoice"][data-invoice-id="${invoice.id}"]`);
  await expect(row).toHaveAttribute('data-bucket', 'days_31_60');
  await expect(row).toContainText('31–60 days');
  await expect(row).toContainText('¥12,000');
  await expect(row).toContainText(customer.organizationName);

  const csv = await (await page.request.get(`/admin/reports/receivables/csv?asOf=${asOf}`)).text();
  const line = csv.split('\r\n').find((l) => l.includes(invoice.id));
  expect(line).toContain(`,${customer.organizationId},`);
  expect(line).toContain(',send_invoice,jpy,12000,');
  expect(line).toMatch(/,days_31_60$/);

  // The report looks 45 days ahead, but the bank transfer is not due yet today: there is nothing to remind of.
  await expect(row.getByRole('button', { name: 'Remind the customer' })).toHaveCount(0);

  // The card invoice whose charge failed is past due now: one reminder a day, however often it is clicked.
  const cardRow = page.locator(`[data-testid="receivables-invoice"][data-invoice-id="${card.id}"]`);
  const since = Date.now();
  await cardRow.getByRole('button', { name: 'Remind the customer' }).click();
  await expect(cardRow.getByRole('status')).toHaveText('Reminder queued.');
  await cardRow.getByRole('button', { name: 'Remind the customer' }).click();
  await expect(cardRow.getByRole('status')).toHaveText('Already reminded today.');
  const mail = await waitForMail(page, customer.email, since, { subject: 'Reminder:' });
  expect(mail.subject).toBe(`Reminder: invoice ${card.number} for ¥3,000`);
  expect(mail.text).toContain('the payment from your card did not go through');

  // The outbox asks before sending an email already sent: the customer would get it twice.
  await page.goto('/admin/notifications');
  const sentRow = page.getByTestId('notifications-table').getByRole('row').filter({ hasText: mail.subject });
  await sentRow.getByRole('button', { name: 'Resend' }).click();
  const confirmResend = sentRow.getByRole('form', { name: `This email was already sent to ${customer.email.toLowerCase()}. Send it again?` });
  await expect(confirmResend).toBeVisible();
  const resentSince = Date.now();
  await confirmResend.getByRole('button', { name: 'Resend' }).click();
  // The row goes back to the queue (its button leaves with it) and the customer gets the email a second time.
  const again = await waitForMail(page, customer.email, resentSince, { subject: 'Reminder:' });
  expect(again.subject).toBe(mail.subject);

  // A note, added then edited, with who and when.
  await page.goto(`/admin/customers/${customer.organizationId}`);
  const notes = page.getByTestId('customer-notes');
  await notes.getByLabel('Note').fill('Pays on the 25th');
  await notes.getByRole('button', { name: 'Add note' }).click();
  const note = notes.getByTestId('customer-note');
  await expect(note).toContainText('Pays on the 25th');
  await expect(note).toContainText(`Written by ${OPERATOR_EMAIL}`);
  await note.getByRole('button', { name: 'Edit' }).click();
  await note.getByLabel('Note').fill('Pays on the 25th by bank transfer');
  await note.getByRole('button', { name: 'Save' }).click();
  await expect(note.locator('p').first()).toHaveText('Pays on the 25th by bank transfer');
  await expect(note).toContainText(`edited by ${OPERATOR_EMAIL}`);

  // The timeline tells it in words, with the reminder and Stripe's own events.
  const timeline = page.getByTestId('admin-activity');
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Note edited' })).toContainText(OPERATOR_EMAIL);
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Note added' })).toBeVisible();
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Payment reminder sent' })).toBeVisible();
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Stripe event invoice.finalized' }).first()).toBeVisible();

  // The audit log filters to this customer's note changes.
  await page.goto('/admin/audit');
  const filters = page.getByTestId('audit-filters');
  await filters.getByLabel('Action').fill('note.');
  await filters.getByLabel('Customer (organization id)').fill(customer.organizationId);
  await filters.getByRole('button', { name: 'Filter' }).click();
  const entries = page.getByTestId('audit-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Note edited');
  await expect(entries.nth(1)).toContainText('Note added');
  // At a laptop's width the table fits its box: no column is off to the side, the action code is whole.
  await page.setViewportSize({ width: 1280, height: 900 });
  const wrap = page.getByRole('region', { name: 'Audit log' });
  expect(await wrap.evaluate((box) => box.scrollWidth <= box.clientWidth), 'audit table fits at 1280px').toBe(true);
  await expect(entries.nth(0)).toContainText('note.updated');

  // The webhook ledger: replaying the invoice's finalized event applies nothing twice and is audited.
  await page.goto('/admin/events?status=processed');
  const event = page.getByTestId('admin-event').filter({ hasText: 'invoice.finalized' }).filter({ hasText: invoice.id });
  await expect(event).toHaveAttribute('data-status', 'processed');
  await event.getByTestId('replay-event').click();
  await expect(event.getByRole('status')).toHaveText('Replayed: Processed.');
  await page.goto('/admin/audit');
  await filters.getByLabel('Action').fill('event.replayed');
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(entries.first()).toContainText('Stripe event replayed');
});

test('[support] may add a note and remind a customer, but neither replay webhook events nor change the collection method', async ({
  customer,
  supportPage: page,
}) => {
  const { stripe, url } = await emulatorStripe(customer.page);
  const stripeCustomer = await customerOf(stripe, customer.email, customer.organizationId);
  const invoice = await failedCardInvoice(stripe, stripeCustomer.id, 5_000);
  await flushWebhooks(customer.page, url);

  await page.goto(`/admin/customers/${customer.organizationId}`);
  const notes = page.getByTestId('customer-notes');
  await notes.getByLabel('Note').fill('Called the accounting department');
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.getByTestId('customer-note')).toContainText('Called the accounting department');
  const settings = page.getByTestId('customer-settings');
  await expect(settings).toContainText('Only admins change the collection method.');
  await expect(page.getByTestId('collection-settings')).toHaveCount(0);

  await page.goto('/admin/reports/receivables');
  const row = page.locator(`[data-testid="receivables-invoice"][data-invoice-id="${invoice.id}"]`);
  await row.getByRole('button', { name: 'Remind the customer' }).click();
  await expect(row.getByRole('status')).toHaveText('Reminder queued.');

  await page.goto('/admin/events');
  await expect(page.getByRole('heading', { level: 1, name: 'Webhook events' })).toBeVisible();
  await expect(page.getByTestId('admin-event').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /Replay/ })).toHaveCount(0);
});

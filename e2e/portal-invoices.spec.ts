import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, signUpCustomer, test } from './fixtures';
import { addDefaultCard, createInvoice, customerOf, emulatorStripe, flushWebhooks } from './portal-billing-stripe';

/** The text of a downloaded PDF, by poppler's pdftotext (poppler-utils). */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('[customer] downloads the invoice PDF', async ({ customer }) => {
  const { page } = customer;
  const { stripe, url } = await emulatorStripe(page);
  const stripeCustomer = await customerOf(stripe, customer.email, customer.organizationId);
  const card = await addDefaultCard(stripe, stripeCustomer.id);
  const invoice = await createInvoice(stripe, stripeCustomer.id, {
    lines: [
      { description: 'Onboarding workshop', amount: 33_000 },
      { description: 'Included seat', amount: 0 },
    ],
  });
  await stripe.invoices.pay(invoice.id, { payment_method: card.id });
  await flushWebhooks(page, url);

  await page.goto(`/orgs/${customer.organizationId}/invoices`);
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  const row = page.getByTestId('invoices-table').getByRole('row', { name: new RegExp(invoice.number!) });
  await expect(row).toContainText('¥33,000');
  await expect(row).toContainText('Paid');

  // At phone width the amount and the status stay on screen; the date moves under the number.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const cell of [row.getByText('¥33,000'), row.getByText('Paid', { exact: true })]) {
    await expect(cell).toBeVisible();
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width, 'inside a 390px screen').toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await row.getByRole('link', { name: `View invoice ${invoice.number}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();
  // Which card paid, from the mirror.
  await expect(page.getByTestId('invoice-paid-with')).toHaveText('Paid with Visa •••• 4242');
  const lines = page.getByTestId('invoice-lines');
  await expect(lines).toContainText('Onboarding workshop');
  await expect(lines).not.toContainText('Included seat');
  await expect(page.getByTestId('invoice-totals')).toContainText('¥33,000');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download invoice (PDF)' }).click()]);
  expect(download.suggestedFilename()).toBe(`invoice-${invoice.number}.pdf`);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Seikyu's own document (lib/documents), not Stripe's: our layout, the zero-amount line left out.
  const text = pdfText((await download.path())!);
  expect(text).toMatch(/Invoice number\s+/);
  expect(text).toContain(invoice.number!);
  expect(text).toContain('Onboarding workshop');
  expect(text).not.toContain('Included seat');
  expect(text).toMatch(/Total\s+¥33,000/);
  expect(text).toContain('Amounts in JPY.');

  // Stripe's original stays one click away.
  const [original] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: "Stripe's original invoice (PDF)" }).click()]);
  expect((await readFile((await original.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfText((await original.path())!)).not.toContain('Amounts in JPY.');

  const response = await page.request.get(`/orgs/${customer.organizationId}/invoices/${invoice.id}/pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toContain(`invoice-${invoice.number}.pdf`);
});

test("[customer] gets 404 for another organization's invoice", async ({ customer, browser, baseURL }) => {
  const { stripe, url } = await emulatorStripe(customer.page);
  const stripeCustomer = await customerOf(stripe, customer.email, customer.organizationId);
  const invoice = await createInvoice(stripe, stripeCustomer.id, { lines: [{ description: 'Secret consulting', amount: 50_000 }], sendInvoice: { daysUntilDue: 30 } });
  await flushWebhooks(customer.page, url);
  // A paid invoice, whose receipt the owner can download.
  const card = await addDefaultCard(stripe, stripeCustomer.id);
  const paid = await createInvoice(stripe, stripeCustomer.id, { lines: [{ description: 'Paid consulting', amount: 7_000 }] });
  await stripe.invoices.pay(paid.id, { payment_method: card.id });
  await flushWebhooks(customer.page, url);
  // The owner can fetch them: the 404s below are about who asks, not a missing document.
  expect((await customer.page.request.get(`/orgs/${customer.organizationId}/invoices/${invoice.id}/pdf`)).status()).toBe(200);
  expect((await customer.page.request.get(`/orgs/${customer.organizationId}/invoices/${paid.id}/receipt`)).status()).toBe(200);
  // An open invoice has no receipt yet, even for its owner.
  expect((await customer.page.request.get(`/orgs/${customer.organizationId}/invoices/${invoice.id}/receipt`)).status()).toBe(404);
  // The owner's tab names the invoice.
  await customer.page.goto(`/orgs/${customer.organizationId}/invoices/${invoice.id}`);
  await expect(customer.page).toHaveTitle(`Invoice ${invoice.number} · Seikyu`);

  const other = await signUpCustomer(browser, baseURL);
  try {
    for (const path of [
      `/orgs/${other.organizationId}/invoices/${invoice.id}/pdf`,
      `/orgs/${other.organizationId}/invoices/${invoice.id}/receipt`,
      `/orgs/${other.organizationId}/invoices/${paid.id}/receipt`,
      `/orgs/${customer.organizationId}/invoices/${paid.id}/receipt`,
      `/orgs/${customer.organizationId}/invoices/${invoice.id}/pdf`,
      `/orgs/${other.organizationId}/invoices/in_doesnotexist/pdf`,
    ]) {
      const response = await other.page.request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text()).not.toContain('%PDF');
    }
    const pageResponse = await other.page.goto(`/orgs/${other.organizationId}/invoices/${invoice.id}`);
    expect(pageResponse?.status()).toBe(404);
    await expect(other.page).toHaveTitle(/^Page not found/);
    await expect(other.page.getByText('Secret consulting')).toHaveCount(0);
    await other.page.goto(`/orgs/${other.organizationId}/invoices`);
    await expect(other.page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
    await expect(other.page.getByText(invoice.number!)).toHaveCount(0);
  } finally {
    await other.page.context().close();
  }
});

test("[customer] bank-transfer customer sees an open invoice with the bank details, due on the organization's day", async ({ customer }) => {
  const { page } = customer;
  // The organization's time zone, where the owner sees and sets it. An organization billed in yen starts in
  // Japan time, whatever the language its staff read the portal in (this page is English).
  await page.goto(`/orgs/${customer.organizationId}/billing-details`);
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  await expect(zone).toHaveValue('Asia/Tokyo');
  const { stripe, url } = await emulatorStripe(page);
  const stripeCustomer = await customerOf(stripe, customer.email, customer.organizationId);
  const footer = 'Please pay by bank transfer to: Seikyu Test Bank, Shibuya branch (001), ordinary account 7654321';
  await stripe.customers.update(stripeCustomer.id, { invoice_settings: { footer } });
  const invoice = await createInvoice(stripe, stripeCustomer.id, {
    lines: [{ description: 'Scheduling Pro (annual)', amount: 120_000 }],
    // Due at 16:00 UTC two weeks from now: already the next day in Tokyo, so the page must show the
    // organization's day rather than UTC's whatever the hour the test runs.
    sendInvoice: { dueDate: Math.floor(new Date().setUTCHours(16, 0, 0, 0) / 1000) + 14 * 86_400 },
  });
  expect(invoice.footer).toBe(footer);
  await flushWebhooks(page, url);

  await page.goto(`/orgs/${customer.organizationId}/invoices/${invoice.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();
  await expect(page.getByText('Open', { exact: true })).toBeVisible();
  const bank = page.getByTestId('bank-transfer');
  await expect(bank.getByRole('heading', { name: 'Pay by bank transfer' })).toBeVisible();
  await expect(bank).toContainText(footer);
  await expect(bank).toContainText('¥120,000');
  await expect(bank).toContainText(invoice.number!);
  const dueIn = (timeZone: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone }).format(new Date(invoice.due_date! * 1000));
  expect(dueIn('Asia/Tokyo')).not.toBe(dueIn('UTC'));
  await expect(bank).toContainText(dueIn('Asia/Tokyo'));
  await expect(bank).not.toContainText(dueIn('UTC'));
  await expect(page.getByTestId('amount-remaining')).toHaveText('¥120,000');

  // The owner moves the organization to UTC: the same invoice is now due on UTC's day.
  await page.goto(`/orgs/${customer.organizationId}/billing-details`);
  await zone.selectOption('UTC');
  await page.getByRole('button', { name: 'Save time zone' }).click();
  await expect(page.getByTestId('time-zone-form').getByRole('status')).toHaveText('Time zone saved.');
  await page.goto(`/orgs/${customer.organizationId}/invoices/${invoice.id}`);
  await expect(bank).toContainText(dueIn('UTC'));
  await expect(bank).not.toContainText(dueIn('Asia/Tokyo'));
});

test('[customer] pays an open invoice with the default card and gets a receipt', async ({ customer }) => {
  const { page } = customer;
  const { stripe, url } = await emulatorStripe(page);
  const stripeCustomer = await customerOf(stripe, customer.email, customer.organizationId);
  await addDefaultCard(stripe, stripeCustomer.id);
  const invoice = await createInvoice(stripe, stripeCustomer.id, { lines: [{ description: 'Extra devices', amount: 4_400 }] });
  await flushWebhooks(page, url);

  await page.goto(`/orgs/${customer.organizationId}/invoices/${invoice.id}`);
  const pay = page.getByRole('button', { name: 'Pay ¥4,400 with Visa •••• 4242' });
  await pay.dblclick();
  await expect(page.getByText('Thank you. The invoice is paid.')).toBeVisible({ timeout: 20_000 });

  // One payment despite the double click.
  const payments = await stripe.paymentIntents.list({ customer: stripeCustomer.id, limit: 10 });
  expect(payments.data.filter((intent) => intent.status === 'succeeded')).toHaveLength(1);
  expect((await stripe.invoices.retrieve(invoice.id)).status).toBe('paid');

  await page.reload();
  await expect(page.getByText('Paid', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /Pay ¥/ })).toHaveCount(0);
  const receipt = page.getByRole('link', { name: 'Download receipt' });
  await expect(receipt).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), receipt.click()]);
  expect(download.suggestedFilename()).toBe(`receipt-${invoice.number}.pdf`);
  const text = pdfText((await download.path())!);
  expect(text).toContain(`RCPT-${invoice.number}`);
  expect(text).toContain('Extra devices');
  expect(text).toMatch(/Amount received\s+¥4,400/);
  expect(text).toMatch(/Payment method\s+Visa •••• 4242/);
  expect(text).toContain('Payment for: service charges');
  const response = await page.request.get(`/orgs/${customer.organizationId}/invoices/${invoice.id}/receipt`, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toBe(`attachment; filename="receipt-${invoice.number}.pdf"`);
});

test('[customer] pays an open invoice with a card that asks for 3-D Secure', async ({ customer }) => {
  const { page } = customer;
  const { stripe, url } = await emulatorStripe(page);
  const stripeCustomer = await customerOf(stripe, customer.email, customer.organizationId);
  await addDefaultCard(stripe, stripeCustomer.id, 'pm_card_authenticationRequired');
  const invoice = await createInvoice(stripe, stripeCustomer.id, { lines: [{ description: 'Annual audit', amount: 8_800 }] });
  await flushWebhooks(page, url);

  // Failing the challenge leaves the invoice open and says so.
  await page.goto(`/orgs/${customer.organizationId}/invoices/${invoice.id}`);
  await page.getByRole('button', { name: 'Pay ¥8,800 with Visa •••• 3184' }).click();
  await page.frameLocator('iframe[title="3D Secure authentication"]').getByRole('button', { name: 'Fail authentication' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /authenticat/i })).toBeVisible({ timeout: 20_000 });
  expect((await stripe.invoices.retrieve(invoice.id)).status).toBe('open');

  // Completing it pays the invoice.
  await page.reload();
  await page.getByRole('button', { name: 'Pay ¥8,800 with Visa •••• 3184' }).click();
  await page.frameLocator('iframe[title="3D Secure authentication"]').getByRole('button', { name: 'Complete authentication' }).click();
  await expect(page.getByText('Thank you. The invoice is paid.')).toBeVisible({ timeout: 20_000 });
  expect((await stripe.invoices.retrieve(invoice.id)).status).toBe('paid');
  await expect(page.getByText('Paid', { exact: true })).toBeVisible();
});

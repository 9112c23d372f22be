// Quotes end to end against the emulator: an operator builds a quote for a customer from the catalogue, checks the
// preview, finalizes and sends it; the customer opens the emailed link, downloads the PDF, accepts and pays with a
// card, and lands on the overview with the quoted plan; another organization's member cannot open the quote.
// (Refusals — expired, canceled, twice, another currency, quantity 0, roles — are in lib/quotes/quotes.int.test.ts.)
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { bringSubmitIntoView } from './checkout';
import { expect, signUpCustomer, test, waitForMail } from './fixtures';

async function fillQuoteCard(page: Page): Promise<void> {
  const card = page.frameLocator('iframe[title="Secure payment input frame"]');
  await card.getByLabel(/^(Card number|カード番号)$/).fill('4242 4242 4242 4242');
  await card.getByLabel(/^(Expiration date|有効期限)$/).fill('12 / 34');
  await card.getByLabel(/^(Security code|セキュリティコード)$/).fill('123');
  const postal = card.getByLabel(/^(ZIP|郵便番号)$/).filter({ visible: true });
  if ((await postal.count()) > 0) await postal.first().fill('10001');
  await bringSubmitIntoView(page, 'quote-accept-form');
}

test('[admin] builds, finalizes and sends a quote; [customer] opens the link, downloads the PDF, accepts and pays; another organization cannot open it', async ({
  operatorPage,
  customer,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const admin = operatorPage;
  await admin.goto('/admin/quotes');
  await admin.getByRole('link', { name: 'New quote' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'New quote' })).toBeVisible();
  const organization = admin.getByLabel('Customer', { exact: true });
  await organization.selectOption({ label: `${customer.organizationName} (JPY)` });
  const price = admin.getByLabel('Price 1');
  const team = await price.locator('option', { hasText: 'Team (monthly' }).first().getAttribute('value');
  await price.selectOption(team!);
  await admin.getByLabel('Quantity 1').fill('3');
  await admin.getByLabel('Footer text: terms (optional)').fill('Payment by card on acceptance.');
  await admin.getByRole('button', { name: 'Create draft and preview' }).click();
  await admin.waitForURL(/\/admin\/quotes\/qt_/);
  const quoteId = new URL(admin.url()).pathname.split('/').pop()!;

  // The draft is the preview: Stripe's total and tax, and what accepting bills now.
  await expect(admin.getByTestId('quote-status')).toHaveText('Draft');
  await expect(admin.getByTestId('quote-total')).toHaveText('¥3,600');
  await expect(admin.getByTestId('quote-totals')).toContainText('Incl. tax 10%');
  await expect(admin.getByTestId('quote-first-invoice')).toContainText('¥3,600');
  await admin.getByRole('button', { name: 'Finalize' }).click();
  await admin.getByRole('button', { name: 'Confirm' }).click();
  await expect(admin.getByTestId('quote-status')).toHaveText('Open');
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(/^QT-/);
  const since = Date.now();
  await admin.getByRole('button', { name: 'Send by email' }).click();
  await expect(admin.getByText(/is in the outbox/)).toBeVisible();

  // The customer gets the email with the link, and opens it signed in as the address it was sent to.
  const page = customer.page;
  const mail = await waitForMail(page, customer.email, since, { subject: 'Quote QT-' });
  const link = mail.links.find((l) => l.includes(`/quotes/${quoteId}`));
  expect(link, mail.text).toBeTruthy();
  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Quote QT-');
  await expect(page.getByTestId('quote-lines')).toContainText('Team');
  await expect(page.getByTestId('quote-total')).toHaveText('¥3,600');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the quote (PDF)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^quote-QT-.*\.pdf$/);
  expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');

  // Another organization's member gets the 404 of a quote that does not exist.
  const other = await signUpCustomer(browser, baseURL);
  const response = await other.page.goto(`/quotes/${quoteId}`);
  expect(response?.status()).toBe(404);
  await other.page.context().close();

  await fillQuoteCard(page);
  await page.getByRole('button', { name: 'Accept and pay ¥3,600' }).click();
  await page.waitForURL(new RegExp(`/orgs/${customer.organizationId}$`), { timeout: 30_000 });
  await expect(page.getByTestId('current-plan').getByText('Team', { exact: true })).toBeVisible();

  // The operator sees who viewed and accepted it.
  await admin.goto(`/admin/quotes/${quoteId}`);
  await expect(admin.getByTestId('quote-status')).toHaveText('Accepted');
  await expect(admin.getByTestId('quote-activity')).toContainText(customer.email);
});

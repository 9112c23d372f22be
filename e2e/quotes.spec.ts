// Quotes end to end against the emulator: an operator builds a quote for a customer from the catalogue, checks the
// preview, finalizes and sends it; the customer opens the emailed link, downloads the PDF, accepts and pays with a
// card, and lands on the overview with the quoted plan; another organization's member cannot open the quote.
// A bank-transfer quote accepted leads to its open first invoice with the bank details; an expired quote is refused.
// (The other refusals — canceled, twice, another currency, quantity 0, roles — are in lib/quotes/quotes.int.test.ts.)
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { bringSubmitIntoView } from './checkout';
import { expect, signUpCustomer, test, waitForMail, type SignedUpCustomer } from './fixtures';
import { emulatorStripe, flushWebhooks } from './portal-billing-stripe';

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
  // Whom it is from and to, as the PDF says; what accepting does with no card on file.
  await expect(page.getByTestId('quote-addressee')).toHaveText(customer.organizationName);
  await expect(page.getByTestId('quote-issuer')).toContainText('From');
  await expect(page.getByTestId('quote-accept-lead')).toHaveText('Accepting confirms this quote and charges ¥3,600 now: enter the card to pay with.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the quote (PDF)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^quote-QT-.*\.pdf$/);
  expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');

  // Another organization's member gets the 404 of a quote that does not exist.
  const other = await signUpCustomer(browser, baseURL);
  const response = await other.page.goto(`/quotes/${quoteId}`);
  expect(response?.status()).toBe(404);
  // It says which address is signed in and offers signing out, confirming nothing about the quote.
  await expect(other.page.getByTestId('quote-not-found')).toContainText(`You are signed in as ${other.email}`);
  await expect(other.page.getByTestId('quote-not-found').getByRole('button', { name: 'Sign out' })).toBeVisible();
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

/** The operator builds a one-line bank-transfer quote for the customer's organization and finalizes it; its id. */
async function openBankTransferQuote(admin: Page, customer: SignedUpCustomer): Promise<string> {
  await admin.goto('/admin/quotes/new');
  await admin.getByLabel('Customer', { exact: true }).selectOption({ label: `${customer.organizationName} (JPY)` });
  const price = admin.getByLabel('Price 1');
  await price.selectOption((await price.locator('option', { hasText: 'Team (monthly' }).first().getAttribute('value'))!);
  await admin.getByLabel('Bank transfer', { exact: true }).check();
  await admin.getByLabel('Days until due').fill('14');
  await admin.getByRole('button', { name: 'Create draft and preview' }).click();
  await admin.waitForURL(/\/admin\/quotes\/qt_/);
  await admin.getByRole('button', { name: 'Finalize' }).click();
  await admin.getByRole('button', { name: 'Confirm' }).click();
  await expect(admin.getByTestId('quote-status')).toHaveText('Open');
  return new URL(admin.url()).pathname.split('/').pop()!;
}

async function setBankTransferFooter(admin: Page, footer: string): Promise<void> {
  await admin.goto('/admin/settings/branding');
  const form = admin.getByTestId('branding-settings-form');
  await form.getByLabel('Footer for bank-transfer invoices').fill(footer);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
}

test('[customer] an expired quote is refused; a bank-transfer quote accepted opens its invoice with the bank details', async ({ operatorPage: admin, customer }) => {
  test.setTimeout(180_000);
  const bankDetails = 'Mizuho Bank, Shibuya branch (123), ordinary 7654321, Seikyu KK';
  await setBankTransferFooter(admin, bankDetails);
  try {
    const expiring = await openBankTransferQuote(admin, customer);
    const quoteId = await openBankTransferQuote(admin, customer);
    const page = customer.page;

    // The customer has the quote open when it expires (Stripe cancels it at expires_at): accepting is refused.
    await page.goto(`/quotes/${expiring}`);
    const accept = page.getByRole('button', { name: 'Accept the quote' });
    await expect(accept).toBeVisible();
    const { stripe, url } = await emulatorStripe(page);
    await stripe.quotes.update(expiring, { expires_at: Math.floor(Date.now() / 1000) + 2 });
    await expect.poll(async () => (await stripe.quotes.retrieve(expiring)).status, { timeout: 15_000 }).toBe('canceled');
    await flushWebhooks(page, url);
    await accept.click();
    // Refused; the page then shows what the quote is now, with no button to be refused again.
    const expiredText = /^This quote expired on .+ and can no longer be accepted\. Please ask .+ for a new one\.$/;
    await expect(page.getByRole('button', { name: 'Accept the quote' })).toHaveCount(0);
    await expect(page.getByTestId('quote-accept-section').getByRole('alert')).toHaveText(expiredText);
    await page.reload();
    await expect(page.getByTestId('quote-accept-section').getByRole('alert')).toHaveText(expiredText);
    await expect(page.getByRole('button', { name: 'Accept the quote' })).toHaveCount(0);
    expect((await stripe.quotes.retrieve(expiring)).status).toBe('canceled');

    // A bank-transfer quote: accepting issues the first invoice, open, with where to pay.
    await page.goto(`/quotes/${quoteId}`);
    await expect(page.getByText('Accepting issues the first invoice, to be paid by bank transfer by its due date.')).toBeVisible();
    await page.getByRole('button', { name: 'Accept the quote' }).click();
    await page.waitForURL(new RegExp(`/orgs/${customer.organizationId}/invoices/in_`), { timeout: 30_000 });
    const bank = page.getByTestId('bank-transfer');
    await expect(bank.getByRole('heading', { name: 'Pay by bank transfer' })).toBeVisible();
    await expect(bank).toContainText('¥1,200');
    await expect(bank).toContainText(bankDetails);
  } finally {
    await setBankTransferFooter(admin, '');
  }
});

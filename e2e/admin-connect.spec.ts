// Stripe Connect, the remote-diagnosis split (reference business 3): an operator adds two doctors and a split
// rule (¥1,000 each of a ¥3,000 diagnosis); one doctor onboards from their own payee page, the other from the
// operator's link, both on the emulator's hosted onboarding page (their Accounts v2 thin events reach the
// event ledger); a facility's ¥3,000 diagnosis invoice is
// charged to its saved card and ¥1,000 reaches each doctor while ¥1,000 stays; replaying invoice.paid pays
// nobody twice; refunding the invoice reverses both transfers.
import type { Page } from '@playwright/test';
import type Stripe from 'stripe';
import { expect, signInByMagicLink, test, uniqueEmail } from './fixtures';
import { addDefaultCard, customerOf, emulatorStripe, flushWebhooks } from './portal-billing-stripe';

/** The connected account's balance (available + pending) in yen, as Stripe holds it for that account. */
async function accountYen(stripe: Stripe, accountId: string): Promise<number> {
  const balance = await stripe.balance.retrieve({}, { stripeAccount: accountId });
  return [...balance.available, ...balance.pending].filter((b) => b.currency === 'jpy').reduce((sum, b) => sum + b.amount, 0);
}

/** Accepts the terms on the emulator's hosted onboarding page (the name comes prefilled from the account). */
async function completeStandInOnboarding(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: /Set up payouts/ })).toBeVisible();
  await page.getByLabel('Individual / 個人').check();
  await page.getByLabel('What you do / 業務内容').fill('Remote radiology reading');
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: /Agree and submit/ }).click();
}

test('[admin] splits a ¥3,000 diagnosis between two doctors; a replay pays nobody twice; a refund reverses both', async ({ browser, baseURL, customer, operatorPage: page }) => {
  test.setTimeout(150_000);
  const { stripe, url: emulatorUrl } = await emulatorStripe(customer.page);
  const facility = await customerOf(stripe, customer.email, customer.organizationId);
  await addDefaultCard(stripe, facility.id);
  const sato = { name: 'Dr. Sato Hanako', email: uniqueEmail('doctor-sato') };
  const suzuki = { name: 'Dr. Suzuki Ichiro', email: uniqueEmail('doctor-suzuki') };

  // Two doctors, each a connected account still onboarding.
  await page.goto('/admin/payees');
  const addForm = page.getByTestId('add-payee-form');
  // A malformed address is refused beside its field, and what was typed stays to be corrected.
  await addForm.getByLabel('Name').fill(sato.name);
  await addForm.getByLabel('Email').fill('not-an-email');
  await addForm.getByRole('button', { name: 'Add payee' }).click();
  await expect(addForm.getByText('This is not a valid email address (for example, name@example.co.jp).')).toBeVisible();
  await expect(addForm.getByLabel('Email')).toHaveValue('not-an-email');
  await expect(addForm.getByLabel('Name')).toHaveValue(sato.name);
  for (const [doctor, role] of [
    [sato, 'Reading doctor'],
    [suzuki, 'Second reader'],
  ] as const) {
    await addForm.getByLabel('Name').fill(doctor.name);
    await addForm.getByLabel('Email').fill(doctor.email);
    await addForm.getByLabel('Role').selectOption({ label: role });
    await addForm.getByRole('button', { name: 'Add payee' }).click();
    await expect(addForm.getByRole('status')).toContainText(`${doctor.name} was added.`);
    await expect(page.getByTestId(`payee-${doctor.email}`).getByTestId('payee-status')).toHaveText('Onboarding');
  }
  // On a phone the payees (with what Stripe still needs) scroll in their own box; the page never sideways.
  await page.setViewportSize({ width: 390, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'payees page width at 390px').toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The split rule: more than the price is refused, then ¥1,000 to each doctor.
  const rule = page.getByTestId('split-rules').getByRole('listitem').filter({ hasText: 'Remote diagnosis' });
  await rule.getByLabel('Amount for the Reading doctor').fill('2000');
  await rule.getByLabel('Amount for the Second reader').fill('1500');
  await rule.getByRole('button', { name: 'Save rule' }).click();
  await expect(rule.getByRole('alert')).toHaveText('This rule pays out ¥3,500, more than the price of ¥3,000. Lower the shares so the platform keeps zero or more.');
  await expect(rule.getByLabel('Amount for the Reading doctor')).toHaveValue('2000');
  await expect(rule.getByLabel('Amount for the Second reader')).toHaveValue('1500');
  await rule.getByLabel('Amount for the Reading doctor').fill('1,000');
  await rule.getByLabel('Amount for the Second reader').fill('1000');
  await rule.getByRole('button', { name: 'Save rule' }).click();
  await expect(rule.getByRole('status')).toHaveText('Rule saved.');
  await expect(rule.getByText('Platform keeps ¥1,000 of ¥3,000.')).toBeVisible();

  // Dr. Sato signs in, sees only their own page, and onboards from it.
  const satoContext = await browser.newContext({ baseURL });
  const satoPage = await satoContext.newPage();
  await signInByMagicLink(satoPage, sato.email, { callbackPath: '/payee' });
  await expect(satoPage.getByTestId('payee-account')).toContainText('Onboarding');
  await expect(satoPage.getByTestId('payee-account')).toContainText(sato.name);
  await satoPage.getByRole('link', { name: 'Continue onboarding with Stripe' }).click();
  await completeStandInOnboarding(satoPage);
  await expect(satoPage).toHaveURL(/\/payee$/);
  await expect(satoPage.getByTestId('payee-account')).toContainText('Enabled for transfers');
  expect((await satoPage.request.get(`/admin/payees`)).status()).toBe(404);

  // Dr. Suzuki onboards through the operator's link.
  await page.reload();
  await page.getByTestId(`payee-${suzuki.email}`).getByRole('link', { name: 'Open onboarding link' }).click();
  await completeStandInOnboarding(page);
  await expect(page).toHaveURL(/\/admin\/payees$/);
  for (const doctor of [sato, suzuki]) await expect(page.getByTestId(`payee-${doctor.email}`).getByTestId('payee-status')).toHaveText('Enabled for transfers');
  const accounts = (await stripe.accounts.list({ limit: 100 })).data;
  const accountOf = (email: string) => accounts.find((a) => a.email === email)!.id;

  // The doctors' accounts are Accounts v2 recipients: Stripe's thin events about their onboarding reach the thin
  // route and are processed in the same event ledger operators replay from.
  await flushWebhooks(customer.page, emulatorUrl);
  const thinEvent = page
    .getByTestId('admin-event')
    .filter({ hasText: 'v2.core.account[configuration.recipient].capability_status_updated' })
    .filter({ hasText: accountOf(suzuki.email) });
  await expect(async () => {
    await page.goto('/admin/events?status=processed');
    await expect(thinEvent).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // The facility's diagnosis, charged to its saved card.
  await page.getByRole('navigation').getByRole('link', { name: 'Transfers' }).click();
  const saleForm = page.getByTestId('record-sale-form');
  await saleForm.getByLabel('Customer', { exact: true }).selectOption({ label: customer.organizationName });
  await saleForm.getByLabel('Service', { exact: true }).selectOption({ label: 'Remote diagnosis · ¥3,000' });
  await saleForm.getByLabel('Reading doctor', { exact: true }).selectOption({ label: `${sato.name} (Reading doctor, JPY)` });
  await saleForm.getByLabel('Second reader', { exact: true }).selectOption({ label: `${suzuki.name} (Second reader, JPY)` });
  await saleForm.getByRole('button', { name: 'Record sale' }).click();
  await expect(saleForm.getByRole('status')).toContainText(/Sale recorded; invoice in_\w+ is Paid\./);
  const invoiceId = /invoice (in_\w+)/.exec((await saleForm.getByRole('status').textContent())!)![1]!;
  const sale = page.getByTestId(`sale-${invoiceId}`);
  await expect(sale.getByTestId('sale-amount')).toHaveText('¥3,000');
  for (const doctor of [sato, suzuki]) {
    await expect(sale.getByTestId(`transfer-${doctor.email}`)).toContainText('¥1,000');
    await expect(sale.getByTestId(`transfer-${doctor.email}`)).toContainText('Sent');
  }
  await expect(sale.getByTestId('platform-amount')).toHaveText('¥1,000');
  expect(await accountYen(stripe, accountOf(sato.email))).toBe(1000);
  expect(await accountYen(stripe, accountOf(suzuki.email))).toBe(1000);

  // invoice.paid replayed by an operator: still one transfer per doctor.
  await flushWebhooks(customer.page, emulatorUrl);
  await page.goto('/admin/events?status=processed');
  const paidEvent = page.getByTestId('admin-event').filter({ hasText: 'invoice.paid' }).filter({ hasText: invoiceId });
  await paidEvent.getByRole('button', { name: 'Replay' }).click();
  await expect(paidEvent.getByText('Replayed: processed.')).toBeVisible();
  for (const doctor of [sato, suzuki]) {
    expect((await stripe.transfers.list({ destination: accountOf(doctor.email) })).data.map((t) => t.amount)).toEqual([1000]);
  }

  // Dr. Sato sees the transfer on their page, and nobody else's.
  await satoPage.reload();
  const received = satoPage.getByTestId('payee-transfers');
  await expect(received.getByRole('row')).toHaveCount(2);
  await expect(received).toContainText('Remote diagnosis');
  await expect(received).toContainText('¥1,000');

  // The invoice refunded to the card: both transfers reversed, nothing stays with the platform.
  await page.goto(`/admin/invoices/${invoiceId}`);
  const creditForm = page.getByTestId('credit-note-form');
  await creditForm.getByLabel('Amount to credit (JPY)').fill('3000');
  // The sale was taxed at 10 % included: the credit is too, so its document states the tax returned.
  await expect(creditForm.getByText('Including 10% consumption tax, as on the invoice.')).toBeVisible();
  await creditForm.getByLabel('Reason').selectOption('product_unsatisfactory');
  await creditForm.getByLabel('Settlement').selectOption('refund_to_card');
  await creditForm.getByRole('button', { name: 'Preview' }).click();
  await expect(creditForm.getByTestId('credit-note-preview')).toContainText('Incl. consumption tax 10%: ¥273');
  await creditForm.getByTestId('credit-note-preview').getByRole('button', { name: 'Issue credit note' }).click();
  await expect(creditForm.getByRole('status')).toContainText('issued');
  await flushWebhooks(customer.page, emulatorUrl);
  await expect
    .poll(async () => [await accountYen(stripe, accountOf(sato.email)), await accountYen(stripe, accountOf(suzuki.email))], { timeout: 20_000 })
    .toEqual([0, 0]);
  await page.goto('/admin/transfers');
  for (const doctor of [sato, suzuki]) {
    await expect(sale.getByTestId(`transfer-${doctor.email}`)).toContainText('Reversed');
    await expect(sale.getByTestId(`transfer-${doctor.email}`).getByTestId('transfer-reversed')).toHaveText('¥1,000');
  }
  await expect(sale.getByTestId('platform-amount')).toHaveText('¥0');
  await satoContext.close();
});

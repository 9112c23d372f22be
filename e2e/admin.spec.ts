import { expect, test } from './fixtures';
import { addDefaultCard, createInvoice, customerOf, emulatorStripe, flushWebhooks } from './portal-billing-stripe';

test('[admin] operator sees the customer list', async ({ customer, operatorPage: page }) => {
  await expect(page).toHaveURL(/\/admin\/customers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();

  // Newest first: the customer who just signed up is on the first page.
  const table = page.getByTestId('customers-table');
  const row = table.getByRole('row', { name: new RegExp(customer.organizationName) });
  await expect(row).toBeVisible();
  await expect(row).toContainText(customer.email);
  await expect(row).toContainText(/jpy/i);

  // Search narrows the list to that customer.
  await page.getByLabel('Search by name, email, plan or id').fill(customer.organizationName);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(table.getByRole('row')).toHaveCount(2); // header + the one customer
  await expect(page.getByText('1 customer', { exact: true })).toBeVisible();

  // The detail page shows who the customer is and what happened.
  await row.getByRole('link', { name: customer.organizationName }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/customers/${customer.organizationId}$`));
  await expect(page.getByRole('heading', { level: 1, name: customer.organizationName })).toBeVisible();
  await expect(page.getByText(customer.email).first()).toBeVisible();
  // The activity says who did what in words, not `organization.created` by `user:1a2b3c4d`.
  const activity = page.getByTestId('admin-activity');
  await expect(activity.getByRole('listitem').filter({ hasText: 'Organization created' })).toContainText(customer.email);
  await expect(activity).not.toContainText('organization.created');
  await expect(activity).not.toContainText(/user:[0-9a-f]{4}/);
});

test('[admin] a search that matches nobody says so', async ({ operatorPage: page }) => {
  await page.goto('/admin/customers?q=no-such-customer-zzz');
  await expect(page.getByText('No customers match these filters.')).toBeVisible();
});

test('[admin] operator reads a bank-transfer customer: plan, price and quantity, open invoices, the invoice view, a declined payment in words', async ({
  customer,
  operatorPage: page,
}) => {
  const { stripe, url } = await emulatorStripe(customer.page);
  const stripeCustomer = await customerOf(stripe, customer.email, customer.organizationId);
  const [team] = (await stripe.prices.list({ lookup_keys: ['seikyu_team_monthly'], limit: 1 })).data;
  const subscription = await stripe.subscriptions.create({
    customer: stripeCustomer.id,
    items: [{ price: team!.id, quantity: 3 }],
    collection_method: 'send_invoice',
    days_until_due: 14,
  });
  const bankInvoice = await createInvoice(stripe, stripeCustomer.id, { lines: [{ description: 'Onboarding workshop', amount: 8_000 }], sendInvoice: { dueDate: Math.floor(new Date().setUTCHours(16, 0, 0, 0) / 1000) + 30 * 86_400 } });
  // A card payment that fails: Stripe tells the portal the decline reason, which the operator must see.
  await addDefaultCard(stripe, stripeCustomer.id, 'pm_card_chargeCustomerFail');
  const declined = await createInvoice(stripe, stripeCustomer.id, { lines: [{ description: 'Support hours', amount: 3_000 }] });
  await expect(stripe.invoices.pay(declined.id)).rejects.toThrow(/declined/);
  await flushWebhooks(customer.page, url);

  await page.goto(`/admin/customers/${customer.organizationId}`);
  await expect(page.getByTestId('bank-transfer-badge')).toHaveText('Bank transfer');
  await expect(page.getByTestId('customer-collection')).toContainText('Pays by bank transfer');

  // The subscription reads as a plan with its price and quantity, not a bare sub_….
  const teamPlan = page.getByTestId('admin-subscription').filter({ hasText: subscription.id });
  await expect(teamPlan).toContainText('Team');
  await expect(teamPlan).toContainText('× 3');
  await expect(teamPlan).toContainText('¥1,200 / month');
  await expect(teamPlan).toContainText('Bank transfer');

  // Open invoices show their due date and what remains; the number opens the operator's invoice view.
  const invoices = page.getByTestId('admin-invoices');
  const bankRow = invoices.getByRole('row').filter({ hasText: bankInvoice.number! });
  // One customer's page: dates in the customer's time zone (shown at the top), not the operator's language's.
  await expect(page.getByTestId('customer-time-zone')).toContainText('Asia/Tokyo');
  // Due at 16:00 UTC, already the next day in Tokyo: the two zones disagree whatever the hour the test runs.
  const dueDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'Asia/Tokyo' }).format(new Date(bankInvoice.due_date! * 1000));
  await expect(bankRow).toContainText('Bank transfer');
  await expect(bankRow.getByRole('cell').nth(4)).toHaveText(dueDate);
  await expect(bankRow.getByRole('cell').nth(5)).toHaveText('¥8,000');

  const activity = page.getByTestId('admin-activity');
  const failure = activity.getByRole('listitem').filter({ hasText: 'Payment failed' });
  // The app processes the delivered invoice.payment_failed in the background (it also queues the emails): the
  // entry appears once that is done, so look again until it has.
  await expect(async () => {
    await page.reload();
    await expect(failure).toContainText('Stripe', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(failure).toContainText(`Invoice ${declined.number}`);
  // In the operator's language (the emails' words for the decline code), with the code; not Stripe's English message.
  await expect(failure).toContainText('Declined: The card was declined by the card issuer. (generic_decline)');

  await invoices.getByRole('link', { name: `Open invoice ${declined.number}` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/invoices/${declined.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${declined.number}` })).toBeVisible();
  await expect(page.getByTestId('admin-invoice-lines')).toContainText('Support hours');
  await expect(page.getByTestId('admin-invoice-summary')).toContainText('Open');
  await expect(page.getByTestId('admin-invoice-remaining')).toHaveText('¥3,000');
  const pdf = await page.request.get(`/admin/invoices/${declined.id}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  // The view links back to the customer.
  await page.getByRole('link', { name: `← ${customer.organizationName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/customers/${customer.organizationId}$`));
});

test('[admin] the customer list says what is wrong instead of showing 0 or everyone, and keeps plan and status readable on a phone', async ({
  customer,
  operatorPage: page,
}) => {
  await page.goto('/admin/customers?page=9999');
  await expect(page.getByTestId('page-out-of-range')).toContainText('There is no page 9999');
  await expect(page.locator('#customers-count')).not.toHaveText('No customers');
  await expect(page.getByTestId('customers-table').getByRole('row')).not.toHaveCount(0);

  await page.goto(`/admin/customers?q=${'x'.repeat(201)}`);
  await expect(page.getByTestId('filter-problems')).toContainText('The search is longer than 200 characters');
  await expect(page.getByTestId('customers-table')).toHaveCount(0);

  await page.goto('/admin/customers?status=bogus&currency=eur&from=yesterday');
  const problems = page.getByTestId('filter-problems');
  await expect(problems).toContainText('Unknown status “bogus”');
  await expect(problems).toContainText('Unknown currency “eur”');
  await expect(problems).toContainText('“yesterday” is not a date');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/admin/customers?q=${encodeURIComponent(customer.organizationName)}`);
  const row = page.getByTestId('customers-table').getByRole('row', { name: new RegExp(customer.organizationName) });
  for (const cell of [row.getByTestId('customer-plan'), row.getByTestId('customer-status')]) {
    await expect(cell).toBeVisible();
    const box = (await cell.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  await expect(row.getByTestId('customer-plan')).toHaveText('Free');
});

test('[admin] an unknown customer or invoice is a 404 inside the admin layout', async ({ operatorPage: page }) => {
  for (const path of ['/admin/customers/does-not-exist', '/admin/invoices/in_unknown']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByTestId('admin-not-found')).toBeVisible();
    await expect(page).toHaveTitle(/^Page not found/);
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Customers' })).toBeVisible();
  }
  expect((await page.request.get('/admin/invoices/in_unknown/pdf')).status()).toBe(404);
});

test('[admin] sets the notification moments and recipients, previews a template and opens the outbox', async ({ operatorPage: page }) => {
  await page.getByRole('link', { name: 'Notification settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notification settings' })).toBeVisible();
  const form = page.getByTestId('notification-settings-form');
  await form.getByLabel('Renewal coming up').uncheck();
  await form.getByLabel('Days before a renewal').fill('10');
  await form.getByLabel('Operator recipients').fill('billing-desk@e2e.seikyu.test\nsupport@e2e.seikyu.test');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Settings saved.');
  await page.reload();
  await expect(form.getByLabel('Renewal coming up')).not.toBeChecked();
  await expect(form.getByLabel('Days before a renewal')).toHaveValue('10');
  await expect(form.getByLabel('Operator recipients')).toHaveValue('billing-desk@e2e.seikyu.test\nsupport@e2e.seikyu.test');
  // Put them back for the other tests (the alert goes to the deployment's operator by default).
  await form.getByLabel('Renewal coming up').check();
  await form.getByLabel('Operator recipients').fill('');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Settings saved.');

  // A template preview in Japanese, with sample facts.
  const preview = await page.request.get('/admin/notifications/preview?kind=payment_failed&locale=ja');
  expect(preview.status()).toBe(200);
  expect(await preview.text()).toContain('カードの利用可能額が不足しています。');

  await page.getByRole('link', { name: 'Notifications', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await page.getByRole('link', { name: 'Failed', exact: true }).click();
  await expect(page).toHaveURL(/status=failed/);
});

test('[admin] sets the qualified-invoice registration number and footers for documents; a malformed number is refused', async ({ operatorPage: page }) => {
  await page.getByRole('link', { name: 'Documents and branding' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents and branding' })).toBeVisible();
  const form = page.getByTestId('branding-settings-form');
  await form.getByLabel('Registration number').fill('1234567890123');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Enter the registration number as T followed by 13 digits (e.g. T7123456789012).')).toBeVisible();
  await page.reload();
  await expect(form.getByLabel('Registration number')).toHaveValue('');

  // Typed as copied from a Japanese document (full-width, grouped): saved in its half-width form.
  await form.getByLabel('Registration number').fill('Ｔ７１２３－４５６７－８９０１２');
  await form.getByLabel('Invoice footer').fill('Thank you for your business.');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(form.getByLabel('Registration number')).toHaveValue('T7123456789012');
  await expect(form.getByLabel('Invoice footer')).toHaveValue('Thank you for your business.');
  // Put them back for the other tests.
  await form.getByLabel('Registration number').fill('');
  await form.getByLabel('Invoice footer').fill('');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
});

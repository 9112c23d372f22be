import { expect, test } from './fixtures';

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
  await expect(page.getByText('organization.created')).toBeVisible();
});

test('[admin] a search that matches nobody says so', async ({ operatorPage: page }) => {
  await page.goto('/admin/customers?q=no-such-customer-zzz');
  await expect(page.getByText('No customers match these filters.')).toBeVisible();
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
  await page.getByRole('link', { name: 'Failed' }).click();
  await expect(page).toHaveURL(/status=failed/);
});

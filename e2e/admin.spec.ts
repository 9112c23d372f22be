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

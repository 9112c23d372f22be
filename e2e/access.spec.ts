import { expect, signUpCustomer, test } from './fixtures';

test('[customer] cannot open admin pages', async ({ customer }) => {
  const { page } = customer;
  for (const path of ['/admin', '/admin/customers', `/admin/customers/${customer.organizationId}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    // The tab says so too: not the title of the page they may not see.
    await expect(page).toHaveTitle(/^Page not found/);
    await expect(page.getByTestId('customers-table')).toHaveCount(0);
  }
  // The operator's invoice view and its PDF route check the operator themselves, not only the layout.
  for (const path of ['/admin/invoices/in_unknown', '/admin/invoices/in_unknown/pdf']) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  await page.goto('/admin/invoices/in_unknown');
  await expect(page.getByTestId('admin-not-found')).toHaveCount(0);
});

test("[customer] cannot open another organization's overview", async ({ customer, browser, baseURL }) => {
  const other = await signUpCustomer(browser, baseURL);
  try {
    const response = await customer.page.goto(`/orgs/${other.organizationId}`);
    expect(response?.status()).toBe(404);
    await expect(customer.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(customer.page).toHaveTitle(/^Page not found/);
    await customer.page.goto(`/orgs/${other.organizationId}/invoices`);
    await expect(customer.page).toHaveTitle(/^Page not found/);
    await expect(customer.page.getByText(other.organizationName)).toHaveCount(0);

    // An id that does not exist at all looks exactly the same.
    const missing = await customer.page.goto('/orgs/00000000-0000-0000-0000-000000000000');
    expect(missing?.status()).toBe(404);

    // Their own organization still opens.
    const own = await customer.page.goto(`/orgs/${customer.organizationId}`);
    expect(own?.status()).toBe(200);
    await expect(customer.page.getByTestId('org-name')).toHaveText(customer.organizationName);
  } finally {
    await other.page.context().close();
  }
});

test('[visitor] signed-out visitors are sent to sign-in, not shown portal or admin pages', async ({ page }) => {
  await page.goto('/app');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/admin/customers');
  await expect(page).toHaveURL(/\/sign-in/);
});

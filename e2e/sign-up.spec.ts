import { createOrganization, expect, signInByMagicLink, test, uniqueEmail, uniqueOrganizationName } from './fixtures';

test('[customer] signs up by magic link, lands on the overview, signs out', async ({ page, baseURL }) => {
  const email = uniqueEmail('signup');
  const organizationName = uniqueOrganizationName();

  const link = await signInByMagicLink(page, email);
  // The emailed link points at the portal itself (APP_URL), not at whatever Host the request carried.
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin);

  // A blank name is refused with a message next to the field, and nothing is created.
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByText("Enter your organization's name.")).toBeVisible();
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.goto('/app');
  await expect(page).toHaveURL(/\/onboarding$/);

  const organizationId = await createOrganization(page, organizationName, 'USD');
  await expect(page).toHaveURL(new RegExp(`/orgs/${organizationId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByTestId('org-name')).toHaveText(organizationName);
  await expect(page.getByTestId('user-email')).toHaveText(email);
  // Signing up put the organization on the free tier, with no card, and the overview shows it from the mirror.
  const plan = page.getByTestId('current-plan');
  await expect(plan.getByRole('heading', { name: 'Current plan' })).toBeVisible();
  await expect(plan.getByText('Free', { exact: true }).first()).toBeVisible();
  await expect(plan.getByText('Active', { exact: true })).toBeVisible();
  await expect(plan.getByText('You are on the free plan. No card is needed until you choose a paid plan.')).toBeVisible();
  // The free plan is never charged: no next invoice date, and the overview says why.
  await expect(page.getByTestId('next-invoice')).toContainText('No upcoming invoice');
  await expect(page.getByTestId('next-invoice')).toContainText('The free plan is never charged.');
  await expect(page.getByText('No invoices yet')).toBeVisible();

  // A second visit to /app goes straight to the organization, not through onboarding again.
  await page.goto('/app');
  await expect(page).toHaveURL(new RegExp(`/orgs/${organizationId}$`));

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/orgs/${organizationId}`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('[customer] a used magic link does not sign in twice', async ({ page, browser, baseURL }) => {
  const email = uniqueEmail('replay');
  const link = await signInByMagicLink(page, email);
  await expect(page).toHaveURL(/\/onboarding$/);

  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await expect(otherPage).toHaveURL(/\/sign-in\?error=Verification/);
  await expect(otherPage.getByText('This sign-in link has expired or was already used')).toBeVisible();
  await other.close();
});

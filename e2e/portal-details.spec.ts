import { expect, test } from './fixtures';
import { customerOf, emulatorStripe } from './portal-billing-stripe';

test('[customer] saves billing details to Stripe, and a bad postal code changes nothing', async ({ customer }) => {
  const { page } = customer;
  const { stripe } = await emulatorStripe(page);
  const stripeCustomer = await customerOf(stripe, customer.email, customer.organizationId);

  await page.goto(`/orgs/${customer.organizationId}/billing-details`);
  await expect(page.getByRole('heading', { level: 1, name: 'Billing details' })).toBeVisible();
  const form = page.getByTestId('billing-details-form');
  await form.getByLabel('Company name').fill('Kobe Scheduling KK');
  await form.getByLabel('Billing email').fill('accounts@kobe.example');
  await form.getByLabel('Country').selectOption('JP');
  await form.getByLabel('Postal code').fill('65000');
  await form.getByLabel('Prefecture or state').fill('Hyogo');
  await form.getByLabel('City').fill('Kobe');
  await form.getByLabel('Street address').fill('1-2-3 Sannomiya');
  await form.getByLabel('Tax ID type').selectOption('jp_trn');
  await form.getByLabel('Tax ID number').fill('T1234567890123');
  await form.getByLabel('Japanese').check();
  await form.getByRole('button', { name: 'Save billing details' }).click();

  await expect(form.getByText('Enter a valid postal code (for example 650-0021 in Japan, 94107 in the US).')).toBeVisible();
  await expect(form.getByLabel('Postal code')).toHaveAttribute('aria-invalid', 'true');
  // What was typed stays; Stripe was not touched.
  await expect(form.getByLabel('Company name')).toHaveValue('Kobe Scheduling KK');
  const untouched = await stripe.customers.retrieve(stripeCustomer.id);
  expect(untouched.deleted).toBeFalsy();
  expect((untouched as typeof stripeCustomer).address).toBeNull();

  await form.getByLabel('Postal code').fill('650-0021');
  await form.getByRole('button', { name: 'Save billing details' }).click();
  await expect(form.getByText('Billing details saved.')).toBeVisible();

  const saved = (await stripe.customers.retrieve(stripeCustomer.id)) as typeof stripeCustomer;
  expect(saved.name).toBe('Kobe Scheduling KK');
  expect(saved.email).toBe('accounts@kobe.example');
  expect(saved.address).toMatchObject({ country: 'JP', postal_code: '650-0021', state: 'Hyogo', city: 'Kobe', line1: '1-2-3 Sannomiya' });
  expect(saved.preferred_locales).toEqual(['ja']);
  const taxIds = await stripe.customers.listTaxIds(stripeCustomer.id);
  expect(taxIds.data.map((t) => [t.type, t.value])).toEqual([['jp_trn', 'T1234567890123']]);

  // The page renders the mirror, which the action synced before answering.
  await page.reload();
  await expect(form.getByLabel('Company name')).toHaveValue('Kobe Scheduling KK');
  await expect(form.getByLabel('Postal code')).toHaveValue('650-0021');
  await expect(form.getByLabel('Tax ID number')).toHaveValue('T1234567890123');
  await expect(form.getByLabel('Japanese')).toBeChecked();

  await page.goto(`/orgs/${customer.organizationId}/activity`);
  const row = page.getByTestId('activity-table').getByRole('row', { name: /Billing details updated/ });
  await expect(row).toContainText(customer.email);
  // Changed fields in words (the same formatter as the operators' view), never the raw field codes.
  await expect(row).toContainText('tax id');
  await expect(row).not.toContainText('tax_id');
});

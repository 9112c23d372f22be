// Cards with the Payment Element against the emulator's Stripe.js stand-in: add (with 3-D Secure), decline,
// make default, remove, and the last card of a paid plan stays.
import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { bringSubmitIntoView } from './checkout';
import { customerOf, emulatorStripe, flushWebhooks } from './portal-billing-stripe';

function cardFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Secure payment input frame"]');
}

async function addCard(page: Page, number: string): Promise<void> {
  await page.getByRole('button', { name: 'Add a card' }).click();
  const card = cardFrame(page);
  await card.getByLabel('Card number').fill(number);
  await card.getByLabel('Expiration date').fill('12 / 34');
  await card.getByLabel('Security code').fill('123');
  await card.getByLabel('ZIP').fill('10001');
  // Enter on the focused button: the Element's frame may still be resizing, so a click by position could land in it.
  await page.getByRole('button', { name: 'Save card' }).press('Enter');
}

test('[customer] adds and removes a card', async ({ customer }) => {
  test.setTimeout(120_000);
  const { page, organizationId } = customer;
  const { stripe, url } = await emulatorStripe(page);
  const stripeCustomer = await customerOf(stripe, customer.email, organizationId);
  await page.goto(`/orgs/${organizationId}/payment-methods`);
  await expect(page.getByRole('heading', { level: 1, name: 'Payment methods' })).toBeVisible();
  await expect(page.getByText('No cards yet')).toBeVisible();

  // The first card becomes the default.
  await addCard(page, '4242 4242 4242 4242');
  await expect(page.getByText('Card added.')).toBeVisible({ timeout: 20_000 });
  const cards = page.getByTestId('cards-list');
  const visa = cards.getByRole('listitem').filter({ hasText: 'Visa •••• 4242' });
  await expect(visa).toContainText('Default');
  await expect(visa).toContainText('Expires 12/34');

  // A declined card is not saved, and says why.
  await addCard(page, '4000 0000 0000 0002');
  await expect(page.getByRole('alert').filter({ hasText: 'Your card was declined.' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();

  // A card that asks for 3-D Secure is saved once authenticated.
  await addCard(page, '4000 0025 0000 3155');
  await page.frameLocator('iframe[title="3D Secure authentication"]').getByRole('button', { name: 'Complete authentication' }).click();
  await expect(page.getByText('Card added.')).toBeVisible({ timeout: 20_000 });
  const secure = cards.getByRole('listitem').filter({ hasText: 'Visa •••• 3155' });
  await expect(secure).toBeVisible();
  await expect(secure).not.toContainText('Default');
  expect((await stripe.paymentMethods.list({ customer: stripeCustomer.id })).data).toHaveLength(2);

  await secure.getByRole('button', { name: 'Make Visa •••• 3155 the default' }).click();
  await expect(secure).toContainText('Default');
  await expect(visa).not.toContainText('Default');
  const updated = await stripe.customers.retrieve(stripeCustomer.id);
  expect(!updated.deleted && updated.invoice_settings.default_payment_method).toBe((await stripe.paymentMethods.list({ customer: stripeCustomer.id })).data.find((pm) => pm.card?.last4 === '3155')!.id);

  // Removing asks first; keeping the card changes nothing.
  await visa.getByRole('button', { name: 'Remove Visa •••• 4242' }).click();
  await expect(visa.getByRole('group', { name: 'Remove this card? It will no longer be charged.' })).toBeVisible();
  await visa.getByRole('button', { name: 'Keep the card' }).click();
  await expect(visa.getByRole('button', { name: 'Remove Visa •••• 4242' })).toBeVisible();
  expect((await stripe.paymentMethods.list({ customer: stripeCustomer.id })).data).toHaveLength(2);
  await visa.getByRole('button', { name: 'Remove Visa •••• 4242' }).click();
  await visa.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(cards.getByRole('listitem').filter({ hasText: 'Visa •••• 4242' })).toHaveCount(0);
  expect((await stripe.paymentMethods.list({ customer: stripeCustomer.id })).data.map((pm) => pm.card?.last4)).toEqual(['3155']);

  // On a paid plan the last card stays. A trial, because charging the 3-D Secure card off-session would leave
  // the subscription `incomplete`, which is a checkout in progress rather than a plan.
  const [starter] = (await stripe.prices.list({ lookup_keys: ['seikyu_starter_monthly'] })).data;
  const plan = await stripe.subscriptions.create({ customer: stripeCustomer.id, items: [{ price: starter!.id }], currency: 'jpy', trial_period_days: 14 });
  expect(plan.status).toBe('trialing');
  await flushWebhooks(page, url);
  await page.reload();
  await secure.getByRole('button', { name: 'Remove Visa •••• 3155' }).click();
  await secure.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(secure.getByRole('alert')).toHaveText(
    'This is the only card for your paid plan. Add another card before removing it, or move to the free plan.',
  );
  expect((await stripe.paymentMethods.list({ customer: stripeCustomer.id })).data).toHaveLength(1);

  await page.goto(`/orgs/${organizationId}/activity`);
  const activity = page.getByTestId('activity-table');
  await expect(activity.getByRole('row', { name: /Card added/ })).toHaveCount(2);
  await expect(activity.getByRole('row', { name: /Card removed/ })).toHaveCount(1);
  await expect(activity.getByRole('row', { name: /Default card changed/ })).toHaveCount(1);

  // In Japanese too: the confirmation step's labels come from the page (no message catalogue in the browser).
  await page.goto(`/orgs/${organizationId}/payment-methods`);
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '支払方法' })).toBeVisible();
  await secure.getByRole('button', { name: 'Visa •••• 3155 を削除' }).click();
  await expect(secure.getByRole('group', { name: 'このカードを削除しますか？今後このカードには請求されません。' })).toBeVisible();
  await secure.getByRole('button', { name: '削除しない' }).click();
  await expect(secure.getByRole('button', { name: 'Visa •••• 3155 を削除' })).toBeVisible();
});

test('[customer] the card confirmed at checkout is the default; a second card made the default pays the next invoice', async ({ customer }) => {
  test.setTimeout(120_000);
  const { page, organizationId } = customer;
  const { stripe, url } = await emulatorStripe(page);
  const stripeCustomer = await customerOf(stripe, customer.email, organizationId);
  const [starter] = (await stripe.prices.list({ lookup_keys: ['seikyu_starter_monthly'] })).data;

  // Checkout with 4242 …: the card that paid is listed under Payment methods as the default.
  await page.goto(`/orgs/${organizationId}/plans/checkout?price=${starter!.id}&quantity=1`);
  const checkoutCard = cardFrame(page);
  await checkoutCard.getByLabel('Card number').fill('4242 4242 4242 4242');
  await checkoutCard.getByLabel('Expiration date').fill('12 / 34');
  await checkoutCard.getByLabel('Security code').fill('123');
  const postal = checkoutCard.getByLabel('ZIP').filter({ visible: true });
  if ((await postal.count()) > 0) await postal.first().fill('10001');
  await bringSubmitIntoView(page);
  await page.getByRole('button', { name: 'Pay ¥1,500 and subscribe' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${organizationId}/subscription\\?started=1`), { timeout: 20_000 });
  await expect(page.getByTestId('subscription-card')).toContainText('Charged to Visa •••• 4242.');

  await page.goto(`/orgs/${organizationId}/payment-methods`);
  const cards = page.getByTestId('cards-list');
  const visa = cards.getByRole('listitem').filter({ hasText: 'Visa •••• 4242' });
  await expect(visa).toContainText('Default');

  // A second card, made the default: the subscription charges it from now on.
  await addCard(page, '5555 5555 5555 4444');
  await expect(page.getByText('Card added.')).toBeVisible({ timeout: 20_000 });
  const mastercard = cards.getByRole('listitem').filter({ hasText: 'Mastercard •••• 4444' });
  await expect(mastercard).not.toContainText('Default');
  await mastercard.getByRole('button', { name: 'Make Mastercard •••• 4444 the default' }).click();
  await expect(mastercard).toContainText('Default');
  await expect(visa).not.toContainText('Default');

  await page.goto(`/orgs/${organizationId}/subscription`);
  await expect(page.getByTestId('subscription-card')).toContainText('Charged to Mastercard •••• 4444.');

  // The next invoice of the plan. The organization's customer is not on a test clock (Stripe cannot attach one to
  // an existing customer), so the next period is started now, which invoices and charges it as a renewal does.
  const [plan] = (await stripe.subscriptions.list({ customer: stripeCustomer.id, status: 'active' })).data;
  await stripe.subscriptions.update(plan!.id, { billing_cycle_anchor: { type: 'now' }, proration_behavior: 'none' });
  const [next] = (await stripe.invoices.list({ subscription: plan!.id, limit: 1 })).data;
  const paid = await stripe.invoices.retrieve(next!.id, { expand: ['payments.data.payment.payment_intent'] });
  expect(paid.status).toBe('paid');
  const intent = paid.payments?.data[0]?.payment.payment_intent;
  const charged = typeof intent === 'object' && intent ? intent.payment_method : null;
  const mastercardId = (await stripe.paymentMethods.list({ customer: stripeCustomer.id })).data.find((pm) => pm.card?.last4 === '4444')!.id;
  expect(typeof charged === 'string' ? charged : charged?.id).toBe(mastercardId);

  await flushWebhooks(page, url);
  await page.goto(`/orgs/${organizationId}/invoices`);
  await expect(page.getByRole('row', { name: new RegExp(paid.number!) })).toContainText('Paid');
  await page.goto(`/orgs/${organizationId}/subscription`);
  await expect(page.getByTestId('subscription-card')).toContainText('Charged to Mastercard •••• 4444.');
});

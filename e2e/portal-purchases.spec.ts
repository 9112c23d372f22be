// Buying what the plan picker offers besides the plans: the 30-day pass (a one-off invoice paid with the Payment
// Element, valid 30 days from payment) and the metered on-demand plan (device-hours through a billing meter,
// billed in arrears), which goes through the same checkout; nothing is charged up front, so the card is collected
// with the subscription's SetupIntent. Amounts come from the seeded catalogue (lib/demo/catalog.ts).
import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { bringSubmitIntoView } from './checkout';

function cardFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Secure payment input frame"]');
}

async function fillCard(page: Page, number: string): Promise<void> {
  const card = cardFrame(page);
  await card.getByLabel(/^(Card number|カード番号)$/).fill(number);
  await card.getByLabel(/^(Expiration date|有効期限)$/).fill('12 / 34');
  await card.getByLabel(/^(Security code|セキュリティコード)$/).fill('123');
  const postal = card.getByLabel(/^(ZIP|郵便番号)$/).filter({ visible: true });
  if ((await postal.count()) > 0) await postal.first().fill('10001');
}

/** "Mon D, YYYY" 30 days from now, as the overview may draw it in Tokyo or UTC (around midnight they differ). */
function passEndPattern(): RegExp {
  const end = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
  const texts = ['Asia/Tokyo', 'UTC'].map((timeZone) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone }).format(end));
  return new RegExp(`Valid until (${texts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
}

test('[customer] buys the 30-day pass with 4242 and sees it on the invoices list, as the plan on the overview, and its capacity on the usage page', async ({ customer }) => {
  const { page, organizationId } = customer;
  await page.goto(`/orgs/${organizationId}`);
  await expect(page.getByTestId('active-pass')).toHaveCount(0);

  await page.goto(`/orgs/${organizationId}/plans`);
  await page.getByTestId('plan-seikyu_pass_30d').getByRole('button', { name: 'Buy 30-day pass' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${organizationId}/plans/buy\\?`));
  await expect(page.getByTestId('checkout-total')).toHaveText('¥3,000');
  await expect(page.getByTestId('pass-validity')).toHaveText('Valid for 30 days from payment');
  await expect(cardFrame(page).getByLabel('Card number')).toBeVisible();
  await fillCard(page, '4242 4242 4242 4242');
  // A double click pays once: the button is disabled while it runs and the attempt key is the same.
  await page.getByRole('button', { name: 'Pay' }).dblclick();

  await expect(page).toHaveURL(new RegExp(`/orgs/${organizationId}/invoices/in_[A-Za-z0-9]+\\?paid=1`), { timeout: 20_000 });
  await expect(page.getByRole('status')).toBeVisible();
  await expect(page.getByTestId('invoice-lines')).toContainText('30-day pass');

  await page.goto(`/orgs/${organizationId}/invoices`);
  const rows = page.getByTestId('invoices-table').getByRole('row').filter({ hasText: '¥3,000' });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Paid');

  // Until it ends, the pass is what the customer has: named as the current plan, the free plan after it.
  await page.goto(`/orgs/${organizationId}`);
  const pass = page.getByTestId('current-plan').getByTestId('active-pass');
  await expect(pass.locator('p.text-lg')).toHaveText('30-day pass');
  await expect(pass).toContainText(passEndPattern());
  await expect(pass.getByTestId('pass-then')).toContainText('back on the free plan');
  await expect(page.getByTestId('current-plan').locator('p.text-lg', { hasText: /^Free$/ })).toHaveCount(0);
  await expect(page.getByTestId('recent-invoices')).toContainText('¥3,000');

  // It gives its capacity (5 devices at once), as GET /api/v1/limits does.
  await page.goto(`/orgs/${organizationId}/usage`);
  await expect(page.getByTestId('usage-capacity')).toContainText('Plan: 30-day pass');
  await expect(page.getByTestId('usage-capacity-value')).toHaveText('0 of 5 devices in use');
  await expect(page.getByTestId('usage-pass')).toContainText('Your 30-day pass runs until');
});

test('[customer] subscribes to the on-demand plan without an up-front charge and moves to 20 devices', async ({ customer }) => {
  const { page, organizationId } = customer;
  await page.goto(`/orgs/${organizationId}/plans`);
  await page.getByTestId('plan-seikyu_on_demand_device_hours').getByRole('button', { name: 'Choose On-demand 10 devices' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${organizationId}/plans/checkout\\?`));
  await expect(page.getByTestId('checkout-total')).toHaveText('¥0');
  await expect(page.getByTestId('checkout-metered-note')).toContainText('nothing is charged today');
  // A metered price takes no quantity.
  await expect(page.getByTestId('checkout-quantity')).toHaveCount(0);
  await expect(cardFrame(page).getByLabel('Card number')).toBeVisible();
  await fillCard(page, '4242 4242 4242 4242');
  await bringSubmitIntoView(page);
  await page.getByRole('button', { name: 'Subscribe' }).dblclick();

  await expect(page).toHaveURL(new RegExp(`/orgs/${organizationId}/subscription\\?started=1`), { timeout: 20_000 });
  const plan = page.getByTestId('subscription-plan');
  await expect(plan.getByRole('heading', { name: 'On-demand 10 devices' })).toBeVisible();
  await expect(plan.getByText('Active', { exact: true })).toBeVisible();
  // A metered price is per device-hour, billed in arrears: not a monthly fee.
  await expect(plan).toContainText('¥20 per device-hour');
  await expect(plan).not.toContainText('/ month');
  await expect(plan).toContainText('Billed monthly in arrears');

  // Another capacity tier of the same plan is offered (and opened on), previewed with nothing to prorate, applied.
  const change = page.getByTestId('change-plan');
  await expect(change.getByLabel('New plan').locator('option:checked')).toHaveText('On-demand 20 devices — ¥18 per device-hour');
  await change.getByRole('button', { name: 'Preview the change' }).click();
  const preview = page.getByTestId('plan-change-preview');
  await expect(preview.getByTestId('preview-nothing-to-prorate')).toContainText('Nothing to prorate');
  // No "next invoice total" of ¥0 for usage not yet used: what the next invoice bills instead.
  await expect(preview.getByTestId('preview-next-usage')).toHaveText("Your next invoice bills this period's usage once the period ends.");
  await expect(preview.getByTestId('preview-next-total')).toHaveCount(0);
  await expect(page.getByTestId('preview-amount-due')).toHaveText('¥0');
  await preview.getByRole('button', { name: 'Confirm the change' }).click();
  await expect(page.getByTestId('plan-changed')).toBeVisible();
  await expect(plan.getByRole('heading', { name: 'On-demand 20 devices' })).toBeVisible();
  await expect(plan).toContainText('¥18 per device-hour');

  // Nothing was charged: the only invoice of the plan is ¥0, and the free tier was replaced.
  await page.goto(`/orgs/${organizationId}`);
  const current = page.getByTestId('current-plan');
  await expect(current.getByText('On-demand 20 devices', { exact: true })).toBeVisible();
  await expect(current.getByText('Free', { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('recent-invoices')).not.toContainText(/¥[1-9]/);
  await expect(page.getByTestId('payment-failed-banner')).toHaveCount(0);
  // Not the free plan's sentence: this customer will be charged.
  await expect(page.getByTestId('recent-invoices')).not.toContainText('The free plan is never charged');

  // The plan's first period: nothing before it is its previous period.
  await page.goto(`/orgs/${organizationId}/usage`);
  await expect(page.getByTestId('usage-first-period')).toContainText('first period began on');
  await expect(page.getByTestId('meter-device_hours-table').getByRole('columnheader', { name: 'Previous period' })).toHaveCount(0);
  await expect(page.getByTestId('usage-capacity-value')).toHaveText('0 of 20 devices in use');
});

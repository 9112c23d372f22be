// axe on the portal's invoices, billing details, cards, members, activity, plans, checkout and subscription
// pages (with content on them), at desktop and phone width: no serious or critical WCAG 2.1 AA violations.
// The shell pages are covered by accessibility.spec.ts.
import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addDefaultCard, createInvoice, customerOf, emulatorStripe, flushWebhooks } from './portal-billing-stripe';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('[customer] invoices, billing details, cards, members and activity have no serious accessibility violations', async ({ customer }) => {
  const { page, organizationId } = customer;
  const { stripe, url } = await emulatorStripe(page);
  const stripeCustomer = await customerOf(stripe, customer.email, organizationId);
  await addDefaultCard(stripe, stripeCustomer.id);
  await stripe.customers.update(stripeCustomer.id, { invoice_settings: { footer: 'Bank: Seikyu Test Bank 001-1234567' } });
  const invoice = await createInvoice(stripe, stripeCustomer.id, { lines: [{ description: 'Workshop', amount: 5_000 }], sendInvoice: { daysUntilDue: 14 } });
  await flushWebhooks(page, url);

  const base = `/orgs/${organizationId}`;
  // A key, so the keys page has its table (with a visually hidden header) to check.
  await page.goto(`${base}/settings/api-keys`);
  await page.getByTestId('create-api-key-form').getByLabel('Name').fill('Device fleet');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByTestId('api-key-row')).toHaveCount(1);

  const paths = [`${base}/invoices`, `${base}/invoices/${invoice.id}`, `${base}/billing-details`, `${base}/payment-methods`, `${base}/members`, `${base}/activity`, `${base}/settings/api-keys`];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), `${path} at ${width}px`).toEqual([]);
      // Nothing wider than the screen: a wide table scrolls in its own box, the page only vertically.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} width at ${width}px`).toBeLessThanOrEqual(width);
    }
  }
});

function cardFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Secure payment input frame"]');
}

async function expectNoSeriousViolationsAtBothWidths(page: Page, label: string, ready: () => Promise<void>): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await ready();
    expect(await seriousViolations(page), `${label} at ${width}px`).toEqual([]);
    // Nothing wider than the phone screen: the page scrolls vertically only.
    if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label} width at 390px`).toBeLessThanOrEqual(390);
  }
}

test('[customer] plans, checkout and the subscription page (change plan, cancel) have no serious accessibility violations', async ({ customer }) => {
  const { page, organizationId } = customer;
  const base = `/orgs/${organizationId}`;

  await expectNoSeriousViolationsAtBothWidths(page, 'plans', async () => {
    await page.goto(`${base}/plans`);
    await expect(page.getByTestId('plan-seikyu_starter_monthly')).toBeVisible();
  });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/plans`);
  await page.getByRole('button', { name: 'Choose Starter' }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/plans/checkout\\?`));
  const checkoutUrl = page.url();
  await expectNoSeriousViolationsAtBothWidths(page, 'checkout', async () => {
    await page.goto(checkoutUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Subscribe' })).toBeVisible();
    await expect(cardFrame(page).getByLabel('Card number')).toBeVisible();
  });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(checkoutUrl);
  const card = cardFrame(page);
  await card.getByLabel('Card number').fill('4242 4242 4242 4242');
  await card.getByLabel('Expiration date').fill('12 / 34');
  await card.getByLabel('Security code').fill('123');
  const postal = card.getByLabel('ZIP').filter({ visible: true });
  if ((await postal.count()) > 0) await postal.first().fill('10001');
  // Below the fold, a click that scrolls and presses at once can land in the card frame (see portal-plans.spec.ts).
  const subscribe = page.getByRole('button', { name: 'Subscribe' });
  await subscribe.scrollIntoViewIfNeeded();
  await expect(subscribe).toBeInViewport({ ratio: 1 });
  await subscribe.click();
  await expect(page).toHaveURL(new RegExp(`${base}/subscription\\?started=1`), { timeout: 20_000 });

  await expectNoSeriousViolationsAtBothWidths(page, 'subscription', async () => {
    await page.goto(`${base}/subscription`);
    await expect(page.getByTestId('change-plan').getByLabel('New plan')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel at period end' })).toBeVisible();
  });

  // The plan-change preview, shown in place on the subscription page.
  const change = page.getByTestId('change-plan');
  await change.getByLabel('New plan').selectOption({ label: 'Team — ¥1,200 per seat / month' });
  await change.getByRole('button', { name: 'Preview the change' }).click();
  await expect(page.getByTestId('plan-change-preview')).toBeVisible();
  expect(await seriousViolations(page), 'plan-change preview at 390px').toEqual([]);
});

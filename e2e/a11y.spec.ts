// axe on the portal's invoices, billing details, cards, members and activity pages (with content on them), at
// desktop and phone width: no serious or critical WCAG 2.1 AA violations. The shell pages are covered by
// accessibility.spec.ts.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
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
  const paths = [`${base}/invoices`, `${base}/invoices/${invoice.id}`, `${base}/billing-details`, `${base}/payment-methods`, `${base}/members`, `${base}/activity`];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), `${path} at ${width}px`).toEqual([]);
    }
  }
});

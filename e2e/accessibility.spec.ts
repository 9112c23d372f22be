import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('[visitor] the landing and sign-in pages have no serious accessibility violations', async ({ page }) => {
  for (const path of ['/', '/sign-in']) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test('[customer] the overview has no serious accessibility violations, at desktop and phone width', async ({ customer }) => {
  const { page } = customer;
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(await seriousViolations(page)).toEqual([]);
  // The skip link is the first stop and moves focus past the navigation.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
});

test('[admin] the customer list, a customer, the reports and the admin 404 have no serious accessibility violations', async ({ customer, operatorPage: page }) => {
  const paths = [
    `/admin/customers?q=${encodeURIComponent(customer.organizationName)}`,
    `/admin/customers/${customer.organizationId}`,
    '/admin/reports/receivables',
    '/admin/notifications',
    '/admin/audit',
    '/admin/invoices/in_unknown',
  ];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) {
      await page.goto(path);
      expect(await seriousViolations(page), `${path} at ${width}px`).toEqual([]);
      // A wide table scrolls in its own box; the page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} width at ${width}px`).toBeLessThanOrEqual(width);
    }
  }
});

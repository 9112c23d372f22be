// The usage dashboard, walked by a customer on the free tier: usage reported through the public API (an API key
// from the portal) over this month and the last, read back by day against the previous period, beside its
// table, with the capacity in use and the free year; a budget whose threshold is already crossed emails at once.
// Then in Japanese; then the operator's view of the same customer. E2E_SCREENSHOTS=1 saves the screenshots to
// docs/screenshots/.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, waitForMail } from './fixtures';

const DAY_MS = 86_400_000;
const saveScreenshots = process.env.E2E_SCREENSHOTS === '1';

async function screenshot(page: Page, name: string, width: number): Promise<void> {
  if (!saveScreenshots) return;
  await page.setViewportSize({ width, height: 900 });
  await page.screenshot({ path: join('docs/screenshots', `${name}.png`), fullPage: true });
}

test('[customer] follows usage by day against the previous period and sets a budget alert, in English and Japanese; [admin] sees it', async ({ customer, operatorPage }) => {
  const { page, organizationId, email } = customer;

  // An API key from the portal, as the product would hold it.
  await page.goto(`/orgs/${organizationId}/settings/api-keys`);
  await page.getByTestId('create-api-key-form').getByLabel('Name').fill('Device fleet');
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByTestId('new-api-key-value').inputValue();

  // 30 days of device-hours (4 a day; this hour 1 device running) and a few diagnoses, through the public API.
  const now = Date.now();
  const hourStart = Math.floor(now / 3_600_000) * 3_600_000;
  const events = Array.from({ length: 30 }, (_, i) => ({
    meter: 'device_hours',
    value: 4,
    timestamp: Math.floor((hourStart - (i + 1) * DAY_MS) / 1000),
    identifier: `dev-1-day-${i}`,
  }));
  events.push({ meter: 'device_hours', value: 1, timestamp: Math.floor(hourStart / 1000) + 1, identifier: 'dev-1-now' });
  events.push(...[1, 2, 3].map((i) => ({ meter: 'diagnosis_requests', value: 1, timestamp: Math.floor((hourStart - i * DAY_MS) / 1000), identifier: `dx-${i}` })));
  const response = await page.request.post('/api/v1/usage-events', { headers: { authorization: `Bearer ${key}` }, data: { events } });
  expect(response.status()).toBe(202);
  expect(await response.json()).toEqual({ accepted: events.length, duplicates: 0 });

  // From the navigation.
  await page.goto(`/orgs/${organizationId}`);
  await page.getByRole('link', { name: 'Usage', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${organizationId}/usage$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible();
  await expect(page.getByText('No plan bills this usage')).toBeVisible();

  // The calendar month in Japan time (a yen organization): the totals add up to what was reported this month.
  const tokyo = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  const thisMonth = tokyo(now).slice(0, 7);
  const reported = events.filter((e) => e.meter === 'device_hours' && tokyo(e.timestamp * 1000).startsWith(thisMonth)).reduce((sum, e) => sum + e.value, 0);
  const hours = page.getByTestId('meter-device_hours');
  await expect(hours.getByRole('heading', { name: 'Device hours' })).toBeVisible();
  await expect(hours.getByTestId('meter-device_hours-totals').locator('dd').first()).toHaveText(new Intl.NumberFormat('en').format(reported));
  // The chart is an image with a summary; its numbers are in the table beside it.
  await expect(hours.getByRole('img', { name: /Device hours by day/ })).toBeVisible();
  const table = hours.getByTestId('meter-device_hours-table');
  await expect(table.getByRole('columnheader', { name: 'This period' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Previous period' })).toBeVisible();
  const yesterday = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'Asia/Tokyo' }).format(hourStart - DAY_MS);
  if (tokyo(hourStart - DAY_MS).startsWith(thisMonth)) await expect(table.getByRole('row', { name: new RegExp(yesterday) })).toContainText('4');
  await expect(page.getByTestId('meter-diagnosis_requests').getByRole('heading', { name: 'Diagnosis requests' })).toBeVisible();

  // Capacity: the free tier's one device is running this hour; the free year's end is shown.
  await expect(page.getByTestId('usage-capacity-value')).toHaveText('1 of 1 devices in use');
  await expect(page.getByTestId('usage-free-year')).toContainText('Free year ends on');
  // The projection is kept by a job (asked for when the free tier's subscription arrived): nothing billed on usage.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('projected-invoice')).toContainText('No invoice is projected', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // A budget already 80 % used: the alert email goes out at once, once.
  const since = Date.now();
  const form = hours.getByTestId('budget-device_hours-form');
  await form.getByLabel('Budget per period (Device hours)').fill(String(reported));
  await form.getByLabel('Alert at (%)').fill('80, 100');
  await form.getByRole('button', { name: 'Save budget' }).click();
  await expect(form.getByRole('status')).toHaveText('Budget saved.');
  await expect(hours.getByTestId('meter-device_hours-budget')).toContainText('emails at 80%, 100%. 100% used so far.');
  const alert = await waitForMail(page, email, since, { subject: 'Device hours: 80% of your budget used' });
  expect(alert.links.some((link) => link.endsWith(`/orgs/${organizationId}/usage`))).toBe(true);
  await waitForMail(page, email, since, { subject: 'Device hours: 100% of your budget used' });

  await screenshot(page, 'customer-usage', 1280);
  await screenshot(page, 'customer-usage-phone', 390);
  await page.setViewportSize({ width: 1280, height: 720 });

  // In Japanese.
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '利用量' })).toBeVisible();
  await expect(hours.getByRole('heading', { name: 'デバイス稼働時間' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '今期' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '前期' })).toBeVisible();
  await expect(page.getByTestId('usage-capacity-value')).toHaveText('1台中1台が稼働中');
  await expect(page.getByTestId('meter-diagnosis_requests').getByRole('heading', { name: '診断リクエスト数' })).toBeVisible();
  await expect(hours.getByTestId('meter-device_hours-budget')).toContainText('通知：80%, 100%');
  await screenshot(page, 'customer-usage-ja', 1280);
  await screenshot(page, 'customer-usage-phone-ja', 390);

  // The operator sees the same usage on the customer page.
  await operatorPage.goto(`/admin/customers/${organizationId}`);
  const usage = operatorPage.getByTestId('admin-usage');
  await expect(usage.getByTestId('admin-usage-device_hours')).toContainText(new Intl.NumberFormat('en').format(reported));
  await expect(usage.getByTestId('admin-usage-capacity')).toContainText('1 of 1 devices in use');
});

import { expect, test } from './fixtures';

test('[customer] switches to Japanese', async ({ customer }) => {
  const { page } = customer;
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByLabel('Interface language').selectOption('ja');
  await expect(page.getByRole('heading', { level: 1, name: '概要' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');

  // Saved on the user: survives a reload and a fresh browser without the cookie.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '概要' })).toBeVisible();
  await page.context().clearCookies({ name: 'seikyu_locale' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '概要' })).toBeVisible();

  await page.getByLabel('表示言語').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
});

import { expect, test } from './fixtures';

test('[customer] switches to Japanese', async ({ customer }) => {
  const { page } = customer;
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByLabel('Interface language').selectOption('ja');
  await expect(page.getByRole('heading', { level: 1, name: '概要' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  // The menu names the language the page is now in, without a reload.
  await expect(page.getByLabel('表示言語')).toHaveValue('ja');
  await expect(page.getByLabel('表示言語').locator('option:checked')).toHaveText('日本語');

  // Saved on the user: survives a reload and a fresh browser without the cookie.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '概要' })).toBeVisible();
  await page.context().clearCookies({ name: 'seikyu_locale' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '概要' })).toBeVisible();

  await page.getByLabel('表示言語').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByLabel('Interface language')).toHaveValue('en');
  await expect(page.getByLabel('Interface language').locator('option:checked')).toHaveText('English');
});

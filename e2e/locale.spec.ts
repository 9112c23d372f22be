import { expect, test } from './fixtures';

test('[customer] switches to Japanese', async ({ customer }) => {
  const { page } = customer;
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The language buttons: the page's language is the pressed one.
  const english = page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'English' });
  await expect(english).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '概要' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  // The buttons name the language the page is now in, without a reload.
  await expect(page.getByRole('group', { name: '表示言語' }).getByRole('button', { name: '日本語' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('group', { name: '表示言語' }).getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'false');

  // Saved on the user: survives a reload and a fresh browser without the cookie.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '概要' })).toBeVisible();
  await page.context().clearCookies({ name: 'seikyu_locale' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '概要' })).toBeVisible();

  await page.getByRole('group', { name: '表示言語' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(english).toHaveAttribute('aria-pressed', 'true');
});

// Screenshots of the running app as its users see it, for the README and docs/screenshots: signs in through the
// dev mailbox (like the e2e suite), then opens each page at desktop and phone width, in English and Japanese.
//
//   npm run demo            # in another terminal
//   npx tsx --import ./scripts/lib/server-only-hook.mjs scripts/page-screenshots.ts [--app http://localhost:3000] [--only admin-]
//
// Pages are named `<who>-<page>` and written as docs/screenshots/<name>[-phone][-ja].png (both, for a page with both). Paths with `{org}` use
// the signed-in customer's first organization, `{invoice}` its newest invoice.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { DEMO_CUSTOMER_EMAIL, DEMO_OPERATOR_EMAIL } from '../lib/demo/seed';

type Shot = { name: string; path: string; who: 'customer' | 'operator'; phone?: boolean; ja?: boolean };

const SHOTS: Shot[] = [
  { name: 'admin-invoices', path: '/admin/invoices', who: 'operator', phone: true, ja: true },
  { name: 'admin-receivables', path: '/admin/reports/receivables', who: 'operator', ja: true },
  { name: 'admin-audit', path: '/admin/audit', who: 'operator' },
  { name: 'admin-events', path: '/admin/events', who: 'operator' },
  { name: 'admin-branding', path: '/admin/settings/branding', who: 'operator', ja: true },
  { name: 'admin-notifications', path: '/admin/notifications', who: 'operator' },
  { name: 'admin-quotes', path: '/admin/quotes', who: 'operator' },
  { name: 'admin-payees', path: '/admin/payees', who: 'operator', ja: true },
  { name: 'admin-transfers', path: '/admin/transfers', who: 'operator' },
  // The signed-in shell (language buttons, sign-out) on the customer's and the operators' main pages.
  { name: 'customer-overview', path: '/orgs/{org}', who: 'customer', phone: true, ja: true },
  { name: 'customer-plans', path: '/orgs/{org}/plans', who: 'customer', phone: true, ja: true },
  { name: 'customer-subscription', path: '/orgs/{org}/subscription', who: 'customer', phone: true, ja: true },
  { name: 'customer-invoices', path: '/orgs/{org}/invoices', who: 'customer', phone: true, ja: true },
  { name: 'customer-usage', path: '/orgs/{org}/usage', who: 'customer', phone: true, ja: true },
  { name: 'customer-payment-methods', path: '/orgs/{org}/payment-methods', who: 'customer' },
  { name: 'customer-invoice', path: '/orgs/{org}/invoices/{invoice}', who: 'customer', ja: true },
  { name: 'admin-customers', path: '/admin/customers', who: 'operator', phone: true },
  { name: 'admin-customer', path: '/admin/customers/{org}', who: 'operator', phone: true, ja: true },
  { name: 'admin-invoice', path: '/admin/invoices/{invoice}', who: 'operator' },
  // The organization's time zone (its dates in every language) beside the billing details.
  { name: 'customer-billing-details', path: '/orgs/{org}/billing-details', who: 'customer', phone: true, ja: true },
  // The 404 page (a client component with its labels from the root layout).
  { name: 'customer-not-found', path: '/orgs/{org}/no-such-page', who: 'customer', phone: true, ja: true },
];

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const appUrl = (option('app') ?? process.env.APP_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const only = option('only');

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${appUrl}/sign-in`);
  const since = Date.now();
  await page.getByLabel(/email address|メールアドレス/i).fill(email);
  await page.getByRole('button', { name: /sign-in link|ログインリンク/i }).click();
  await page.waitForURL(/\/sign-in\/check-email/);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const response = await page.request.get(`${appUrl}/dev/mailbox/api/latest?to=${encodeURIComponent(email)}&subject=${encodeURIComponent('Sign in')}`);
    if (response.ok()) {
      const mail = (await response.json()) as { links: string[]; createdAt: string };
      const link = mail.links.find((l) => l.includes('/api/auth/callback/email'));
      if (link && Date.parse(mail.createdAt) >= since - 1000) {
        await page.goto(link);
        return;
      }
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no sign-in mail for ${email}`);
}

/** A signed-in user's language is saved with them: switch it the way they would, with the header's switcher. */
async function setLanguage(page: Page, locale: 'en' | 'ja'): Promise<void> {
  // A page without the switcher (the 404): switch on the portal's home, then come back.
  const here = page.url();
  if ((await page.getByTestId('locale-switcher').count()) === 0) await page.goto(`${appUrl}/app`);
  const button = page.getByTestId('locale-switcher').locator(`button[value="${locale}"]`);
  if ((await button.getAttribute('aria-pressed')) !== 'true') {
    await button.click();
    await page.waitForFunction((lang) => document.documentElement.lang === lang, locale, { timeout: 15_000 });
    await page.waitForLoadState('networkidle');
  }
  if (page.url() !== here) await page.goto(here);
}

/** The demo customer's organization and newest invoice, for paths with `{org}` and `{invoice}` (operators' too). */
const ids = { org: '', invoice: '' };

async function shoot(browser: Browser, who: Shot['who'], shots: Shot[]): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, who === 'operator' ? DEMO_OPERATOR_EMAIL : DEMO_CUSTOMER_EMAIL);
  if (who === 'customer') {
    ids.org = /\/orgs\/([^/]+)/.exec(page.url())?.[1] ?? '';
    await page.goto(`${appUrl}/orgs/${ids.org}/invoices`, { waitUntil: 'networkidle' });
    const href = await page.locator('a[href*="/invoices/in_"]').first().getAttribute('href');
    ids.invoice = /\/invoices\/(in_[^/?#]+)/.exec(href ?? '')?.[1] ?? '';
  }
  for (const shot of shots) {
    const variants = [
      { suffix: '', width: 1280, ja: false },
      ...(shot.phone ? [{ suffix: '-phone', width: 390, ja: false }] : []),
      ...(shot.ja ? [{ suffix: '-ja', width: 1280, ja: true }] : []),
      ...(shot.phone && shot.ja ? [{ suffix: '-phone-ja', width: 390, ja: true }] : []),
    ];
    for (const variant of variants) {
      await page.setViewportSize({ width: variant.width, height: 900 });
      await page.goto(`${appUrl}${shot.path.replace('{org}', ids.org).replace('{invoice}', ids.invoice)}`, { waitUntil: 'networkidle' });
      await setLanguage(page, variant.ja ? 'ja' : 'en');
      const file = `docs/screenshots/${shot.name}${variant.suffix}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
  }
  await setLanguage(page, 'en');
  await context.close();
}

mkdirSync('docs/screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const selected = SHOTS.filter((s) => !only || s.name.startsWith(only));
  // The customer first: the operators' pages about that customer need its ids.
  for (const who of ['customer', 'operator'] as const) {
    const mine = selected.filter((s) => s.who === who);
    if (mine.length > 0 || (who === 'customer' && selected.some((s) => /\{(org|invoice)\}/.test(s.path)))) await shoot(browser, who, mine);
  }
} finally {
  await browser.close();
}

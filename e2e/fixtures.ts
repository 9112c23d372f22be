// Playwright fixtures: a unique person per test, and signing in the way a person does — ask for a magic link on
// /sign-in, read it from the dev mailbox's JSON route, open it.
import { test as base, expect, type Browser, type Page } from '@playwright/test';

export const OPERATOR_EMAIL = 'operator@e2e.seikyu.test';
/** OPERATOR_SUPPORT_EMAILS of the e2e server: the support role (reads, notes, resend; no money actions). */
export const SUPPORT_EMAIL = 'support@e2e.seikyu.test';

export type MailboxMessage = { id: string; to: string; subject: string; text: string; links: string[]; createdAt: string };

export function uniqueEmail(role: string): string {
  const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return `${role}-${suffix}@e2e.seikyu.test`;
}

export function uniqueOrganizationName(): string {
  return `Acme ${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
}

/**
 * The newest mail to `email` since `since`; with `subject`, the newest whose subject starts with one of the given
 * prefixes (other mail, such as notifications sent in the background, may arrive for the same person meanwhile).
 */
export async function waitForMail(page: Page, email: string, since: number, options: { subject?: string | string[] } = {}): Promise<MailboxMessage> {
  const prefixes = options.subject === undefined ? [undefined] : [options.subject].flat();
  let message: MailboxMessage | null = null;
  await expect
    .poll(
      async () => {
        message = null;
        for (const prefix of prefixes) {
          const subject = prefix ? `&subject=${encodeURIComponent(prefix)}` : '';
          const response = await page.request.get(`/dev/mailbox/api/latest?to=${encodeURIComponent(email)}${subject}`);
          if (response.status() !== 200) continue;
          const body = (await response.json()) as MailboxMessage;
          if (Date.parse(body.createdAt) >= since - 1000 && (!message || body.createdAt > message.createdAt)) message = body;
        }
        return message?.id ?? null;
      },
      { message: `no email for ${email}`, timeout: 15_000 },
    )
    .not.toBeNull();
  return message!;
}

/** Signs in through the UI and returns the magic link that was followed. */
export async function signInByMagicLink(page: Page, email: string, options: { callbackPath?: string } = {}): Promise<string> {
  await page.goto(options.callbackPath ? `/sign-in?callbackUrl=${encodeURIComponent(options.callbackPath)}` : '/sign-in');
  const since = Date.now();
  await page.getByLabel(/email address|メールアドレス/i).fill(email);
  await page.getByRole('button', { name: /sign-in link|ログインリンク/i }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email/);
  // The sign-in mail in either language, not a notification that reached the same address meanwhile.
  const message = await waitForMail(page, email, since, { subject: ['Sign in to Seikyu', 'Seikyu へのログイン'] });
  const link = message.links.find((l) => l.includes('/api/auth/callback/email'));
  expect(link, `magic link in: ${message.text}`).toBeTruthy();
  await page.goto(link!);
  return link!;
}

/** Fills the onboarding form and waits for the new organization's overview; returns its id. */
export async function createOrganization(page: Page, name: string, currency: 'JPY' | 'USD' = 'JPY'): Promise<string> {
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.getByLabel(/organization name|組織名/i).fill(name);
  await page.getByLabel(currency === 'JPY' ? /JPY/ : /USD/).check();
  await page.getByRole('button', { name: /create organization|組織を作成/i }).click();
  await page.waitForURL(/\/orgs\/[^/]+$/, { timeout: 30_000 });
  const id = new URL(page.url()).pathname.split('/')[2];
  expect(id).toBeTruthy();
  return id!;
}

export type SignedUpCustomer = { email: string; organizationName: string; organizationId: string; page: Page };

/** A new person in a fresh browser context who signed up and created an organization. */
export async function signUpCustomer(browser: Browser, baseURL: string | undefined): Promise<SignedUpCustomer> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const email = uniqueEmail('customer');
  const organizationName = uniqueOrganizationName();
  await signInByMagicLink(page, email);
  const organizationId = await createOrganization(page, organizationName);
  return { email, organizationName, organizationId, page };
}

type Fixtures = {
  /** A signed-up customer in its own browser context, closed after the test. */
  customer: SignedUpCustomer;
  /** The operator (OPERATOR_EMAILS of the e2e server), signed in, in its own context. */
  operatorPage: Page;
  /** A support operator (OPERATOR_SUPPORT_EMAILS), signed in, in its own context. */
  supportPage: Page;
};

export const test = base.extend<Fixtures>({
  customer: async ({ browser, baseURL }, use) => {
    const customer = await signUpCustomer(browser, baseURL);
    await use(customer);
    await customer.page.context().close();
  },
  operatorPage: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signInByMagicLink(page, OPERATOR_EMAIL, { callbackPath: '/admin' });
    await use(page);
    await context.close();
  },
  supportPage: async ({ browser, baseURL }, use) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signInByMagicLink(page, SUPPORT_EMAIL, { callbackPath: '/admin' });
    await use(page);
    await context.close();
  },
});

export { expect };

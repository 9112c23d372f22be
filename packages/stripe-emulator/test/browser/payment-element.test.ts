// <PaymentElement> from @stripe/react-stripe-js against the emulator's Stripe.js stand-in, in Chromium: the page
// is what a merchant writes (page/app.tsx), the SetupIntent is created and checked server-side through the SDK.
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type FrameLocator, type Page } from '@playwright/test';
import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers.js';
import { createValidatedStripe, expectNoFidelityViolations } from '../fidelity/validated-stripe.js';

// What page/app.tsx exposes on window for the test to read.
declare global {
  interface Window {
    __ready: boolean;
    __changeEvents: Array<{ elementType: string; complete: boolean; empty: boolean; brand?: string; error?: { type: string; code: string; message: string } }>;
  }
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Debian's Chromium, as the rest of the project uses it; CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PUBLISHABLE_KEY = 'pk_test_emulator';
const SCREENSHOT = '/tmp/seikyu-payment-element.png';

let emulator: TestEmulator;
let stripe: Stripe;
let browser: Browser;
let site: http.Server;
let siteUrl: string;
let bundle: string;

/** The merchant's server: each page view creates a customer and a SetupIntent, like a "add a card" page. */
async function startSite(): Promise<void> {
  site = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site.local');
    if (url.pathname === '/app.js') {
      res.setHeader('Content-Type', 'application/javascript; charset=utf-8');
      res.end(bundle);
      return;
    }
    if (url.pathname === '/return') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end('<!doctype html><title>Returned</title><h1>Returned</h1>');
      return;
    }
    if (url.pathname !== '/') {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    void (async () => {
      const customer = await stripe.customers.create({ email: 'browser-test@example.com' });
      // /?kind=payment pays ¥1,500 now (a PaymentIntent); otherwise the page saves a card (a SetupIntent).
      const intent =
        url.searchParams.get('kind') === 'payment'
          ? await stripe.paymentIntents.create({ customer: customer.id, amount: 1500, currency: 'jpy', setup_future_usage: 'off_session' })
          : await stripe.setupIntents.create({ customer: customer.id, usage: 'off_session' });
      const kind = intent.object === 'payment_intent' ? 'payment' : 'setup';
      const element = url.searchParams.get('element') === 'card' ? 'card' : 'payment';
      const locale = url.searchParams.get('locale') === 'ja' ? 'ja' : 'auto';
      const deferred = url.searchParams.get('deferred') === '1';
      const returnUrl = url.searchParams.get('redirect') === '1' ? `${siteUrl}/return?from=test` : null;
      const config = { publishableKey: PUBLISHABLE_KEY, clientSecret: intent.client_secret, kind, element, locale, deferred, returnUrl };
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Add a card</title>
<script src="${emulator.url}/js/stripe.js"></script>
<script>window.__PAGE_CONFIG__ = ${JSON.stringify(config)};</script>
</head><body data-intent="${intent.id}" data-customer="${customer.id}"><div id="root"></div>
<script src="/app.js"></script></body></html>`);
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: install it with \`sudo apt-get install chromium\` (or set CHROMIUM_PATH).`);
  }
  const built = await build({
    entryPoints: [fileURLToPath(new URL('./page/app.tsx', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  bundle = built.outputFiles[0].text;
  emulator = await startTestEmulator();
  stripe = createValidatedStripe(emulator.url);
  await startSite();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  await emulator?.close();
});

afterEach(async () => {
  await expectNoFidelityViolations();
});

interface OpenedPage {
  page: Page;
  card: FrameLocator;
  intentId: string;
  customerId: string;
}

async function openPage(
  kind: 'setup' | 'payment' = 'setup',
  element: 'payment' | 'card' = 'payment',
  locale = 'auto',
  deferred = false,
  redirect = false,
): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: { width: 720, height: 800 }, locale: 'en-US' });
  await page.goto(`${siteUrl}/?kind=${kind}&element=${element}&locale=${locale}&deferred=${deferred ? 1 : 0}&redirect=${redirect ? 1 : 0}`);
  await page.waitForFunction(() => window.__ready === true);
  const body = page.locator('body');
  const intentId = (await body.getAttribute('data-intent')) ?? '';
  const customerId = (await body.getAttribute('data-customer')) ?? '';
  return { page, card: page.frameLocator('iframe[title="Secure payment input frame"]'), intentId, customerId };
}

async function fillCard(card: FrameLocator, number: string, expiry = '12 / 34', cvc = '123', zip = '94107'): Promise<void> {
  await card.getByLabel('Card number').fill(number);
  await card.getByLabel('Expiration date').fill(expiry);
  await card.getByLabel('Security code').fill(cvc);
  await card.getByLabel('ZIP').fill(zip);
}

// A real browser on a shared machine: generous timeouts, the assertions are about outcomes, not speed.
describe('Stripe.js stand-in: <PaymentElement> with confirmSetup', { timeout: 60_000 }, () => {
  it('[customer] saves 4242 4242 4242 4242: the SetupIntent succeeds and the card is attached to the customer', async () => {
    const { page, card, intentId: setupIntentId, customerId } = await openPage();
    try {
      await fillCard(card, '4242 4242 4242 4242');
      await expect.poll(() => page.evaluate(() => window.__changeEvents.at(-1)?.complete)).toBe(true);
      await page.locator('[data-testid="payment-element"]').screenshot({ path: SCREENSHOT });

      // The card number never reaches the host page: the fields are in a cross-origin frame.
      expect(await page.content()).not.toContain('4242');
      expect(await page.evaluate(() => document.querySelector('iframe')?.contentDocument ?? null)).toBeNull();

      await page.getByRole('button', { name: 'Save card' }).click();
      await expect.poll(() => page.getByTestId('status').textContent()).toBe('succeeded');
      expect(await page.getByTestId('error').textContent()).toBe('');

      const setupIntent = await stripe.setupIntents.retrieve(setupIntentId);
      expect(setupIntent.status).toBe('succeeded');
      expect(typeof setupIntent.payment_method).toBe('string');
      const paymentMethod = await stripe.paymentMethods.retrieve(setupIntent.payment_method as string);
      expect(paymentMethod.customer).toBe(customerId);
      expect(paymentMethod.card?.last4).toBe('4242');
      expect(paymentMethod.card?.brand).toBe('visa');
      expect(paymentMethod.card?.exp_month).toBe(12);
      expect(paymentMethod.card?.exp_year).toBe(2034);
      expect(paymentMethod.billing_details.address?.postal_code).toBe('94107');
    } finally {
      await page.close();
    }
  });

  it('[customer] without redirect: if_required is sent to return_url with Stripe\'s query parameters', async () => {
    const { page, card, intentId: setupIntentId } = await openPage('setup', 'payment', 'auto', false, true);
    try {
      await fillCard(card, '4242 4242 4242 4242');
      await page.getByRole('button', { name: 'Save card' }).click();
      await page.waitForURL(/\/return\?/);
      const returned = new URL(page.url());
      expect(returned.searchParams.get('from')).toBe('test');
      expect(returned.searchParams.get('setup_intent')).toBe(setupIntentId);
      expect(returned.searchParams.get('setup_intent_client_secret')).toMatch(new RegExp(`^${setupIntentId}_secret_`));
      expect(returned.searchParams.get('redirect_status')).toBe('succeeded');
      expect((await stripe.setupIntents.retrieve(setupIntentId)).status).toBe('succeeded');
    } finally {
      await page.close();
    }
  });

  it('[customer] sees Stripe\'s validation messages while typing, with change events carrying the error', async () => {
    const { page, card } = await openPage();
    try {
      await card.getByLabel('Card number').fill('4242 4242 4242 4241');
      await expect.poll(() => card.getByText('Your card number is invalid.').isVisible()).toBe(true);
      const last = await page.evaluate(() => window.__changeEvents.at(-1));
      expect(last).toMatchObject({ elementType: 'payment', complete: false, empty: false, error: { type: 'validation_error', code: 'invalid_number' } });

      await card.getByLabel('Card number').fill('3782 822463 10005');
      await expect.poll(() => card.locator('#brand-icons').getAttribute('data-brand')).toBe('amex');
      await card.getByLabel('Expiration date').fill('01 / 20');
      await expect.poll(() => card.getByText("Your card's expiration year is in the past.").isVisible()).toBe(true);
      await page.locator('[data-testid="payment-element"]').screenshot({ path: '/tmp/seikyu-payment-element-error.png' });

      await page.getByRole('button', { name: 'Save card' }).click();
      await expect.poll(() => page.getByTestId('error').textContent()).toBe("Your card's expiration year is in the past.");
      expect(await page.getByTestId('status').textContent()).toBe('');
    } finally {
      await page.close();
    }
  });

  it('[customer] with a declined card (4000 0000 0000 0002) sees the decline message and the intent is not set up', async () => {
    const { page, card, intentId: setupIntentId } = await openPage();
    try {
      await fillCard(card, '4000 0000 0000 0002');
      await page.getByRole('button', { name: 'Save card' }).click();
      await expect.poll(() => page.getByTestId('error').textContent()).toBe('Your card was declined.');
      expect(await page.getByTestId('status').textContent()).toBe('');
      const setupIntent = await stripe.setupIntents.retrieve(setupIntentId);
      expect(setupIntent.status).toBe('requires_payment_method');
      expect(setupIntent.last_setup_error?.decline_code).toBe('generic_decline');
    } finally {
      await page.close();
    }
  });

  it('[customer] with a 3D Secure card (4000 0025 0000 3155) completes the challenge and the SetupIntent succeeds', async () => {
    const { page, card, intentId: setupIntentId } = await openPage();
    try {
      await fillCard(card, '4000 0025 0000 3155');
      await page.getByRole('button', { name: 'Save card' }).click();
      const challenge = page.frameLocator('iframe[title="3D Secure authentication"]');
      await expect.poll(() => challenge.getByRole('button', { name: 'Complete authentication' }).isVisible()).toBe(true);
      await page.screenshot({ path: '/tmp/seikyu-3ds-challenge.png' });
      await challenge.getByRole('button', { name: 'Complete authentication' }).click();
      await expect.poll(() => page.getByTestId('status').textContent()).toBe('succeeded');
      await expect.poll(() => page.locator('[data-seikyu-3ds]').count()).toBe(0);
      const setupIntent = await stripe.setupIntents.retrieve(setupIntentId);
      expect(setupIntent.status).toBe('succeeded');
      expect(setupIntent.payment_method).not.toBeNull();
    } finally {
      await page.close();
    }
  });

  it('[customer] with a 3D Secure card who fails the challenge sees the authentication error', async () => {
    const { page, card, intentId: setupIntentId } = await openPage();
    try {
      await fillCard(card, '4000 0025 0000 3155');
      await page.getByRole('button', { name: 'Save card' }).click();
      const challenge = page.frameLocator('iframe[title="3D Secure authentication"]');
      await challenge.getByRole('button', { name: 'Fail authentication' }).click();
      await expect.poll(() => page.getByTestId('error').textContent()).toMatch(/authentication failed/);
      expect(await page.getByTestId('status').textContent()).toBe('');
      const setupIntent = await stripe.setupIntents.retrieve(setupIntentId);
      expect(setupIntent.status).toBe('requires_payment_method');
      expect(setupIntent.last_setup_error?.code).toBe('setup_intent_authentication_failure');
      // Stripe.js hands back the intent's last_setup_error as the result's error.
      expect(await page.getByTestId('error').textContent()).toBe(setupIntent.last_setup_error?.message);
    } finally {
      await page.close();
    }
  });
});

describe('Stripe.js stand-in: <PaymentElement> with confirmPayment', { timeout: 60_000 }, () => {
  it('[customer] pays ¥1,500 with a 3D Secure card after completing the challenge; the card is saved for later', async () => {
    const { page, card, intentId: paymentIntentId, customerId } = await openPage('payment');
    try {
      await fillCard(card, '4000 0025 0000 3155');
      await page.getByRole('button', { name: 'Pay' }).click();
      const challenge = page.frameLocator('iframe[title="3D Secure authentication"]');
      await expect.poll(() => challenge.getByText('¥1,500').isVisible()).toBe(true);
      await challenge.getByRole('button', { name: 'Complete authentication' }).click();
      await expect.poll(() => page.getByTestId('status').textContent()).toBe('succeeded');
      const paymentIntent = await stripe.paymentIntents.retrieve(paymentIntentId);
      expect(paymentIntent.status).toBe('succeeded');
      expect(paymentIntent.amount_received).toBe(1500);
      const paymentMethod = await stripe.paymentMethods.retrieve(paymentIntent.payment_method as string);
      expect(paymentMethod.customer).toBe(customerId);
    } finally {
      await page.close();
    }
  });

  it('[customer] pays through a deferred intent (mode + amount, elements.submit(), then confirmPayment with the secret)', async () => {
    const { page, card, intentId: paymentIntentId } = await openPage('payment', 'payment', 'auto', true);
    try {
      await page.getByRole('button', { name: 'Pay' }).click();
      await expect.poll(() => page.getByTestId('error').textContent()).toBe('Your card number is incomplete.');
      expect((await stripe.paymentIntents.retrieve(paymentIntentId)).status).toBe('requires_payment_method');
      await fillCard(card, '4242 4242 4242 4242');
      await page.getByRole('button', { name: 'Pay' }).click();
      await expect.poll(() => page.getByTestId('status').textContent()).toBe('succeeded');
      expect((await stripe.paymentIntents.retrieve(paymentIntentId)).amount_received).toBe(1500);
    } finally {
      await page.close();
    }
  });

  it('[customer] paying with a card that has insufficient funds (4000 0000 0000 9995) sees why and is not charged', async () => {
    const { page, card, intentId: paymentIntentId } = await openPage('payment');
    try {
      await fillCard(card, '4000 0000 0000 9995');
      await page.getByRole('button', { name: 'Pay' }).click();
      await expect.poll(() => page.getByTestId('error').textContent()).toBe('Your card has insufficient funds.');
      const paymentIntent = await stripe.paymentIntents.retrieve(paymentIntentId);
      expect(paymentIntent.status).toBe('requires_payment_method');
      expect(paymentIntent.amount_received).toBe(0);
      expect(paymentIntent.last_payment_error?.decline_code).toBe('insufficient_funds');
    } finally {
      await page.close();
    }
  });
});

describe('Stripe.js stand-in: integration mistakes fail as with Stripe.js', { timeout: 60_000 }, () => {
  it('[developer] gets IntegrationErrors for a secret key, an unsupported element, confirming without submit() and a bad client secret', async () => {
    const { page } = await openPage();
    try {
      const messages = await page.evaluate(async () => {
        const StripeJs = (window as unknown as { Stripe: (key: string) => Record<string, (...args: unknown[]) => unknown> }).Stripe;
        const out: string[] = [];
        const attempt = async (fn: () => unknown) => {
          try {
            await fn();
            out.push('no error');
          } catch (error) {
            out.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
          }
        };
        await attempt(() => StripeJs('sk_test_secret'));
        const stripe = StripeJs('pk_test_emulator');
        const elements = stripe.elements({ mode: 'payment', amount: 1000, currency: 'jpy' }) as Record<string, (...args: unknown[]) => unknown>;
        await attempt(() => elements.create('address'));
        const element = elements.create('payment') as { mount: (node: Element) => void };
        const node = document.createElement('div');
        document.body.appendChild(node);
        element.mount(node);
        await attempt(() => stripe.confirmPayment({ elements, clientSecret: 'pi_123_secret_456', redirect: 'if_required' }));
        await attempt(() => stripe.retrieveSetupIntent('not-a-secret'));
        return out;
      });
      expect(messages[0]).toBe('IntegrationError: You should not use your secret key with Stripe.js. Please pass a publishable key instead.');
      expect(messages[1]).toMatch(/^IntegrationError: elements\.create\('address'\) is not supported/);
      expect(messages[2]).toMatch(/^IntegrationError: elements\.submit\(\) must be called before confirmPayment\(\)/);
      expect(messages[3]).toMatch(/^IntegrationError: Invalid value for stripe\.retrieveSetupIntent/);
    } finally {
      await page.close();
    }
  });
});

describe('Stripe.js stand-in: handleNextAction', { timeout: 60_000 }, () => {
  it('[customer] authenticates a payment the server confirmed (requires_action) and it succeeds', async () => {
    const customer = await stripe.customers.create({ email: 'next-action@example.com' });
    const paymentMethod = await stripe.paymentMethods.attach('pm_card_authenticationRequired', { customer: customer.id });
    const intent = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      customer: customer.id,
      payment_method: paymentMethod.id,
      confirm: true,
      return_url: 'https://example.com/return',
    });
    expect(intent.status).toBe('requires_action');
    const { page } = await openPage();
    try {
      const result = page.evaluate(async (clientSecret) => {
        const StripeJs = (window as unknown as { Stripe: (key: string) => { handleNextAction: (a: { clientSecret: string }) => Promise<{ paymentIntent?: { status: string }; error?: { code: string } }> } }).Stripe;
        const outcome = await StripeJs('pk_test_emulator').handleNextAction({ clientSecret });
        return outcome.paymentIntent?.status ?? outcome.error?.code ?? 'nothing';
      }, intent.client_secret ?? '');
      const challenge = page.frameLocator('iframe[title="3D Secure authentication"]');
      await expect.poll(() => challenge.getByText('$20.00').isVisible()).toBe(true);
      await challenge.getByRole('button', { name: 'Complete authentication' }).click();
      expect(await result).toBe('succeeded');
      expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
    } finally {
      await page.close();
    }
  });
});

describe('Stripe.js stand-in: Japanese', { timeout: 60_000 }, () => {
  it('[customer] with locale ja sees Japanese labels and messages, defaults to Japan without a postal code, and saves a JCB card', async () => {
    const { page, intentId: setupIntentId } = await openPage('setup', 'payment', 'ja');
    try {
      const card = page.frameLocator('iframe[title="Secure payment input frame"]');
      await card.getByLabel('カード番号').fill('4242 4242 4242 4241');
      await expect.poll(() => card.getByText('カード番号が無効です。').isVisible()).toBe(true);
      expect(await card.getByLabel('国または地域').inputValue()).toBe('JP');
      expect(await card.getByLabel('郵便番号').isVisible()).toBe(false);
      await card.getByLabel('カード番号').fill('3566 0020 2036 0505');
      await card.getByLabel('有効期限').fill('08 / 33');
      await card.getByLabel('セキュリティコード').fill('123');
      await page.getByRole('button', { name: 'Save card' }).click();
      await expect.poll(() => page.getByTestId('status').textContent()).toBe('succeeded');
      const setupIntent = await stripe.setupIntents.retrieve(setupIntentId, { expand: ['payment_method'] });
      const paymentMethod = setupIntent.payment_method as Stripe.PaymentMethod;
      expect(paymentMethod.card?.brand).toBe('jcb');
      expect(paymentMethod.billing_details.address?.country).toBe('JP');
    } finally {
      await page.close();
    }
  });
});

describe('Stripe.js stand-in: <CardElement> with confirmCardSetup', { timeout: 60_000 }, () => {
  it('[customer] saves a Mastercard through the one-line card field; the billing name and ZIP reach the PaymentMethod', async () => {
    const { page, intentId: setupIntentId, customerId } = await openPage('setup', 'card');
    try {
      const card = page.frameLocator('iframe[title="Secure card payment input frame"]');
      await card.getByLabel('Card number').fill('5555 5555 5555 4444');
      await expect.poll(() => page.evaluate(() => window.__changeEvents.at(-1))).toMatchObject({ elementType: 'card', brand: 'mastercard' });
      await card.getByLabel('Expiration date').fill('04 / 31');
      await card.getByLabel('Security code').fill('737');
      await card.getByLabel('ZIP').fill('10001');
      await expect.poll(() => page.evaluate(() => window.__changeEvents.at(-1)?.complete)).toBe(true);
      await page.getByRole('button', { name: 'Save card' }).click();
      await expect.poll(() => page.getByTestId('status').textContent()).toBe('succeeded');
      const setupIntent = await stripe.setupIntents.retrieve(setupIntentId, { expand: ['payment_method'] });
      expect(setupIntent.status).toBe('succeeded');
      const paymentMethod = setupIntent.payment_method as Stripe.PaymentMethod;
      expect(paymentMethod.customer).toBe(customerId);
      expect(paymentMethod.card?.brand).toBe('mastercard');
      expect(paymentMethod.card?.last4).toBe('4444');
      expect(paymentMethod.billing_details.name).toBe('Card Holder');
      expect(paymentMethod.billing_details.address?.postal_code).toBe('10001');
    } finally {
      await page.close();
    }
  });
});

import { expect, test } from '@playwright/test';
import Stripe from 'stripe';

test('[visitor] pages carry a nonce-based Content Security Policy and Next scripts use the nonce', async ({ page }) => {
  const response = await page.goto('/sign-in');
  const headers = response!.headers();
  const csp = headers['content-security-policy'];
  expect(csp).toBeTruthy();
  const nonce = /'nonce-([^']+)'/.exec(csp!)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBeTruthy();
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['x-powered-by']).toBeUndefined();

  // Every script the server renders carries this response's nonce (chunks those scripts load later are allowed
  // by 'strict-dynamic').
  const html = await response!.text();
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);

  // A second request gets a different nonce.
  const again = await page.request.get('/sign-in');
  expect(again.headers()['content-security-policy']).not.toContain(nonce!);
  expect(await again.text()).not.toContain(`nonce="${nonce}"`);
});

test('[visitor] the page works under its CSP (no violations, the form is interactive)', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  expect(violations).toEqual([]);
});

test('[Stripe App] the Dashboard app reaches its signed endpoint from the null origin; the rest of the site stays same-origin', async ({ request }) => {
  test.skip(Boolean(process.env.STRIPE_SECRET_KEY), 'signs with the emulator-mode app secret (absec_seikyu_emulator)');
  const path = '/api/stripe-app/customer-summary';

  // The sandboxed app's CORS preflight.
  const preflight = await request.fetch(path, {
    method: 'OPTIONS',
    headers: { origin: 'null', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,stripe-signature' },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-origin']).toBe('*');
  expect(preflight.headers()['access-control-allow-methods']).toContain('POST');
  expect(preflight.headers()['access-control-allow-headers']).toContain('stripe-signature');

  // A call signed as fetchStripeSignature() signs it (the SDK's test helper, the emulator-mode secret) passes the
  // signature and our-account checks of the running server and reaches the lookup: an unknown customer is a 404.
  const identity = { user_id: 'usr_e2eDashboardUser', account_id: 'acct_1SeikyuEmulator0' };
  const signature = new Stripe('sk_test_e2e').webhooks.generateTestHeaderString({ payload: JSON.stringify(identity), secret: 'absec_seikyu_emulator' });
  const signed = await request.post(path, {
    headers: { origin: 'null', 'stripe-signature': signature },
    data: { ...identity, customer_id: 'cus_NotInSeikyuE2E' },
  });
  expect(signed.status()).toBe(404);
  expect(signed.headers()['access-control-allow-origin']).toBe('*');
  expect(signed.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect((await signed.json()).error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing' });

  // Unsigned: 401, whatever cookies come along.
  const unsigned = await request.post(path, { headers: { origin: 'null' }, data: { ...identity, customer_id: 'cus_NotInSeikyuE2E' } });
  expect(unsigned.status()).toBe(401);

  // Pages keep their same-origin policy: no CORS header for anyone.
  const page = await request.get('/sign-in', { headers: { origin: 'null' } });
  expect(page.headers()['access-control-allow-origin']).toBeUndefined();
});

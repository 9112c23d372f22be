import { expect, test } from '@playwright/test';

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

// The plan picker and checkout with the Payment Element against the emulator's Stripe.js stand-in: subscribing
// in JPY, declines, 3-D Secure, promotion codes, cancel and resume. Amounts come from the seeded catalogue
// (lib/demo/catalog.ts): Starter ¥1,500 / month, Team ¥1,200 per seat / month.
import type { FrameLocator, Page } from '@playwright/test';
import { expect, OPERATOR_EMAIL, test, waitForMail } from './fixtures';
import { bringSubmitIntoView } from './checkout';
import { emulatorStripe, flushWebhooks } from './portal-billing-stripe';

function cardFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Secure payment input frame"]');
}

async function fillCard(page: Page, number: string): Promise<void> {
  const card = cardFrame(page);
  // English or Japanese, as the Payment Element follows the interface language.
  await card.getByLabel(/^(Card number|カード番号)$/).fill(number);
  await card.getByLabel(/^(Expiration date|有効期限)$/).fill('12 / 34');
  await card.getByLabel(/^(Security code|セキュリティコード)$/).fill('123');
  // The postal code is asked for a US card address, not for Japan (the Japanese interface's default country).
  const postal = card.getByLabel(/^(ZIP|郵便番号)$/).filter({ visible: true });
  if ((await postal.count()) > 0) await postal.first().fill('10001');
  await bringSubmitIntoView(page);
}

async function openCheckout(page: Page, organizationId: string, planName: string): Promise<void> {
  await page.goto(`/orgs/${organizationId}/plans`);
  await page.getByRole('button', { name: `Choose ${planName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${organizationId}/plans/checkout\\?`));
  await expect(page.getByRole('heading', { level: 1, name: 'Subscribe' })).toBeVisible();
  await expect(cardFrame(page).getByLabel('Card number')).toBeVisible();
}

/** A date as the English pages write it, e.g. "Jan 6, 2027". */
const englishDate = /[A-Z][a-z]{2} \d{1,2}, \d{4}/;

/** Buttons whose label wraps inside a word at the current width (a line starting without a space or punctuation before it). */
async function buttonsBrokenMidWord(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const breakAfter = new Set([' ', '、', '。', '）', ')', '」', '・', '/']);
    const breakBefore = new Set([' ', '（', '(', '「']);
    const broken: string[] = [];
    for (const button of Array.from(document.querySelectorAll<HTMLElement>('button, a.btn-primary, a.btn-secondary, a.btn-ghost'))) {
      if (button.offsetParent === null) continue;
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      const chars: { char: string; top: number }[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (rect.width > 0) chars.push({ char: text[i]!, top: Math.round(rect.top) });
        }
      }
      for (let i = 1; i < chars.length; i++) {
        if (chars[i]!.top > chars[i - 1]!.top + 2 && !breakAfter.has(chars[i - 1]!.char) && !breakBefore.has(chars[i]!.char)) {
          broken.push(button.textContent?.trim() ?? '');
          break;
        }
      }
    }
    return broken;
  });
}

async function expectSubscribed(page: Page, organizationId: string, planName: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/orgs/${organizationId}/subscription\\?started=1`), { timeout: 20_000 });
  await expect(page.getByTestId('subscription-started')).toBeVisible();
  const plan = page.getByTestId('subscription-plan');
  await expect(plan.getByRole('heading', { name: planName })).toBeVisible();
  await expect(plan.getByText('Active', { exact: true })).toBeVisible();
}

test('[customer] sees the catalogue in yen: monthly and annual plans, per-seat quantity, metered and one-off prices', async ({ customer }) => {
  const { page, organizationId } = customer;
  const { url } = await emulatorStripe(page);
  await flushWebhooks(page, url);

  // On the free plan: named once, no next invoice date, and the free tier's ¥0 invoice listed nowhere.
  await page.goto(`/orgs/${organizationId}`);
  const plan = page.getByTestId('current-plan');
  await expect(plan.getByText('Free', { exact: true })).toHaveCount(1);
  await expect(page.getByTestId('next-invoice').getByText('No upcoming invoice')).toBeVisible();
  await expect(page.getByTestId('next-invoice').getByText('The free plan is never charged.')).toBeVisible();
  await expect(page.getByTestId('next-invoice')).not.toContainText(englishDate);
  await expect(page.getByTestId('recent-invoices')).toContainText('No invoices yet');
  await page.goto(`/orgs/${organizationId}/invoices`);
  await expect(page.getByText('No invoices yet')).toBeVisible();
  await expect(page.getByTestId('invoices-table')).toHaveCount(0);

  await page.goto(`/orgs/${organizationId}/plans`);
  await expect(page.getByText('Prices in JPY')).toBeVisible();
  await expect(page.getByTestId('plan-seikyu_free_monthly')).toContainText('Current plan');
  // "Your subscription" is for a paid plan; the free plan has nothing there to manage.
  await expect(page.getByRole('link', { name: 'Your subscription' })).toHaveCount(0);
  // The meter by its display name, never its event name.
  await expect(page.getByTestId('plan-seikyu_on_demand_device_hours')).toContainText('measured by the “Device hours” meter');
  await expect(page.getByTestId('plan-seikyu_on_demand_device_hours')).not.toContainText('device_hours');
  await expect(page.getByTestId('plan-seikyu_starter_monthly').getByTestId('plan-price')).toHaveText('¥1,500 / month');
  await expect(page.getByTestId('plan-seikyu_team_monthly').getByTestId('plan-price')).toHaveText('¥1,200 per seat / month');
  await expect(page.getByTestId('plan-seikyu_team_monthly').getByLabel('Seats')).toHaveValue('1');
  await expect(page.getByTestId('plan-seikyu_on_demand_device_hours')).toContainText('¥20 per device-hour');
  await expect(page.getByTestId('plan-seikyu_pass_30d')).toContainText('¥3,000');
  await expect(page.getByTestId('plan-seikyu_exam_course')).toContainText('¥9,800');

  await page.getByRole('link', { name: 'Annual' }).click();
  await expect(page.getByTestId('plan-seikyu_starter_annual').getByTestId('plan-price')).toHaveText('¥15,000 / year');
  await expect(page.getByTestId('plan-seikyu_starter_monthly')).toHaveCount(0);
});

test('[customer] subscribes in JPY with 4242 4242 4242 4242 and the free tier is replaced', async ({ customer }) => {
  const { page, organizationId } = customer;
  await openCheckout(page, organizationId, 'Starter');
  await expect(page.getByTestId('checkout-total')).toHaveText('¥1,500');
  // What happens next, as Stripe Checkout says it: the renewal, the authorization, the amount on the button.
  // Yen prices include the tax (税込), and both sentences say so.
  await expect(page.getByTestId('checkout-then')).toHaveText(new RegExp(`^Then ¥1,500 \\(tax incl\\.\\) every month from ${englishDate.source}$`));
  await expect(page.getByTestId('checkout-authorization')).toContainText('you authorize us to charge your card ¥1,500 (tax included) every month from');
  await expect(page.getByTestId('checkout-authorization')).toContainText('until you cancel');
  // The promotion code comes before the card.
  const codeBox = (await page.getByLabel('Promotion code').boundingBox())!;
  const cardBox = (await page.getByTestId('payment-element').boundingBox())!;
  expect(codeBox.y).toBeLessThan(cardBox.y);
  // Yen prices include consumption tax (総額表示): the total is the price, the tax inside it is shown.
  await expect(page.getByTestId('checkout-price')).toContainText('(tax incl.)');
  await expect(page.getByTestId('checkout-summary').getByTestId('tax-line')).toHaveText(/^Incl\. consumption tax 10%\s*¥136$/);
  await fillCard(page, '4242 4242 4242 4242');
  // A double click sends one checkout: the button is disabled while it runs and the attempt key is the same.
  await page.getByRole('button', { name: 'Pay ¥1,500 and subscribe' }).dblclick();
  await expectSubscribed(page, organizationId, 'Starter');
  await expect(page.getByTestId('subscription-plan')).toContainText('¥1,500 / month');

  // The subscription page is in the side menu.
  await page.goto(`/orgs/${organizationId}`);
  await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Subscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Subscription' })).toBeVisible();

  await page.goto(`/orgs/${organizationId}`);
  const plan = page.getByTestId('current-plan');
  await expect(plan.getByText('Starter', { exact: true })).toBeVisible();
  await expect(plan.getByText('Free', { exact: true })).toHaveCount(0);
  // The next invoice with its amount and date, from the mirror.
  await expect(page.getByTestId('next-invoice-amount')).toHaveText('¥1,500');
  await expect(page.getByTestId('next-invoice-date')).toHaveText(new RegExp(`^On ${englishDate.source}$`));
  await expect(page.getByTestId('recent-invoices')).toContainText('¥1,500');
  await expect(page.getByTestId('payment-failed-banner')).toHaveCount(0);
  // A recent invoice opens its page.
  const invoiceLink = page.getByTestId('recent-invoices').getByRole('link', { name: /^View invoice / });
  await expect(invoiceLink).toHaveCount(1);
  await invoiceLink.click();
  await expect(page.getByRole('heading', { level: 1, name: /^Invoice / })).toBeVisible();
  await expect(page.getByTestId('invoice-lines')).toContainText('Starter');

  // The invoice list shows the period the invoice pays for.
  await page.goto(`/orgs/${organizationId}/invoices`);
  await expect(page.getByTestId('invoices-table').getByRole('row').filter({ hasText: '¥1,500' }).getByTestId('invoice-period')).toHaveText(
    new RegExp(`^${englishDate.source} – ${englishDate.source}$`),
  );

  // On a paid plan, each other plan is one named step to the subscription page.
  await page.goto(`/orgs/${organizationId}/plans`);
  await expect(page.getByRole('link', { name: 'Your subscription' })).toBeVisible();
  // Add-ons and usage are not plan changes: no "Change to" on them.
  await expect(page.getByRole('link', { name: /^Change to / })).toHaveCount(1);
  await page.getByRole('link', { name: 'Annual' }).click();
  await expect(page.getByRole('link', { name: 'Change to Starter' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Change to Team' })).toBeVisible();
  await page.goto(`/orgs/${organizationId}/plans`);
  await page.getByRole('link', { name: 'Change to Team' }).click();
  await expect(page.getByTestId('change-plan').getByLabel('New plan').locator('option:checked')).toHaveText('Team — ¥1,200 per seat / month');
});

test('[customer] declined card then success; the operators are emailed the decline at once', async ({ customer }) => {
  const { page, organizationId } = customer;
  await openCheckout(page, organizationId, 'Starter');
  await fillCard(page, '4000 0000 0000 0002');
  const declinedAt = Date.now();
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByTestId('checkout-error')).toHaveText('Your card was declined. Try another card or contact your card issuer.');
  // invoice.payment_failed → webhook → outbox → the job runner delivers the operator alert within seconds.
  const alert = await waitForMail(page, OPERATOR_EMAIL, declinedAt);
  expect(alert.subject).toMatch(/^Payment failed: .+, ¥1,500$/);
  expect(alert.text).toContain('The card was declined by the card issuer.');
  expect(alert.text).toContain(`/admin/customers/${organizationId}`);
  expect(Date.parse(alert.createdAt) - declinedAt).toBeLessThan(15_000);

  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expectSubscribed(page, organizationId, 'Starter');
});

test('[customer] 3-D Secure complete', async ({ customer }) => {
  const { page, organizationId } = customer;
  await openCheckout(page, organizationId, 'Starter');
  await fillCard(page, '4000 0025 0000 3155');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await page.frameLocator('iframe[title="3D Secure authentication"]').getByRole('button', { name: 'Complete authentication' }).click();
  await expectSubscribed(page, organizationId, 'Starter');
});

test('[customer] 3-D Secure fail', async ({ customer }) => {
  const { page, organizationId } = customer;
  await openCheckout(page, organizationId, 'Starter');
  await fillCard(page, '4000 0025 0000 3155');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await page.frameLocator('iframe[title="3D Secure authentication"]').getByRole('button', { name: 'Fail authentication' }).click();
  await expect(page.getByTestId('checkout-error')).toHaveText(
    'We could not verify your card with your bank (3-D Secure). Try again or use another card.',
  );
  await expect(page).toHaveURL(/\/plans\/checkout\?/);
  // Still on the free tier.
  await page.goto(`/orgs/${organizationId}/plans`);
  await expect(page.getByTestId('plan-seikyu_free_monthly')).toContainText('Current plan');
});

test('[customer] a wrong promotion code is refused beside the field; the right one lowers the total, the button and the charge', async ({ customer }) => {
  const { page, organizationId } = customer;
  await openCheckout(page, organizationId, 'Team');
  const code = page.getByRole('textbox', { name: 'Promotion code' });
  await code.fill('nosuchcode');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('promotion-code-error')).toHaveText('The code “NOSUCHCODE” does not exist. Check the spelling.');
  // Refused, it is not added: no code to remove, the total is still the price.
  await expect(page.getByTestId('promotion-codes')).toHaveCount(0);
  await expect(page.getByTestId('checkout-total')).toHaveText('¥1,200');

  await code.fill('WELCOME10');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  // Stripe's preview of the first invoice: the code's line, the tax on what is left, the total, the button.
  const line = page.getByTestId('checkout-summary').getByTestId('discount-line');
  await expect(line).toContainText('Welcome 10%');
  await expect(line).toContainText('WELCOME10 · 10% off once');
  await expect(line).toContainText('−¥120');
  await expect(page.getByTestId('promotion-code-error')).toHaveCount(0);
  await expect(page.getByTestId('checkout-total')).toHaveText('¥1,080');
  await expect(page.getByTestId('checkout-summary').getByTestId('tax-line')).toHaveText(/^Incl\. consumption tax 10%\s*¥98$/);
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay ¥1,080 and subscribe' }).click();
  await expectSubscribed(page, organizationId, 'Team');
  await page.goto(`/orgs/${organizationId}`);
  // What the page said is what was charged: ¥1,200 less 10 %.
  await expect(page.getByTestId('recent-invoices')).toContainText('¥1,080');
});

test('[customer] a one-time code is refused on the usage plan; a repeating one is kept and shown on the subscription page', async ({ customer }) => {
  const { page, organizationId } = customer;
  await page.goto(`/orgs/${organizationId}/plans`);
  await page.getByTestId('plan-seikyu_on_demand_device_hours').getByRole('button', { name: 'Choose On-demand 10 devices' }).click();
  await expect(cardFrame(page).getByLabel('Card number')).toBeVisible();
  const code = page.getByRole('textbox', { name: 'Promotion code' });
  // The first invoice of usage billed in arrears is ¥0: a one-time code would take nothing off it.
  await code.fill('WELCOME10');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('promotion-code-error')).toContainText(
    'The code “WELCOME10” takes off one invoice only, and nothing is charged on this plan’s first invoice',
  );
  await expect(page.getByTestId('promotion-codes')).toHaveCount(0);
  await code.fill('LAUNCH20');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('discount-line')).toContainText('LAUNCH20 · 20% off for 3 months');
  await expect(page.getByTestId('checkout-discounts-continue')).toHaveText('Renewals are charged less the discounts still running.');
  await expect(page.getByTestId('checkout-total')).toHaveText('¥0');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Subscribe (nothing due today)' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${organizationId}/subscription\\?started=1`), { timeout: 20_000 });

  // The code applied at checkout is on the subscription page: what it takes off and until when.
  const discounts = page.getByTestId('subscription-discounts');
  await expect(discounts.getByTestId('subscription-discount')).toHaveCount(1);
  await expect(discounts).toContainText('Launch 20% for 3 months');
  await expect(discounts).toContainText('20% off for 3 months');
  await expect(discounts).toContainText(new RegExp(`Until ${englishDate.source}`));
});

test('[customer] cancels at period end with a reason, then resumes', async ({ customer }) => {
  const { page, organizationId } = customer;
  await openCheckout(page, organizationId, 'Starter');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expectSubscribed(page, organizationId, 'Starter');

  await page.getByLabel('Why are you cancelling?').selectOption('too_expensive');
  // Cancelling asks first; keeping the plan changes nothing.
  await page.getByRole('button', { name: 'Cancel at period end' }).click();
  const question = page.getByRole('group', { name: /^Your plan will end on .+ Cancel the plan\?$/ });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Keep the plan' }).click();
  await expect(page.getByTestId('subscription-period')).toContainText('Renews on');
  await page.getByRole('button', { name: 'Cancel at period end' }).click();
  await question.getByRole('button', { name: 'Yes, cancel the plan' }).click();
  await expect(page.getByTestId('subscription-period')).toContainText('Ends on');
  await page.getByRole('button', { name: 'Resume the plan' }).click();
  await expect(page.getByTestId('subscription-period')).toContainText('Renews on');
  await expect(page.getByRole('button', { name: 'Cancel at period end' })).toBeVisible();
});

test('[customer] upgrades with preview and the charged amount equals the preview', async ({ customer }) => {
  const { page, organizationId } = customer;
  await openCheckout(page, organizationId, 'Starter');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expectSubscribed(page, organizationId, 'Starter');

  const change = page.getByTestId('change-plan');
  // A monthly plan's change starts on another monthly plan, not an annual price.
  await expect(change.getByLabel('New plan').locator('option:checked')).toHaveText('Team — ¥1,200 per seat / month');
  await change.getByLabel('New plan').selectOption({ label: 'Team — ¥1,200 per seat / month' });
  await change.getByLabel('Seats').fill('2');
  await change.getByRole('button', { name: 'Preview the change' }).click();
  const preview = page.getByTestId('plan-change-preview');
  await expect(preview.getByRole('heading', { name: 'Charged or credited now' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Your next invoice' })).toBeVisible();
  await expect(preview).toContainText('¥2,400');
  // The tax per rate, now and on the next invoice: ¥2,400 holds ¥218 (net ¥2,182).
  const taxLines = preview.getByTestId('tax-line');
  await expect(taxLines).toHaveCount(2);
  await expect(taxLines.first()).toContainText('Incl. consumption tax 10%');
  await expect(taxLines.last()).toHaveText(/^Incl\. consumption tax 10%\s*¥218$/);
  await expect(page.getByTestId('preview-next-total')).toHaveText('¥2,400');
  const previewed = (await page.getByTestId('preview-amount-due').textContent())!.trim();
  expect(previewed).toMatch(/^¥[\d,]+$/);

  await preview.getByRole('button', { name: 'Confirm the change' }).click();
  await expect(page.getByTestId('plan-changed')).toBeVisible();
  await expect(page.getByTestId('subscription-plan').getByRole('heading', { name: 'Team' })).toBeVisible();
  await page.goto(`/orgs/${organizationId}/invoices`);
  // The proration invoice was paid for exactly the previewed amount.
  const charged = page.getByRole('row').filter({ hasText: previewed });
  await expect(charged).toHaveCount(1);
  await expect(charged).toContainText('Paid');
  // The invoice states its tax per rate, from the mirror.
  await charged.getByRole('link', { name: /^View invoice / }).click();
  await expect(page.getByTestId('invoice-tax-line')).toHaveCount(1);
  await expect(page.getByTestId('invoice-tax-line')).toContainText('Incl. consumption tax 10%');
  await expect(page.getByTestId('invoice-totals')).toContainText('Total (incl. tax)');

  // Back down to Starter, a plan without seats: the preview credits the unused Team time (the seat count of the
  // current plan is not sent for a plan that takes none).
  await page.goto(`/orgs/${organizationId}/subscription`);
  await change.getByLabel('New plan').selectOption({ label: 'Starter — ¥1,500 / month' });
  await expect(change.getByLabel('Seats')).toHaveCount(0);
  await change.getByRole('button', { name: 'Preview the change' }).click();
  await expect(preview.getByRole('heading', { name: 'Your next invoice' })).toBeVisible();
  await expect(page.getByTestId('preview-next-total')).toHaveText('¥1,500');
  await expect(change.getByRole('alert')).toHaveCount(0);
});

test('[customer] switches to paying by bank transfer and back to card', async ({ customer }) => {
  const { page, organizationId } = customer;
  await openCheckout(page, organizationId, 'Starter');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expectSubscribed(page, organizationId, 'Starter');

  const collection = page.getByTestId('collection-method');
  await expect(collection.getByTestId('collection-current')).toHaveText('Your card is charged automatically.');
  await collection.getByRole('button', { name: 'Pay by bank transfer instead (invoice due in 30 days)' }).click();
  await expect(collection.getByTestId('collection-current')).toHaveText('You receive an invoice and pay it by bank transfer within 30 days.');
  await collection.getByRole('button', { name: 'Pay by card instead' }).click();
  await expect(collection.getByTestId('collection-current')).toHaveText('Your card is charged automatically.');
});

test('[customer] a failed payment puts a banner on every page that links to the open invoice', async ({ customer }) => {
  const { page, organizationId } = customer;
  await openCheckout(page, organizationId, 'Starter');
  // Insufficient funds: the first invoice's payment is attempted and fails.
  await fillCard(page, '4000 0000 0000 9995');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByTestId('checkout-error')).toHaveText('Your card has insufficient funds. Try another card.');

  // The mirror learns about the failed attempt through the webhooks; every portal page then shows the banner.
  await expect(async () => {
    await page.goto(`/orgs/${organizationId}`);
    await expect(page.getByTestId('payment-failed-banner')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.goto(`/orgs/${organizationId}/plans`);
  const banner = page.getByTestId('payment-failed-banner');
  await expect(banner).toContainText('A payment failed');
  await expect(banner.getByRole('link', { name: 'Pay the open invoice' })).toHaveAttribute('href', new RegExp(`/orgs/${organizationId}/invoices/in_`));
});

test('[customer] subscribes in Japanese', async ({ customer }) => {
  const { page, organizationId } = customer;
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '概要' })).toBeVisible();
  await page.goto(`/orgs/${organizationId}/plans`);
  await expect(page.getByRole('heading', { level: 1, name: 'プラン' })).toBeVisible();
  // Names from the catalogue's Japanese display names.
  await expect(page.getByTestId('plan-seikyu_starter_monthly').getByRole('heading', { name: 'スターター' })).toBeVisible();
  await expect(page.getByTestId('plan-seikyu_starter_monthly').getByTestId('plan-price')).toHaveText('￥1,500 / 月');
  await expect(page.getByTestId('plan-seikyu_team_monthly').getByTestId('plan-price')).toHaveText('1席あたり￥1,200 / 月');
  await expect(page.getByTestId('plan-seikyu_on_demand_device_hours')).toContainText('「デバイス稼働時間」メーター');
  await page.getByRole('button', { name: 'スターターを選択' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '申し込み' })).toBeVisible();
  await expect(page.getByTestId('checkout-summary')).toContainText('スターター');
  await expect(page.getByTestId('checkout-then')).toHaveText(/^\d{4}\/\d{2}\/\d{2}以降は毎月￥1,500（税込）$/);
  await expect(page.getByTestId('checkout-authorization')).toContainText('毎月￥1,500（税込）をこのカードに請求');
  await expect(page.getByTestId('checkout-authorization')).not.toContainText('該当する場合');
  await expect(page.getByTestId('checkout-authorization')).toContainText('解約されるまで');
  await expect(page.getByTestId('checkout-authorization')).toContainText('承認したものとみなされます');
  await expect(page.getByTestId('checkout-price')).toContainText('（税込）');
  await expect(page.getByTestId('checkout-summary').getByTestId('tax-line')).toHaveText(/^内消費税（10%）\s*￥136$/);
  await fillCard(page, '4000 0000 0000 0002');
  await page.getByRole('button', { name: '￥1,500を支払って申し込む' }).click();
  await expect(page.getByTestId('checkout-error')).toHaveText('カードが拒否されました。別のカードをお試しいただくか、カード会社にお問い合わせください。');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: '申し込む' }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${organizationId}/subscription\\?started=1`), { timeout: 20_000 });
  await expect(page.getByTestId('subscription-started')).toHaveText('新しいプランが有効になりました。ありがとうございます。');
  await expect(page.getByTestId('subscription-plan').getByText('有効', { exact: true })).toBeVisible();
  await expect(page.getByTestId('subscription-plan').getByRole('heading', { name: 'スターター' })).toBeVisible();

  // At phone width no button label breaks inside a word.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['subscription', 'plans', 'payment-methods']) {
    await page.goto(`/orgs/${organizationId}/${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await buttonsBrokenMidWord(page), `${path} at 390px`).toEqual([]);
  }
});

test('[customer] adds a promotion code to the running plan after checkout', async ({ customer }) => {
  const { page, organizationId } = customer;
  await openCheckout(page, organizationId, 'Starter');
  await fillCard(page, '4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expectSubscribed(page, organizationId, 'Starter');

  const form = page.getByTestId('promotion-code-form');
  await form.getByLabel('Code').fill('nosuchcode');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByRole('alert')).toHaveText('The code “NOSUCHCODE” does not exist. Check the spelling.');
  await form.getByLabel('Code').fill('THANKYOU500');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByRole('status')).toHaveText('The code has been applied to your plan.');
});

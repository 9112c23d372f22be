// @vitest-environment jsdom
// The checkout's promotion codes as the customer uses them: a code is added only when the server accepts it, and
// then the summary's discount line, the total, the button and the Payment Element's amount all say the previewed
// amount due; a refused code shows its sentence beside the field and changes nothing; removing the last code goes
// back to the price; Subscribe sends only the accepted codes.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/messages/en.json';
import { CheckoutAmountsProvider, CheckoutDiscountRows, CheckoutTotal, type CheckoutAmounts } from './checkout-amounts';
import { CheckoutForm, type CheckoutLabels } from './checkout-form';

const elements = vi.hoisted(() => ({ update: vi.fn(), submit: vi.fn(async () => ({})) }));
vi.mock('@stripe/react-stripe-js', () => ({ useElements: () => elements, useStripe: () => ({}), PaymentElement: () => null }));
vi.mock('@/components/stripe/stripe-elements-client', () => ({ StripeElementsClient: ({ children }: { children: ReactNode }) => children }));

const tax = (amount: number) => ({ rateId: 'txr_1', displayName: '消費税', percentage: 10, inclusive: true, amount, taxableAmount: 0 });
const welcome = { name: 'Welcome 10%', code: 'WELCOME10', percentOff: 10, amountOff: null, currency: 'jpy', duration: 'once', durationInMonths: null, amount: 150, terms: '10% off once' };
const previewCheckout = vi.hoisted(() => vi.fn());
const startSubscription = vi.hoisted(() => vi.fn(async (_input: Record<string, unknown>) => ({ data: { subscriptionId: 'sub_1', intent: { kind: 'none' } } })));
vi.mock('@/lib/actions/billing/preview-checkout', () => ({ previewCheckoutAction: previewCheckout }));
vi.mock('@/lib/actions/billing/start-subscription', () => ({ startSubscriptionAction: startSubscription }));
// Not yet active: the form stays (jsdom cannot navigate to the subscription page).
vi.mock('@/lib/actions/billing/finish-subscription', () => ({ finishSubscriptionAction: async () => ({ data: { status: 'incomplete' } }) }));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const m = en.plans.checkout;
const labels: CheckoutLabels = {
  card: m.card,
  loadError: m.loadError,
  invalidInput: m.invalidInput,
  declines: m.declines,
  promotionCode: m.promotionCode,
  promotionCodeHelp: m.promotionCodeHelp,
  addCode: m.addCode,
  removeCode: m.removeCode,
  checkingCode: m.checkingCode,
  button: { subscribeAndPay: m.subscribeAndPay, subscribeNothingToday: m.subscribeNothingToday },
  subscribing: m.subscribing,
  notActive: m.notActive,
  authorization: 'By subscribing…',
};

const initial: CheckoutAmounts = { currency: 'jpy', discounts: [], taxes: [tax(136)], amountDue: 1500 };

function renderCheckout() {
  render(
    <CheckoutAmountsProvider initial={initial}>
      <dl data-testid="summary">
        <CheckoutDiscountRows locale="en" />
        <dd data-testid="total">
          <CheckoutTotal locale="en" />
        </dd>
      </dl>
      <CheckoutForm
        organizationId="org_1"
        priceId="price_starter"
        quantity={1}
        attempt="00000000-0000-4000-8000-000000000000"
        amount={1500}
        currency="jpy"
        locale="en"
        setup={{ publishableKey: 'pk_test_1', scriptUrl: null, nonce: undefined } as never}
        successPath="/orgs/org_1/subscription?started=1"
        maxPromotionCodes={3}
        labels={labels}
      />
    </CheckoutAmountsProvider>,
  );
}

async function addCode(code: string) {
  fireEvent.change(screen.getByRole('textbox', { name: m.promotionCode }), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: m.addCode }));
  await waitFor(() => expect(previewCheckout).toHaveBeenCalled());
}

describe('CheckoutForm promotion codes', () => {
  it('adds an accepted code: its discount line, the total, the button and the Payment Element say the previewed amount', async () => {
    previewCheckout.mockResolvedValueOnce({
      data: { currency: 'jpy', codes: ['WELCOME10'], subtotal: 1500, discounts: [welcome], taxes: [tax(123)], total: 1350, amountDue: 1350 },
    });
    renderCheckout();
    expect(screen.getByRole('button', { name: 'Pay ¥1,500 and subscribe' })).toBeTruthy();
    await addCode('welcome10');
    expect(previewCheckout.mock.calls[0]![0]).toEqual({ organizationId: 'org_1', priceId: 'price_starter', quantity: 1, promotionCodes: ['WELCOME10'] });
    await waitFor(() => expect(screen.getByTestId('total').textContent).toBe('¥1,350'));
    const line = within(screen.getByTestId('summary')).getByTestId('discount-line');
    expect(line.textContent).toBe('Welcome 10%WELCOME10 · 10% off once−¥150');
    expect(screen.getByRole('button', { name: 'Pay ¥1,350 and subscribe' })).toBeTruthy();
    expect(within(screen.getByTestId('promotion-codes')).getByText('WELCOME10')).toBeTruthy();
    expect(elements.update).toHaveBeenLastCalledWith({ amount: 1350 });
    expect((screen.getByRole('textbox', { name: m.promotionCode }) as HTMLInputElement).value).toBe('');

    // Subscribe sends the accepted codes, never an amount.
    fireEvent.submit(screen.getByTestId('checkout-form'));
    await waitFor(() => expect(startSubscription).toHaveBeenCalledTimes(1));
    expect(startSubscription.mock.calls[0]![0]).toEqual({
      organizationId: 'org_1',
      priceId: 'price_starter',
      quantity: 1,
      promotionCodes: ['WELCOME10'],
      attempt: '00000000-0000-4000-8000-000000000000',
    });
  });

  it('does not add a refused code: its sentence shows beside the field and nothing else changes', async () => {
    previewCheckout.mockResolvedValueOnce({ serverError: { code: 'invalid_input', error: 'The code “BOGUS” does not exist. Check the spelling.' } });
    renderCheckout();
    await addCode('BOGUS');
    const alert = await screen.findByTestId('promotion-code-error');
    expect(alert.textContent).toBe('The code “BOGUS” does not exist. Check the spelling.');
    expect(screen.getByRole('textbox', { name: m.promotionCode }).getAttribute('aria-describedby')).toContain(alert.id);
    expect(screen.queryByTestId('promotion-codes')).toBeNull();
    expect(screen.queryByTestId('discount-line')).toBeNull();
    expect(screen.getByTestId('total').textContent).toBe('¥1,500');
    expect(screen.getByRole('button', { name: 'Pay ¥1,500 and subscribe' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: m.promotionCode }) as HTMLInputElement).value).toBe('BOGUS');
  });

  it('goes back to the price when the last code is removed, without asking the server', async () => {
    previewCheckout.mockResolvedValueOnce({
      data: { currency: 'jpy', codes: ['WELCOME10'], subtotal: 1500, discounts: [welcome], taxes: [tax(123)], total: 1350, amountDue: 1350 },
    });
    renderCheckout();
    await addCode('WELCOME10');
    fireEvent.click(await screen.findByRole('button', { name: `${m.removeCode} WELCOME10` }));
    await waitFor(() => expect(screen.getByTestId('total').textContent).toBe('¥1,500'));
    expect(previewCheckout).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('discount-line')).toBeNull();
    expect(elements.update).toHaveBeenLastCalledWith({ amount: 1500 });
  });
});

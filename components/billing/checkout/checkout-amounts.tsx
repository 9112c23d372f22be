'use client';
// What the checkout summary says is due, shared by the summary and the card form: the page starts it from the
// catalogue (no codes: the price and its tax), and each promotion code the customer adds or removes replaces it
// with the server's answer, Stripe's preview of the first invoice (lib/billing/subscriptions/checkout-preview.ts).
// The summary's discount lines, tax and total and the form's button all read this one value, so they never
// disagree.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { TaxRows, type TaxRowLabels } from '@/components/billing/tax/tax-rows';
import type { TaxLine } from '@/lib/billing/tax/tax-lines';
import { formatMoney } from '@/lib/i18n/format';

export type CheckoutDiscountLine = {
  code: string;
  /** The coupon's name (else the code). */
  name: string;
  /** What it takes off and for how long ("10% off once"), in the page's language. */
  terms: string;
  /** Taken off the first invoice. */
  amount: number;
  /** Runs on after the first invoice (repeating or forever): the renewals are charged less it too. */
  continues: boolean;
};

export type CheckoutAmounts = {
  currency: string;
  discounts: CheckoutDiscountLine[];
  taxes: TaxLine[];
  /** Charged when the customer presses the button. */
  amountDue: number;
};

type AmountsState = { amounts: CheckoutAmounts; initial: CheckoutAmounts; setAmounts: (amounts: CheckoutAmounts) => void };

const AmountsContext = createContext<AmountsState | null>(null);

export function CheckoutAmountsProvider({ initial, children }: { initial: CheckoutAmounts; children: ReactNode }) {
  const [amounts, setAmounts] = useState(initial);
  const value = useMemo(() => ({ amounts, initial, setAmounts }), [amounts, initial]);
  return <AmountsContext.Provider value={value}>{children}</AmountsContext.Provider>;
}

export function useCheckoutAmounts(): AmountsState {
  const state = useContext(AmountsContext);
  if (!state) throw new Error('useCheckoutAmounts outside CheckoutAmountsProvider');
  return state;
}

/** One row per accepted code in the summary's definition list: its name, code and terms, and what it takes off. */
export function CheckoutDiscountRows({ locale }: { locale: string }) {
  const { amounts } = useCheckoutAmounts();
  return amounts.discounts.map((discount) => (
    <div key={discount.code} className="flex justify-between gap-3" data-testid="discount-line">
      <dt className="text-slate-600">
        {discount.name}
        <span className="block text-xs">
          <span className="font-mono">{discount.code}</span> · {discount.terms}
        </span>
      </dt>
      <dd className="whitespace-nowrap tabular-nums">{formatMoney(discount.amount === 0 ? 0 : -discount.amount, amounts.currency, locale)}</dd>
    </div>
  ));
}

export function CheckoutTaxRows({ locale, labels }: { locale: string; labels: TaxRowLabels }) {
  const { amounts } = useCheckoutAmounts();
  return <TaxRows taxes={amounts.taxes} currency={amounts.currency} locale={locale} labels={labels} as="div" />;
}

/** The amount due today, announced when a code changes it. */
export function CheckoutTotal({ locale }: { locale: string }) {
  const { amounts } = useCheckoutAmounts();
  return <span aria-live="polite">{formatMoney(amounts.amountDue, amounts.currency, locale)}</span>;
}

/** Said only while a discount runs on after the first invoice: the renewals promised above are charged less it. */
export function CheckoutDiscountsContinue({ text }: { text: string }) {
  const { amounts } = useCheckoutAmounts();
  if (!amounts.discounts.some((d) => d.continues)) return null;
  return (
    <p className="mt-1 text-sm text-slate-700" data-testid="checkout-discounts-continue">
      {text}
    </p>
  );
}

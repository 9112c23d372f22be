'use client';
// The form both payment flows render: the card in <PaymentElement>, anything the flow adds (checkout's
// promotion codes), the error sentence, one submit button. State comes from `useDeferredPayment`; the
// <Elements> provider around it from `DeferredPaymentElements`, in the flow's mode.
import { PaymentElement } from '@stripe/react-stripe-js';
import type { FormEvent, ReactNode } from 'react';
import { StripeElementsClient } from '@/components/stripe/stripe-elements-client';
import type { DeferredPaymentLabels, DeferredPaymentProps } from './use-deferred-payment';

export function DeferredPaymentElements({
  mode,
  props,
  children,
}: {
  mode: 'payment' | 'subscription';
  props: DeferredPaymentProps<DeferredPaymentLabels>;
  children: ReactNode;
}) {
  return (
    <StripeElementsClient
      setup={props.setup}
      intent={{ mode, amount: props.amount, currency: props.currency }}
      locale={props.locale}
      loadErrorMessage={props.labels.loadError}
    >
      {children}
    </StripeElementsClient>
  );
}

export type DeferredPaymentFormProps = {
  testId: string;
  cardLabel: string;
  submitLabel: string;
  busyLabel: string;
  error: string | null;
  busy: boolean;
  ready: boolean;
  onSubmit: (event: FormEvent) => void;
  /** Fields before the card (checkout's promotion codes: a discount is settled before the card is asked for). */
  beforeCard?: ReactNode;
  /** Fields after the card. */
  children?: ReactNode;
  /** Fine print right above the button (the authorization for recurring charges). */
  terms?: ReactNode;
};

export function DeferredPaymentForm(props: DeferredPaymentFormProps) {
  return (
    <form onSubmit={props.onSubmit} className="space-y-5" noValidate data-testid={props.testId}>
      {props.beforeCard}
      <div role="group" aria-label={props.cardLabel} className="min-w-0">
        <div data-testid="payment-element" className="w-full min-w-0">
          <PaymentElement />
        </div>
      </div>
      {props.children}
      {props.error ? (
        <p className="alert-error" role="alert" data-testid="checkout-error">
          {props.error}
        </p>
      ) : null}
      {props.terms}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={!props.ready || props.busy} aria-busy={props.busy}>
        {props.busy ? props.busyLabel : props.submitLabel}
      </button>
    </form>
  );
}

'use client';
// Buying a one-off item or the 30-day pass: the same deferred-intent Payment Element flow as checkout
// (`useDeferredPayment`, mode `payment`). Starting creates the one-off invoice and returns its client secret;
// finishing lets the server verify the invoice is paid, then shows it. After a decline the customer retries the
// same invoice with another card, never a second one.
import { useAction } from 'next-safe-action/hooks';
import { finishOneOffPurchaseAction } from '@/lib/actions/billing/finish-one-off-purchase';
import { startOneOffPurchaseAction } from '@/lib/actions/billing/start-one-off-purchase';
import { DeferredPaymentElements, DeferredPaymentForm } from './deferred-payment-form';
import { actionOutcome, useDeferredPayment, type DeferredPaymentLabels, type DeferredPaymentProps } from './use-deferred-payment';

export type OneOffPurchaseLabels = DeferredPaymentLabels & { buy: string; buying: string; notPaid: string };

/** `successPath`: where to go once paid; `{invoice}` is replaced by the invoice id. */
export type OneOffPurchaseFormProps = DeferredPaymentProps<OneOffPurchaseLabels>;

type Started = { invoiceId: string; intent: { kind: 'payment'; clientSecret: string } | { kind: 'none' } };

function PurchaseFields(props: OneOffPurchaseFormProps) {
  const { labels } = props;
  const start = useAction(startOneOffPurchaseAction);
  const finish = useAction(finishOneOffPurchaseAction);
  const payment = useDeferredPayment<Started>({
    declines: labels.declines,
    start: async () =>
      actionOutcome(await start.executeAsync({ organizationId: props.organizationId, priceId: props.priceId, attempt: props.attempt }), labels.invalidInput),
    finish: async ({ invoiceId }) => {
      const finished = await finish.executeAsync({ organizationId: props.organizationId, invoiceId });
      if (finished?.serverError) return { error: finished.serverError.error };
      // Only a paid invoice counts; anything else (still open, void) keeps the customer here.
      if (finished?.data?.status !== 'paid') return { error: labels.notPaid };
      return { next: props.successPath.replace('{invoice}', invoiceId) };
    },
  });

  return (
    <DeferredPaymentForm
      testId="purchase-form"
      cardLabel={labels.card}
      submitLabel={labels.buy}
      busyLabel={labels.buying}
      error={payment.error}
      busy={payment.busy}
      ready={payment.ready}
      onSubmit={payment.onSubmit}
    />
  );
}

export function OneOffPurchaseForm(props: OneOffPurchaseFormProps) {
  return (
    <DeferredPaymentElements mode="payment" props={props}>
      <PurchaseFields {...props} />
    </DeferredPaymentElements>
  );
}

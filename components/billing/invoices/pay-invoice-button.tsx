'use client';
// Pays an open invoice with the default card. `attempt` is issued by the server with each render, so a double
// click sends one intent and a retry after a decline is a new one.
import { useRef } from 'react';
import { useAction } from 'next-safe-action/hooks';
import { payInvoiceAction } from '@/lib/actions/billing/pay-invoice';

export function PayInvoiceButton(props: {
  organizationId: string;
  invoiceId: string;
  attempt: string;
  label: string;
  pendingLabel: string;
}) {
  const { execute, isPending, result } = useAction(payInvoiceAction, {
    onSettled: () => {
      submitting.current = false;
    },
  });
  // The button disables on the next render; this stops a second click that lands before it.
  const submitting = useRef(false);
  const submit = () => {
    if (submitting.current) return;
    submitting.current = true;
    execute({ organizationId: props.organizationId, invoiceId: props.invoiceId, attempt: props.attempt });
  };
  return (
    <form action={submit} className="space-y-3">
      {result.serverError ? (
        <p className="alert-error" role="alert">
          {result.serverError.error}
        </p>
      ) : null}
      <button type="submit" className="btn-primary" disabled={isPending}>
        {isPending ? props.pendingLabel : props.label}
      </button>
    </form>
  );
}

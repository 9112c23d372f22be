'use client';
// The operator actions an invoice's status allows (the server decides which; it checks again on submit). Each asks
// for confirmation before anything is sent (resend names the address it goes to); void and mark uncollectible also
// for a reason. A resend then says to whom Stripe sent it. `attempt` comes from the server with each render, so a
// double click resends once.
import { useAction } from 'next-safe-action/hooks';
import { useRef, useState } from 'react';
import { manageInvoiceAction } from '@/lib/actions/admin/manage-invoice';
import { resendInvoiceAction } from '@/lib/actions/admin/resend-invoice';
import type { OperatorInvoiceAction } from '@/lib/billing/operator-invoices/invoice-action-rules';
import { fillTemplate } from '@/lib/i18n/fill-template';
import { ConfirmStep, useConfirmStep } from '@/components/ui/confirm-step';
import { useHydrated } from '@/components/ui/use-hydrated';

export type InvoiceActionLabels = Record<OperatorInvoiceAction, string> & {
  confirm: Record<OperatorInvoiceAction, string>;
  reasonLabel: string;
  cancel: string;
  done: string;
  /** Raw template: `{email}`. */
  resent: string;
};

export function InvoiceActionsForm(props: { invoiceId: string; attempt: string; actions: OperatorInvoiceAction[]; labels: InvoiceActionLabels }) {
  const manage = useAction(manageInvoiceAction);
  const resend = useAction(resendInvoiceAction);
  const hydrated = useHydrated();
  const step = useConfirmStep<OperatorInvoiceAction>();
  const pending = step.asking;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);

  async function run(action: OperatorInvoiceAction) {
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result =
        action === 'resend'
          ? await resend.executeAsync({ invoiceId: props.invoiceId, attempt: props.attempt })
          : await manage.executeAsync({ invoiceId: props.invoiceId, action, reason: reason || undefined });
      if (result?.serverError) setError(result.serverError.error);
      else if (result?.validationErrors) setError(props.labels.reasonLabel);
      else {
        const recipient = result?.data && 'recipient' in result.data ? result.data.recipient : null;
        setDone(recipient ? fillTemplate(props.labels.resent, { email: recipient }) : props.labels.done);
        step.close();
        setReason('');
      }
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }

  const needsReason = pending === 'void' || pending === 'mark_uncollectible';
  return (
    <div className="space-y-3" data-testid="invoice-actions">
      {error ? (
        <p className="alert-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="alert-info" role="status">
          {done}
        </p>
      ) : null}
      {pending ? (
        // A form, so the browser asks for the reason before anything is sent.
        <ConfirmStep
          role="form"
          question={props.labels.confirm[pending]}
          confirmLabel={props.labels[pending]}
          backLabel={props.labels.cancel}
          pending={busy}
          onConfirm={() => void run(pending)}
          onBack={step.close}
        >
          {needsReason ? (
            <div>
              <label htmlFor="invoice-action-reason" className="label">
                {props.labels.reasonLabel}
              </label>
              <textarea id="invoice-action-reason" className="input" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
          ) : null}
        </ConfirmStep>
      ) : (
        <div className="flex flex-wrap gap-2">
          {props.actions.map((action) => (
            <button
              key={action}
              ref={step.openerRef(action)}
              type="button"
              className={action === 'void' || action === 'mark_uncollectible' ? 'btn-secondary' : 'btn-primary'}
              disabled={busy || !hydrated}
              onClick={() => {
                setDone(null);
                step.ask(action);
              }}
            >
              {props.labels[action]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

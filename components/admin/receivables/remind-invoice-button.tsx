'use client';
// "Remind the customer" on one open invoice (admin:invoices:resend; support may). A second click the same day
// queues nothing more; the server decides, the button only reports.
import { useAction } from 'next-safe-action/hooks';
import { remindInvoiceAction } from '@/lib/actions/admin/remind-invoice';
import { useHydrated } from '@/components/ui/use-hydrated';

export function RemindInvoiceButton(props: { invoiceId: string; labels: { remind: string; reminded: string; alreadyReminded: string } }) {
  const { execute, isPending, result } = useAction(remindInvoiceAction);
  const hydrated = useHydrated();
  const outcome = result.data?.outcome;
  return (
    <div>
      <button type="button" className="btn-secondary py-1 text-xs" disabled={isPending || !hydrated} onClick={() => execute({ invoiceId: props.invoiceId })}>
        {props.labels.remind}
      </button>
      {outcome ? (
        <p className="text-xs text-slate-600" role="status">
          {outcome === 'queued' ? props.labels.reminded : props.labels.alreadyReminded}
        </p>
      ) : null}
      {result.serverError ? (
        <p className="field-error" role="alert">
          {result.serverError.error}
        </p>
      ) : null}
    </div>
  );
}

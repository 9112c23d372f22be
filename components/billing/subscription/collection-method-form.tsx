'use client';
// Owner's choice: card charged automatically, or an invoice to pay by bank transfer.
import { useRouter } from 'next/navigation';
import { useAction } from 'next-safe-action/hooks';
import { changeCollectionMethodAction } from '@/lib/actions/billing/change-collection-method';
import { useHydrated } from '@/components/ui/use-hydrated';

export function CollectionMethodForm({
  organizationId,
  subscriptionId,
  current,
  attempt,
  labels,
}: {
  organizationId: string;
  subscriptionId: string;
  current: 'send_invoice' | 'charge_automatically';
  attempt: string;
  labels: { toInvoice: string; toCard: string; pending: string };
}) {
  const router = useRouter();
  const { execute, isPending, result } = useAction(changeCollectionMethodAction, { onSuccess: () => router.refresh() });
  const hydrated = useHydrated();
  const method = current === 'send_invoice' ? 'charge_automatically' : 'send_invoice';
  return (
    <div className="space-y-2">
      {result.serverError ? (
        <p className="alert-error" role="alert">
          {result.serverError.error}
        </p>
      ) : null}
      <button type="button" className="btn-secondary" disabled={isPending || !hydrated} onClick={() => execute({ organizationId, subscriptionId, method, attempt })}>
        {isPending ? labels.pending : method === 'send_invoice' ? labels.toInvoice : labels.toCard}
      </button>
    </div>
  );
}

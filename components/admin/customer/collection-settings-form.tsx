'use client';
// Per-customer collection method and days until due (admins), and Resync from Stripe (support too). The server
// re-checks the permission; amounts and ids never come from here, only the organization and the choice.
import { useAction } from 'next-safe-action/hooks';
import { useState } from 'react';
import { resyncCustomerAction, setCustomerCollectionAction } from '@/lib/actions/customers/customer-settings';
import { useHydrated } from '@/components/ui/use-hydrated';

type Method = 'charge_automatically' | 'send_invoice';

export function CollectionSettingsForm(props: {
  organizationId: string;
  current: { collectionMethod: Method; daysUntilDue: number | null };
  labels: { collectionMethod: string; daysUntilDue: string; save: string; saved: string; methods: Record<Method, string> };
}) {
  const [method, setMethod] = useState<Method>(props.current.collectionMethod);
  const [days, setDays] = useState(String(props.current.daysUntilDue ?? 30));
  const { execute, isPending, result } = useAction(setCustomerCollectionAction);
  const hydrated = useHydrated();
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-3"
      data-testid="collection-settings"
      onSubmit={(e) => {
        e.preventDefault();
        execute({ organizationId: props.organizationId, collectionMethod: method, daysUntilDue: method === 'send_invoice' ? Number(days) : null });
      }}
    >
      <label className="text-sm font-medium text-slate-700">
        {props.labels.collectionMethod}
        <select className="input mt-1 block" value={method} onChange={(e) => setMethod(e.target.value as Method)}>
          <option value="charge_automatically">{props.labels.methods.charge_automatically}</option>
          <option value="send_invoice">{props.labels.methods.send_invoice}</option>
        </select>
      </label>
      {method === 'send_invoice' ? (
        <label className="text-sm font-medium text-slate-700">
          {props.labels.daysUntilDue}
          <input className="input mt-1 block w-24" type="number" min={0} max={365} value={days} onChange={(e) => setDays(e.target.value)} required />
        </label>
      ) : null}
      <button type="submit" className="btn-primary" disabled={isPending || !hydrated}>
        {props.labels.save}
      </button>
      {result.data ? (
        <p className="w-full text-sm text-slate-600" role="status">
          {props.labels.saved.replace('{count}', String(result.data.updated))}
        </p>
      ) : null}
      {result.serverError ? (
        <p className="field-error w-full" role="alert">
          {result.serverError.error}
        </p>
      ) : null}
    </form>
  );
}

export function ResyncButton(props: { organizationId: string; label: string; doneLabel: string }) {
  const { execute, isPending, result } = useAction(resyncCustomerAction);
  const hydrated = useHydrated();
  const data = result.data;
  return (
    <div>
      <button type="button" className="btn-secondary" disabled={isPending || !hydrated} onClick={() => execute({ organizationId: props.organizationId })} data-testid="resync-customer">
        {props.label}
      </button>
      {data ? (
        <p className="text-xs text-slate-600" role="status">
          {props.doneLabel
            .replace('{subscriptions}', String(data.subscriptions))
            .replace('{invoices}', String(data.invoices))
            .replace('{paymentMethods}', String(data.paymentMethods))}
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

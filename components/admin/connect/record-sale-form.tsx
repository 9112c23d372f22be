'use client';
// Records a sale split between payees: the customer, the service (a one-time price with a split rule), one payee
// per role, and whether to charge the customer's saved card now. `attempt` comes from the page, so a double
// click records one sale; the server looks every id up and re-checks the split.
import { useAction } from 'next-safe-action/hooks';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { recordSaleAction } from '@/lib/actions/admin/record-sale';
import type { PayeeRole } from '@/lib/connect/payee-roles';
import { fillTemplate } from '@/lib/i18n/fill-template';

export type SaleFormOptions = {
  organizations: { id: string; name: string }[];
  prices: { id: string; label: string; roles: string[] }[];
  payees: { id: string; label: string; role: string }[];
};

export type RecordSaleLabels = {
  organization: string;
  price: string;
  choose: string;
  /** The payee select's label per role. */
  payeeFor: Record<PayeeRole, string>;
  chargeSavedCard: string;
  submit: string;
  /** Raw template with `{invoice}` and `{status}`. */
  recorded: string;
  saleStatus: Record<'awaiting_payment' | 'paid' | 'refunded', string>;
  invalidInput: string;
};

export function RecordSaleForm(props: SaleFormOptions & { attempt: string; labels: RecordSaleLabels }) {
  const { labels } = props;
  const router = useRouter();
  const record = useAction(recordSaleAction);
  const [priceId, setPriceId] = useState(props.prices[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submitting = useRef(false);
  const roles = (props.prices.find((p) => p.id === priceId)?.roles ?? []) as PayeeRole[];
  return (
    <form
      className="grid gap-3 sm:grid-cols-2"
      data-testid="record-sale-form"
      action={async (form) => {
        if (submitting.current) return;
        submitting.current = true;
        setError(null);
        setDone(null);
        try {
          const result = await record.executeAsync({
            organizationId: String(form.get('organizationId') ?? ''),
            priceId,
            payees: roles.map((role) => ({ role, payeeId: String(form.get(`payee-${role}`) ?? '') })),
            chargeSavedCard: form.get('chargeSavedCard') === 'on',
            attempt: props.attempt,
          });
          if (result?.serverError) setError(result.serverError.error);
          else if (result?.validationErrors) setError(labels.invalidInput);
          else if (result?.data) {
            setDone(fillTemplate(labels.recorded, { invoice: result.data.invoiceId ?? '—', status: labels.saleStatus[result.data.status] }));
            router.refresh();
          }
        } finally {
          submitting.current = false;
        }
      }}
    >
      <div>
        <label htmlFor="sale-organization" className="label">
          {labels.organization}
        </label>
        <select id="sale-organization" name="organizationId" className="input" required defaultValue="">
          <option value="" disabled>
            {labels.choose}
          </option>
          {props.organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="sale-price" className="label">
          {labels.price}
        </label>
        <select id="sale-price" name="priceId" className="input" required value={priceId} onChange={(e) => setPriceId(e.target.value)}>
          {props.prices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      {roles.map((role) => (
        <div key={role}>
          <label htmlFor={`sale-payee-${role}`} className="label">
            {labels.payeeFor[role]}
          </label>
          <select id={`sale-payee-${role}`} name={`payee-${role}`} className="input" required defaultValue="">
            <option value="" disabled>
              {labels.choose}
            </option>
            {props.payees.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="chargeSavedCard" defaultChecked />
        {labels.chargeSavedCard}
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={record.isExecuting || roles.length === 0}>
          {labels.submit}
        </button>
        {done ? (
          <span role="status" className="text-sm text-green-700">
            {done}
          </span>
        ) : null}
        {error ? (
          <span role="alert" className="text-sm text-red-700">
            {error}
          </span>
        ) : null}
      </div>
    </form>
  );
}


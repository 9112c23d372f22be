'use client';
// "Hold invoices for review" for one organization, price or product: on/off and an optional "first N invoices".
import { useAction } from 'next-safe-action/hooks';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { setReviewHoldAction } from '@/lib/actions/admin/set-review-hold';

export type ReviewHoldLabels = { hold: string; firstInvoices: string; firstInvoicesHint: string; save: string; saved: string };

export function ReviewHoldForm(props: {
  scope: 'organization' | 'price' | 'product';
  targetId: string;
  current: { firstInvoices: number | null } | null;
  labels: ReviewHoldLabels;
}) {
  const save = useAction(setReviewHoldAction);
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const id = `hold-${props.scope}-${props.targetId}`;
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      data-testid={`review-hold-${props.targetId}`}
      action={async (form) => {
        setError(null);
        setSaved(false);
        const first = String(form.get('firstInvoices') ?? '').trim();
        const result = await save.executeAsync({
          scope: props.scope,
          targetId: props.targetId,
          enabled: form.get('enabled') === 'on',
          firstInvoices: first ? Number(first) : null,
        });
        if (result?.serverError) setError(result.serverError.error);
        else if (result?.validationErrors) setError(props.labels.firstInvoicesHint);
        else {
          setSaved(true);
          router.refresh();
        }
      }}
    >
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={props.current !== null} />
        {props.labels.hold}
      </label>
      <div className="w-40">
        <label htmlFor={id} className="label">
          {props.labels.firstInvoices}
        </label>
        <input id={id} name="firstInvoices" type="number" min={1} max={100} className="input" defaultValue={props.current?.firstInvoices ?? ''} />
      </div>
      <button type="submit" className="btn-secondary" disabled={save.isExecuting}>
        {props.labels.save}
      </button>
      {saved ? <span role="status" className="text-sm text-green-700">{props.labels.saved}</span> : null}
      {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
    </form>
  );
}

'use client';
// The reviewer's controls on a held draft: add a one-off line, remove one, apply or remove a coupon, edit the memo,
// and approve (finalize and, for card customers, charge now) after a confirmation. The server re-checks everything;
// `attempt` comes with each render so a double click adds one line.
import { useAction } from 'next-safe-action/hooks';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { approveDraftAction } from '@/lib/actions/admin/approve-draft';
import { editDraftAction } from '@/lib/actions/admin/edit-draft';
import { ConfirmStep, useConfirmStep } from '@/components/ui/confirm-step';
import { useHydrated } from '@/components/ui/use-hydrated';

export type ReviewLabels = {
  addItem: string;
  itemDescription: string;
  itemAmount: string;
  coupon: string;
  applyCoupon: string;
  removeCoupon: string;
  memo: string;
  saveMemo: string;
  approve: string;
  confirmApprove: string;
  cancel: string;
  keepHolding: string;
};

export function ReviewDraftForm(props: { invoiceId: string; attempt: string; memo: string; hasDiscount: boolean; labels: ReviewLabels }) {
  const edit = useAction(editDraftAction);
  const approve = useAction(approveDraftAction);
  const hydrated = useHydrated();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const step = useConfirmStep();
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);
  const { labels } = props;

  async function guarded(run: () => Promise<{ serverError?: { error: string }; validationErrors?: unknown } | undefined>, after?: () => void) {
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await run();
      if (result?.serverError) setError(result.serverError.error);
      else if (result?.validationErrors) setError(labels.itemAmount);
      else after?.();
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }

  const editWith = (value: Parameters<typeof edit.executeAsync>[0]['edit']) => guarded(() => edit.executeAsync({ invoiceId: props.invoiceId, edit: value }), () => router.refresh());

  return (
    <div className="space-y-4" data-testid="review-controls">
      {error ? (
        <p className="alert-error" role="alert">
          {error}
        </p>
      ) : null}
      <form
        className="flex flex-wrap items-end gap-3"
        aria-label={labels.addItem}
        action={(form) =>
          editWith({ kind: 'add_item', description: String(form.get('description') ?? ''), amount: Number(form.get('amount')), attempt: `${props.attempt}:item` })
        }
      >
        <div className="w-full sm:w-64">
          <label htmlFor="review-item-description" className="label">
            {labels.itemDescription}
          </label>
          <input id="review-item-description" name="description" className="input" required maxLength={200} />
        </div>
        <div className="w-full sm:w-32">
          <label htmlFor="review-item-amount" className="label">
            {labels.itemAmount}
          </label>
          <input id="review-item-amount" name="amount" type="number" min={1} step={1} className="input" required />
        </div>
        <button type="submit" className="btn-secondary" disabled={busy || !hydrated}>
          {labels.addItem}
        </button>
      </form>
      <form
        className="flex flex-wrap items-end gap-3"
        aria-label={labels.coupon}
        action={(form) => editWith({ kind: 'coupon', couponId: String(form.get('coupon') ?? ''), attempt: props.attempt })}
      >
        <div className="w-full sm:w-64">
          <label htmlFor="review-coupon" className="label">
            {labels.coupon}
          </label>
          <input id="review-coupon" name="coupon" className="input" required maxLength={200} />
        </div>
        <button type="submit" className="btn-secondary" disabled={busy || !hydrated}>
          {labels.applyCoupon}
        </button>
        {props.hasDiscount ? (
          <button type="button" className="btn-secondary" disabled={busy || !hydrated} onClick={() => editWith({ kind: 'coupon', couponId: null, attempt: props.attempt })}>
            {labels.removeCoupon}
          </button>
        ) : null}
      </form>
      <form
        className="space-y-2"
        aria-label={labels.memo}
        action={(form) => editWith({ kind: 'memo', description: String(form.get('memo') ?? ''), attempt: `${props.attempt}:memo` })}
      >
        <label htmlFor="review-memo" className="label">
          {labels.memo}
        </label>
        <textarea id="review-memo" name="memo" className="input" maxLength={1500} defaultValue={props.memo} />
        <button type="submit" className="btn-secondary" disabled={busy || !hydrated}>
          {labels.saveMemo}
        </button>
      </form>
      {step.asking ? (
        <ConfirmStep
          question={labels.confirmApprove}
          confirmLabel={labels.approve}
          backLabel={labels.cancel}
          pending={busy}
          onConfirm={() => void guarded(() => approve.executeAsync({ invoiceId: props.invoiceId }), () => router.push(`/admin/invoices/${props.invoiceId}`))}
          onBack={step.close}
        />
      ) : (
        <div className="flex gap-2">
          <button type="button" ref={step.openerRef()} className="btn-primary" disabled={!hydrated} onClick={() => step.ask()}>
            {labels.approve}
          </button>
          <Link href="/admin/invoices/review" className="btn-secondary">
            {labels.keepHolding}
          </Link>
        </div>
      )}
    </div>
  );
}

/** Removes one one-off line from the held draft. */
export function RemoveDraftItemButton(props: { invoiceId: string; invoiceItemId: string; label: string }) {
  const edit = useAction(editDraftAction);
  const hydrated = useHydrated();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      action={async () => {
        const result = await edit.executeAsync({ invoiceId: props.invoiceId, edit: { kind: 'remove_item', invoiceItemId: props.invoiceItemId } });
        if (result?.serverError) setError(result.serverError.error);
        else router.refresh();
      }}
    >
      <button type="submit" className="text-xs text-red-700 underline" disabled={edit.isExecuting || !hydrated}>
        {props.label}
      </button>
      {error ? <span role="alert" className="ml-2 text-xs text-red-700">{error}</span> : null}
    </form>
  );
}

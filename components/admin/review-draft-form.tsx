'use client';
// The reviewer's controls on a held draft: add a one-off line, remove one, add a coupon (to those already applied),
// remove one discount, edit the memo (printed on the customer's invoice), and approve (finalize and, for card
// customers, charge now) after a confirmation. The server re-checks everything; `attempt` comes with each render so
// a double click adds one line.
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
  /** Under the coupon field: it adds to the discounts already applied. */
  couponHelp: string;
  applyCoupon: string;
  memo: string;
  /** Under the memo field: the customer reads it on the invoice. */
  memoHelp: string;
  saveMemo: string;
  approve: string;
  confirmApprove: string;
  cancel: string;
  keepHolding: string;
};

export function ReviewDraftForm(props: { invoiceId: string; attempt: string; memo: string; labels: ReviewLabels }) {
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
        action={(form) => editWith({ kind: 'add_coupon', couponId: String(form.get('coupon') ?? ''), attempt: `${props.attempt}:coupon` })}
      >
        <div className="w-full sm:w-64">
          <label htmlFor="review-coupon" className="label">
            {labels.coupon}
          </label>
          <input id="review-coupon" name="coupon" className="input" required maxLength={200} aria-describedby="review-coupon-help" />
        </div>
        <button type="submit" className="btn-secondary" disabled={busy || !hydrated}>
          {labels.applyCoupon}
        </button>
        <p id="review-coupon-help" className="w-full text-xs text-slate-600">
          {labels.couponHelp}
        </p>
      </form>
      <form
        className="space-y-2"
        aria-label={labels.memo}
        action={(form) => editWith({ kind: 'memo', description: String(form.get('memo') ?? ''), attempt: `${props.attempt}:memo` })}
      >
        <label htmlFor="review-memo" className="label">
          {labels.memo}
        </label>
        <textarea id="review-memo" name="memo" className="input" maxLength={1500} defaultValue={props.memo} aria-describedby="review-memo-help" />
        <p id="review-memo-help" className="text-xs text-slate-600">
          {labels.memoHelp}
        </p>
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

type RemoveEdit = { kind: 'remove_item'; invoiceItemId: string } | { kind: 'remove_discount'; discountId: string };

/** Removes one thing from the held draft: a one-off line, or one discount (the others stay). */
function RemoveFromDraftButton(props: { invoiceId: string; edit: RemoveEdit; label: string; accessibleLabel?: string; testId?: string }) {
  const edit = useAction(editDraftAction);
  const hydrated = useHydrated();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="inline"
      action={async () => {
        const result = await edit.executeAsync({ invoiceId: props.invoiceId, edit: props.edit });
        if (result?.serverError) setError(result.serverError.error);
        else router.refresh();
      }}
    >
      <button
        type="submit"
        className="text-xs text-red-700 underline"
        aria-label={props.accessibleLabel}
        data-testid={props.testId}
        disabled={edit.isExecuting || !hydrated}
      >
        {props.label}
      </button>
      {error ? <span role="alert" className="ml-2 text-xs text-red-700">{error}</span> : null}
    </form>
  );
}

/** Removes one one-off line from the held draft. */
export function RemoveDraftItemButton(props: { invoiceId: string; invoiceItemId: string; label: string }) {
  return <RemoveFromDraftButton invoiceId={props.invoiceId} edit={{ kind: 'remove_item', invoiceItemId: props.invoiceItemId }} label={props.label} />;
}

/** Removes one discount from the held draft; `accessibleLabel` names it ("Remove Welcome 10%"). */
export function RemoveDraftDiscountButton(props: { invoiceId: string; discountId: string; label: string; accessibleLabel: string }) {
  return (
    <RemoveFromDraftButton
      invoiceId={props.invoiceId}
      edit={{ kind: 'remove_discount', discountId: props.discountId }}
      label={props.label}
      accessibleLabel={props.accessibleLabel}
      testId="review-remove-discount"
    />
  );
}

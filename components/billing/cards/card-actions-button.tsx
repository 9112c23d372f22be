'use client';
// Make default / remove, for one card. Owners and billing managers only (the page renders it only for them).
// Removing asks first: "Remove Visa •••• 4242" turns into a question with "Yes, remove" and "Keep the card".
import { useAction } from 'next-safe-action/hooks';
import { useId, useState } from 'react';
import { makeDefaultCardAction } from '@/lib/actions/billing/make-default-card';
import { removeCardAction } from '@/lib/actions/billing/remove-card';
import { useHydrated } from '@/components/ui/use-hydrated';

export function CardActionsButton(props: {
  organizationId: string;
  paymentMethodId: string;
  isDefault: boolean;
  labels: {
    makeDefault: string;
    remove: string;
    removeNamed: string;
    makeDefaultNamed: string;
    /** The confirmation step (`paymentMethods.confirmRemove`). */
    confirmRemove: { question: string; confirm: string; removing: string; keep: string };
  };
}) {
  const ask = props.labels.confirmRemove;
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const makeDefault = useAction(makeDefaultCardAction);
  const remove = useAction(removeCardAction, { onSettled: () => setConfirming(false) });
  const error = makeDefault.result.serverError?.error ?? remove.result.serverError?.error;
  const busy = makeDefault.isPending || remove.isPending;
  const hydrated = useHydrated();
  const input = { organizationId: props.organizationId, paymentMethodId: props.paymentMethodId };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {!props.isDefault && !confirming ? (
          <button
            type="button"
            className="btn-secondary"
            aria-label={props.labels.makeDefaultNamed}
            disabled={busy || !hydrated}
            onClick={() => {
              remove.reset();
              makeDefault.execute(input);
            }}
          >
            {props.labels.makeDefault}
          </button>
        ) : null}
        {confirming ? (
          <div role="group" aria-labelledby={`${id}-question`} className="flex flex-wrap items-center gap-2" data-testid="remove-card-confirm">
            <p id={`${id}-question`} className="text-sm text-slate-800">
              {ask.question}
            </p>
            <button
              type="button"
              className="btn-secondary text-red-700"
              disabled={busy}
              onClick={() => {
                makeDefault.reset();
                remove.execute(input);
              }}
            >
              {remove.isPending ? ask.removing : ask.confirm}
            </button>
            <button type="button" className="btn-ghost" disabled={busy} onClick={() => setConfirming(false)}>
              {ask.keep}
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="btn-ghost text-red-700"
            aria-label={props.labels.removeNamed}
            disabled={busy || !hydrated}
            onClick={() => {
              makeDefault.reset();
              remove.reset();
              setConfirming(true);
            }}
          >
            {props.labels.remove}
          </button>
        )}
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

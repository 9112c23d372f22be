'use client';
// Make default / remove, for one card. Owners and billing managers only (the page renders it only for them).
import { useAction } from 'next-safe-action/hooks';
import { makeDefaultCardAction } from '@/lib/actions/billing/make-default-card';
import { removeCardAction } from '@/lib/actions/billing/remove-card';

export function CardActionsButton(props: {
  organizationId: string;
  paymentMethodId: string;
  isDefault: boolean;
  labels: { makeDefault: string; remove: string; removeNamed: string; makeDefaultNamed: string };
}) {
  const makeDefault = useAction(makeDefaultCardAction);
  const remove = useAction(removeCardAction);
  const error = makeDefault.result.serverError?.error ?? remove.result.serverError?.error;
  const busy = makeDefault.isPending || remove.isPending;
  const input = { organizationId: props.organizationId, paymentMethodId: props.paymentMethodId };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {!props.isDefault ? (
          <button
            type="button"
            className="btn-secondary"
            aria-label={props.labels.makeDefaultNamed}
            disabled={busy}
            onClick={() => {
              remove.reset();
              makeDefault.execute(input);
            }}
          >
            {props.labels.makeDefault}
          </button>
        ) : null}
        <button
          type="button"
          className="btn-ghost text-red-700"
          aria-label={props.labels.removeNamed}
          disabled={busy}
          onClick={() => {
            makeDefault.reset();
            remove.execute(input);
          }}
        >
          {props.labels.remove}
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

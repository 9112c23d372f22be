'use client';
// Make default / remove, for one card. Owners and billing managers only (the page renders it only for them).
// Removing asks first: "Remove Visa •••• 4242" turns into a question with "Yes, remove" and "Keep the card".
import { useAction } from 'next-safe-action/hooks';
import { makeDefaultCardAction } from '@/lib/actions/billing/make-default-card';
import { removeCardAction } from '@/lib/actions/billing/remove-card';
import { ConfirmStep, useConfirmStep } from '@/components/ui/confirm-step';
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
  const step = useConfirmStep();
  const confirming = step.asking !== null;
  const makeDefault = useAction(makeDefaultCardAction);
  const remove = useAction(removeCardAction, { onSettled: () => step.close() });
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
          <ConfirmStep
            inline
            tone="danger"
            testId="remove-card-confirm"
            question={ask.question}
            confirmLabel={ask.confirm}
            pendingLabel={ask.removing}
            backLabel={ask.keep}
            pending={busy}
            onConfirm={() => {
              makeDefault.reset();
              remove.execute(input);
            }}
            onBack={step.close}
          />
        ) : (
          <button
            type="button"
            ref={step.openerRef()}
            className="btn-ghost text-red-700"
            aria-label={props.labels.removeNamed}
            disabled={busy || !hydrated}
            onClick={() => {
              makeDefault.reset();
              remove.reset();
              step.ask();
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

'use client';
// Revoking is irreversible: the first press asks, the second revokes.
import { useAction } from 'next-safe-action/hooks';
import { revokeApiKeyAction } from '@/lib/actions/usage/revoke-api-key';
import { ConfirmStep, useConfirmStep } from '@/components/ui/confirm-step';
import { useHydrated } from '@/components/ui/use-hydrated';

export function RevokeApiKeyButton(props: { organizationId: string; apiKeyId: string; labels: { revoke: string; confirm: string; cancel: string; question: string } }) {
  const step = useConfirmStep();
  const { execute, isPending, result } = useAction(revokeApiKeyAction);
  const hydrated = useHydrated();
  return (
    <div className="flex flex-wrap items-center gap-2">
      {step.asking ? (
        <ConfirmStep
          inline
          tone="danger"
          question={props.labels.question}
          confirmLabel={props.labels.confirm}
          backLabel={props.labels.cancel}
          pending={isPending}
          onConfirm={() => execute({ organizationId: props.organizationId, apiKeyId: props.apiKeyId })}
          onBack={step.close}
        />
      ) : (
        <button type="button" ref={step.openerRef()} className="btn-ghost text-red-700" disabled={!hydrated} onClick={() => step.ask()}>
          {props.labels.revoke}
        </button>
      )}
      {result.serverError ? (
        <p className="field-error" role="alert">
          {result.serverError.error}
        </p>
      ) : null}
    </div>
  );
}

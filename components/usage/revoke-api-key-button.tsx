'use client';
// Revoking is irreversible: the first press asks, the second revokes.
import { useAction } from 'next-safe-action/hooks';
import { useState } from 'react';
import { revokeApiKeyAction } from '@/lib/actions/usage/revoke-api-key';
import { useHydrated } from '@/components/ui/use-hydrated';

export function RevokeApiKeyButton(props: { organizationId: string; apiKeyId: string; labels: { revoke: string; confirm: string; cancel: string; question: string } }) {
  const [asking, setAsking] = useState(false);
  const { execute, isPending, result } = useAction(revokeApiKeyAction);
  const hydrated = useHydrated();
  return (
    <div className="flex flex-wrap items-center gap-2">
      {asking ? (
        <>
          <span className="text-sm text-slate-700">{props.labels.question}</span>
          <button type="button" className="btn-secondary text-red-700" disabled={isPending} onClick={() => execute({ organizationId: props.organizationId, apiKeyId: props.apiKeyId })}>
            {props.labels.confirm}
          </button>
          <button type="button" className="btn-ghost" disabled={isPending} onClick={() => setAsking(false)}>
            {props.labels.cancel}
          </button>
        </>
      ) : (
        <button type="button" className="btn-ghost text-red-700" disabled={!hydrated} onClick={() => setAsking(true)}>
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

'use client';
// Enter a promotion code on the running subscription; the server checks it against the plan.
import { useRouter } from 'next/navigation';
import { useAction } from 'next-safe-action/hooks';
import { useId, useState } from 'react';
import { applyPromotionCodeAction } from '@/lib/actions/billing/apply-promotion-code';

export function PromotionCodeForm({
  organizationId,
  subscriptionId,
  labels,
}: {
  organizationId: string;
  subscriptionId: string;
  labels: { code: string; apply: string; applying: string; applied: string };
}) {
  const id = useId();
  const router = useRouter();
  const [code, setCode] = useState('');
  const { execute, isPending, result, hasSucceeded } = useAction(applyPromotionCodeAction, {
    onSuccess: () => {
      setCode('');
      router.refresh();
    },
  });
  return (
    <form className="space-y-2" action={() => execute({ organizationId, subscriptionId, code: code.trim().toUpperCase() })} data-testid="promotion-code-form">
      <label htmlFor={`${id}-code`} className="label">
        {labels.code}
      </label>
      <div className="flex gap-2">
        <input id={`${id}-code`} className="input flex-1" value={code} maxLength={100} autoComplete="off" onChange={(e) => setCode(e.target.value)} />
        <button type="submit" className="btn-secondary" disabled={isPending || !code.trim()}>
          {isPending ? labels.applying : labels.apply}
        </button>
      </div>
      {result.serverError ? (
        <p className="alert-error" role="alert">
          {result.serverError.error}
        </p>
      ) : hasSucceeded ? (
        <p className="alert-info" role="status">
          {labels.applied}
        </p>
      ) : null}
    </form>
  );
}

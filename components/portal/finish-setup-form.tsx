'use client';
// Retries billing set-up for an organization whose Stripe customer could not be created at sign-up.
import { useAction } from 'next-safe-action/hooks';
import { finishOrganizationSetupAction } from '@/lib/actions/finish-organization-setup';
import { useHydrated } from '@/components/ui/use-hydrated';

export function FinishSetupForm({ organizationId, label, pendingLabel }: { organizationId: string; label: string; pendingLabel: string }) {
  const { execute, isPending, result } = useAction(finishOrganizationSetupAction);
  const hydrated = useHydrated();
  return (
    <form action={() => execute({ organizationId })} className="space-y-3">
      {result.serverError ? (
        <p className="alert-error" role="alert">
          {result.serverError.error}
        </p>
      ) : null}
      <button type="submit" className="btn-primary" disabled={isPending || !hydrated}>
        {isPending ? pendingLabel : label}
      </button>
    </form>
  );
}

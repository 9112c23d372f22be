'use client';
// Takes back a scheduled cancellation.
import { useRouter } from 'next/navigation';
import { useAction } from 'next-safe-action/hooks';
import { resumeSubscriptionAction } from '@/lib/actions/billing/resume-subscription';
import { useHydrated } from '@/components/ui/use-hydrated';

export function ResumeSubscriptionButton({
  organizationId,
  subscriptionId,
  attempt,
  labels,
}: {
  organizationId: string;
  subscriptionId: string;
  attempt: string;
  labels: { submit: string; pending: string };
}) {
  const router = useRouter();
  const { execute, isPending, result } = useAction(resumeSubscriptionAction, { onSuccess: () => router.refresh() });
  const hydrated = useHydrated();
  return (
    <div className="space-y-2">
      {result.serverError ? (
        <p className="alert-error" role="alert">
          {result.serverError.error}
        </p>
      ) : null}
      <button type="button" className="btn-primary" disabled={isPending || !hydrated} onClick={() => execute({ organizationId, subscriptionId, attempt })}>
        {isPending ? labels.pending : labels.submit}
      </button>
    </div>
  );
}

'use client';
// Resend one outbox email (operators). The row goes back to pending and the page shows it.
import { useAction } from 'next-safe-action/hooks';
import { resendNotificationAction } from '@/lib/actions/notifications/resend-notification';
import { useHydrated } from '@/components/ui/use-hydrated';

export function ResendNotificationButton(props: { notificationId: string; labels: { resend: string; resent: string } }) {
  const { execute, isPending, result, hasSucceeded } = useAction(resendNotificationAction);
  const hydrated = useHydrated();
  return (
    <div>
      <button type="button" className="btn-secondary py-1" disabled={isPending || hasSucceeded || !hydrated} onClick={() => execute({ notificationId: props.notificationId })}>
        {props.labels.resend}
      </button>
      {hasSucceeded ? (
        <p className="text-xs text-slate-600" role="status">
          {props.labels.resent}
        </p>
      ) : null}
      {result.serverError ? (
        <p className="field-error" role="alert">
          {result.serverError.error}
        </p>
      ) : null}
    </div>
  );
}

'use client';
// Resend one outbox email (operators). The row goes back to pending and the page shows it.
import { useAction } from 'next-safe-action/hooks';
import { resendNotificationAction } from '@/lib/actions/notifications/resend-notification';

export function ResendNotificationButton(props: { notificationId: string; labels: { resend: string; resent: string } }) {
  const { execute, isPending, result, hasSucceeded } = useAction(resendNotificationAction);
  return (
    <div>
      <button type="button" className="btn-secondary py-1" disabled={isPending || hasSucceeded} onClick={() => execute({ notificationId: props.notificationId })}>
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

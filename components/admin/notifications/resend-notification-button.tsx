'use client';
// Resend one outbox email (operators). The row goes back to pending and the page shows it. An email already sent
// asks first (`labels.confirm` names who would get it twice); a failed one is a retry and goes at once.
import { useAction } from 'next-safe-action/hooks';
import { useState } from 'react';
import { resendNotificationAction } from '@/lib/actions/notifications/resend-notification';
import { useHydrated } from '@/components/ui/use-hydrated';

export function ResendNotificationButton(props: { notificationId: string; labels: { resend: string; resent: string; confirm?: string; cancel: string } }) {
  const { execute, isPending, result, hasSucceeded } = useAction(resendNotificationAction);
  const hydrated = useHydrated();
  const [confirming, setConfirming] = useState(false);
  const { labels } = props;
  const send = () => {
    setConfirming(false);
    execute({ notificationId: props.notificationId });
  };
  return (
    <div>
      {confirming ? (
        <form
          className="space-y-2 rounded border border-amber-300 bg-amber-50 p-2 text-xs"
          aria-label={labels.confirm}
          onSubmit={(event) => {
            event.preventDefault();
            send();
          }}
        >
          <p>{labels.confirm}</p>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn-primary py-1" disabled={isPending}>
              {labels.resend}
            </button>
            <button type="button" className="btn-secondary py-1" onClick={() => setConfirming(false)}>
              {labels.cancel}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="btn-secondary py-1"
          disabled={isPending || hasSucceeded || !hydrated}
          onClick={() => (labels.confirm ? setConfirming(true) : send())}
        >
          {labels.resend}
        </button>
      )}
      {hasSucceeded ? (
        <p className="text-xs text-slate-600" role="status">
          {labels.resent}
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

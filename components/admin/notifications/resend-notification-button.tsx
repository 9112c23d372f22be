'use client';
// Resend one outbox email (operators). The row goes back to pending and the page shows it. An email already sent
// asks first (`labels.confirm` names who would get it twice); a failed one is a retry and goes at once.
import { useAction } from 'next-safe-action/hooks';
import { resendNotificationAction } from '@/lib/actions/notifications/resend-notification';
import { ConfirmStep, useConfirmStep } from '@/components/ui/confirm-step';
import { useHydrated } from '@/components/ui/use-hydrated';

export function ResendNotificationButton(props: { notificationId: string; labels: { resend: string; resent: string; confirm?: string; cancel: string } }) {
  const step = useConfirmStep();
  const { execute, isPending, result, hasSucceeded } = useAction(resendNotificationAction, { onSettled: () => step.close() });
  const hydrated = useHydrated();
  const { labels } = props;
  const send = () => execute({ notificationId: props.notificationId });
  return (
    <div>
      {step.asking && labels.confirm ? (
        // A form named by its question, as before this step was shared: the outbox's e2e test finds it so.
        <ConfirmStep role="form" question={labels.confirm} confirmLabel={labels.resend} backLabel={labels.cancel} pending={isPending} onConfirm={send} onBack={step.close} />
      ) : (
        <button
          type="button"
          ref={step.openerRef()}
          className="btn-secondary py-1"
          disabled={isPending || hasSucceeded || !hydrated}
          onClick={() => (labels.confirm ? step.ask() : send())}
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

'use client';
// Cancel at period end with a reason, in two steps: the first button only asks ("Cancel at period end" →
// "Your plan ends on … Cancel it?"), the second sends. The server re-checks the role and the subscription's
// organization.
import { useRouter } from 'next/navigation';
import { useAction } from 'next-safe-action/hooks';
import { useId, useRef } from 'react';
import { cancelSubscriptionAction } from '@/lib/actions/billing/cancel-subscription';
import { cancellationFeedbacks } from '@/lib/billing/subscriptions/subscription-schemas';
import { ConfirmStep, useConfirmStep } from '@/components/ui/confirm-step';
import { useHydrated } from '@/components/ui/use-hydrated';

export type CancelLabels = {
  reason: string;
  comment: string;
  submit: string;
  /** The question the confirmation step asks, with the end date. */
  confirmQuestion: string;
  confirm: string;
  keep: string;
  pending: string;
  invalid: string;
  reasons: Record<(typeof cancellationFeedbacks)[number], string>;
};

export function CancelSubscriptionForm({
  organizationId,
  subscriptionId,
  attempt,
  labels,
}: {
  organizationId: string;
  subscriptionId: string;
  attempt: string;
  labels: CancelLabels;
}) {
  const id = useId();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const step = useConfirmStep();
  const hydrated = useHydrated();
  const { execute, isPending, result } = useAction(cancelSubscriptionAction, {
    onSuccess: () => router.refresh(),
    onSettled: () => step.close(),
  });
  const error = result.serverError?.error ?? (result.validationErrors ? labels.invalid : null);
  return (
    <form
      ref={form}
      action={(formData) =>
        execute({
          organizationId,
          subscriptionId,
          reason: String(formData.get('reason') ?? '') as (typeof cancellationFeedbacks)[number],
          comment: String(formData.get('comment') ?? ''),
          attempt,
        })
      }
      className="space-y-4"
      data-testid="cancel-form"
    >
      <div>
        <label htmlFor={`${id}-reason`} className="label">
          {labels.reason}
        </label>
        <select id={`${id}-reason`} name="reason" required className="input" defaultValue="">
          <option value="" disabled>
            —
          </option>
          {cancellationFeedbacks.map((value) => (
            <option key={value} value={value}>
              {labels.reasons[value]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-comment`} className="label">
          {labels.comment}
        </label>
        <textarea id={`${id}-comment`} name="comment" maxLength={500} rows={3} className="input" />
      </div>
      {error ? (
        <p className="alert-error" role="alert">
          {error}
        </p>
      ) : null}
      {step.asking ? (
        // Confirming submits the form: the reason and the comment go with it.
        <ConfirmStep
          tone="danger"
          testId="cancel-confirm"
          question={labels.confirmQuestion}
          confirmLabel={labels.confirm}
          pendingLabel={labels.pending}
          backLabel={labels.keep}
          pending={isPending}
          onConfirm={() => form.current?.requestSubmit()}
          onBack={step.close}
        />
      ) : (
        <button
          type="button"
          ref={step.openerRef()}
          className="btn-secondary"
          disabled={!hydrated}
          onClick={(event) => {
            // The reason is required before asking: the browser says so on the select.
            if (event.currentTarget.form?.reportValidity()) step.ask();
          }}
        >
          {labels.submit}
        </button>
      )}
    </form>
  );
}

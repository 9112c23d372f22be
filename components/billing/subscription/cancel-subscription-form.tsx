'use client';
// Cancel at period end with a reason. The server re-checks the role and the subscription's organization.
import { useRouter } from 'next/navigation';
import { useAction } from 'next-safe-action/hooks';
import { useId } from 'react';
import { cancelSubscriptionAction } from '@/lib/actions/billing/cancel-subscription';
import { cancellationFeedbacks } from '@/lib/billing/subscriptions/subscription-schemas';

export type CancelLabels = {
  reason: string;
  comment: string;
  submit: string;
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
  const { execute, isPending, result } = useAction(cancelSubscriptionAction, { onSuccess: () => router.refresh() });
  const error = result.serverError?.error ?? (result.validationErrors ? labels.invalid : null);
  return (
    <form
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
      <button type="submit" className="btn-secondary" disabled={isPending}>
        {isPending ? labels.pending : labels.submit}
      </button>
    </form>
  );
}

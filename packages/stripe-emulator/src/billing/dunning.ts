/**
 * The emulator's fixed stand-in for Smart Retries (Stripe's schedule is ML-driven and cannot be reproduced).
 * Like a custom retry schedule in the Dashboard: after a failed automatic payment the invoice is retried
 * 3 days after the first attempt, then 5 days after that, then 7 days after that (day 3, 8 and 15). When the
 * last retry fails, the subscription goes to `subscriptionEndState` (Stripe's setting "if all retries for a
 * payment fail": cancel / mark unpaid / leave past-due) and the invoice to `invoiceEndState`.
 */
export interface DunningPolicy {
  retryDaysAfterPrevious: number[];
  subscriptionEndState: 'canceled' | 'unpaid' | 'past_due';
  invoiceEndState: 'open' | 'uncollectible';
}

export const DEFAULT_DUNNING_POLICY: DunningPolicy = {
  retryDaysAfterPrevious: [3, 5, 7],
  subscriptionEndState: 'canceled',
  invoiceEndState: 'open',
};

const DAY = 86_400;

/**
 * When to retry after the `attemptCount`-th failed attempt made at `lastAttemptAt`, or null when retries are
 * exhausted (the end state applies).
 */
export function nextRetryAt(policy: DunningPolicy, attemptCount: number, lastAttemptAt: number): number | null {
  if (attemptCount < 1) throw new RangeError('attemptCount starts at 1');
  const days = policy.retryDaysAfterPrevious[attemptCount - 1];
  return days == null ? null : lastAttemptAt + days * DAY;
}

/** Total automatic attempts the policy makes (the first plus every retry). */
export function maxAttempts(policy: DunningPolicy): number {
  return policy.retryDaysAfterPrevious.length + 1;
}

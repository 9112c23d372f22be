// How many recorded events one app process works on at once after their 2xx. Unbounded, a burst of deliveries
// started one processing task each: every task held a pooled connection (its customer's advisory lock) while it
// re-read Stripe, so new deliveries waited for a connection just to record themselves and acknowledgements fell
// to tens per second. Bounded, recording keeps the rest of the pool and the queue drains behind it; a task lost
// with the process (crash, deploy) leaves its event `pending`, which the background sweep claims after its grace.
import pLimit from 'p-limit';
import { env } from '@/lib/env';

const limit = pLimit(env.WEBHOOK_PROCESSING_CONCURRENCY);

/** Runs `task` when one of the process's processing slots is free; resolves when it has run. */
export function runWithinProcessingLimit(task: () => Promise<void>): Promise<void> {
  return limit(task);
}

// The common tail of both receivers (snapshot events and v2 thin events), once the delivery is verified: record
// the event once in the ledger, answer, and schedule its processing after the response.
import type { NewStripeEvent } from '@/db/queries/events';
import { processStripeEvent, type ProcessOptions } from './process';
import { recordStripeEvent } from './record-batcher';

type Schedule = (task: () => Promise<void>) => void;

/**
 * `processing`: `inline` (default) processes the event in this process after the answer, through `schedule`;
 * `worker` records it due at once for the job runners' drain (lib/webhooks/drain.ts) and schedules nothing, so a
 * receiver that only records (the standalone one) passes no `schedule` (WEBHOOK_PROCESSING).
 */
export type ReceiveOptions = ProcessOptions & {
  /** Endpoint secret (whsec_…); defaults to the configured ones. */
  secret?: string;
} & ({ processing: 'worker'; schedule?: Schedule } | { processing?: 'inline' | 'worker'; schedule: Schedule });

export const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status });

/**
 * `200` once recorded (processing scheduled), `200 { duplicate: true }` when the id was recorded before (nothing
 * else happens), `500` when it could not be recorded, so Stripe delivers it again.
 */
export async function recordAndSchedule(event: Omit<NewStripeEvent, 'dueNow'>, label: string, options: ReceiveOptions): Promise<Response> {
  const inline = options.processing !== 'worker';
  let recorded: boolean;
  try {
    recorded = await recordStripeEvent({ ...event, dueNow: !inline });
  } catch (error) {
    console.error(`[webhooks] ${label} ${event.id} (${event.type}) could not be recorded: ${error instanceof Error ? error.message : String(error)}`);
    return json(500, { error: 'Could not record the event' });
  }
  if (!recorded) return json(200, { received: true, duplicate: true });
  if (!inline) return json(200, { received: true });

  options.schedule(async () => {
    try {
      await processStripeEvent(event.id, options);
    } catch (error) {
      // The event stays pending and the background worker picks it up after its grace period.
      console.error(`[webhooks] ${label} ${event.id} (${event.type}): processing could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return json(200, { received: true });
}

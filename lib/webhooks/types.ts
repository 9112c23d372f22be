// The contract between the dispatcher and the per-family handlers.
import type Stripe from 'stripe';
import type { AuditRecord } from '@/lib/audit/record-audit';

export type HandlerContext = {
  stripe: Stripe;
  /**
   * When the event was recorded, on its first attempt: a mirror row read from Stripe after that already shows
   * what the event announces, so its re-read may be skipped. Unset on retries and operator replays, which re-read.
   */
  recordedAt?: Date;
};

export type HandlerResult = {
  outcome: 'processed' | 'ignored';
  /** Recorded in the same transaction that marks the event processed, so each is written exactly once. */
  audit?: AuditRecord[];
};

export type EventHandler = (event: Stripe.Event, context: HandlerContext) => Promise<HandlerResult>;

export const ignored: HandlerResult = { outcome: 'ignored' };

/** The id and owning customer of `data.object`, read loosely: the payload is only a trigger for a re-read. */
export function eventObject(event: Stripe.Event): { id: string | null; type: string | null; customerId: string | null } {
  const object = event.data.object as { id?: unknown; object?: unknown; customer?: unknown };
  const id = typeof object.id === 'string' ? object.id : null;
  const type = typeof object.object === 'string' ? object.object : null;
  const customer = object.customer;
  const customerId =
    typeof customer === 'string'
      ? customer
      : customer && typeof customer === 'object' && typeof (customer as { id?: unknown }).id === 'string'
        ? (customer as { id: string }).id
        : null;
  return { id, type, customerId };
}

// Reports usage to a Stripe billing meter (v1 meter events). `identifier` is derived by the caller from what is
// reported (organization, meter, window, report sequence), so a repeat after a crash is deduplicated by Stripe;
// it is also the request's idempotency key. A repeat that Stripe refuses as a duplicate counts as delivered.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function createMeterEvent(
  params: { eventName: string; customerId: string; value: string; timestamp: number; identifier: string },
  stripe: Stripe = defaultStripe,
): Promise<{ duplicate: boolean }> {
  try {
    await stripe.billing.meterEvents.create(
      {
        event_name: params.eventName,
        payload: { stripe_customer_id: params.customerId, value: params.value },
        identifier: params.identifier,
        timestamp: params.timestamp,
      },
      { idempotencyKey: `meter-event-${params.identifier}` },
    );
    return { duplicate: false };
  } catch (error) {
    if (isDuplicateIdentifier(error)) return { duplicate: true };
    throw error;
  }
}

/** Stripe's answer to an identifier it already holds: the event is there, which is what we wanted. */
function isDuplicateIdentifier(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, param } = error as { code?: string; message?: string; param?: string };
  if (code === 'resource_already_exists') return true;
  return param === 'identifier' && typeof message === 'string' && /already exists/i.test(message);
}

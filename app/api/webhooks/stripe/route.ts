// POST /api/webhooks/stripe — Stripe's signed event deliveries: verified, recorded once, answered at once,
// processed after the response (and retried by the background worker when processing fails).
import { after } from 'next/server';
import { receiveStripeWebhook } from '@/lib/webhooks';

// The signature is computed over the exact raw body; this route must never be cached or statically evaluated.
export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  return receiveStripeWebhook(request, { schedule: (task) => after(task) });
}

// POST /api/webhooks/stripe/thin — Stripe's v2 thin event notifications (the event destination for payees'
// Accounts v2): verified, recorded once, answered at once, processed after the response within the process's
// processing limit (and retried by the background worker when processing fails).
import { after } from 'next/server';
import { receiveStripeThinEvent } from '@/lib/webhooks';
import { env } from '@/lib/env';
import { runWithinProcessingLimit } from '@/lib/webhooks/processing-limit';

// The signature is computed over the exact raw body; this route must never be cached or statically evaluated.
export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  return receiveStripeThinEvent(request, { schedule: (task) => after(() => runWithinProcessingLimit(task)), processing: env.WEBHOOK_PROCESSING });
}

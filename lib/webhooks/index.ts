// Stripe webhooks: receive (verify, record, answer) and process (dispatch to the convergent syncs, retry).
export { receiveStripeWebhook, type ReceiveOptions } from './receive';
export { receiveStripeThinEvent } from './receive-thin';
export { processPendingEvents, processStripeEvent, processClaimedEvent, type EventOutcome, type ProcessOptions } from './process';
export { dispatchStripeEvent, handlerFor } from './dispatch';

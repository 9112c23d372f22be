// Event destinations (`/v2/core/event_destinations`) of type `webhook_endpoint` with the thin payload: besides
// the destination configured at start (`thinWebhookUrl`), the API way to receive v2 thin events, as a platform
// does in Workbench. Snapshot destinations are `/v1/webhook_endpoints` here. Below the dispatcher (it reads
// this collection for its targets and secrets); imports nothing above `core/`.
import type Stripe from 'stripe';
import { defineCollection } from '../core/store.js';

export interface StoredEventDestination {
  id: string;
  name: string;
  description: string;
  enabled_events: string[];
  url: string;
  /** `whsec_…`; returned only by create with `include: ['webhook_endpoint.signing_secret']`, as in Stripe. */
  secret: string;
  status: 'enabled' | 'disabled';
  metadata: Record<string, string>;
  /** ISO 8601. */
  created: string;
  updated: string;
}

export const eventDestinationsCollection = defineCollection<StoredEventDestination>('v2_event_destinations');

/** Whether a destination receives events of `type` (`*` receives every thin event). */
export function destinationWants(destination: StoredEventDestination, type: string): boolean {
  return destination.status === 'enabled' && (destination.enabled_events.includes('*') || destination.enabled_events.includes(type));
}

export function renderEventDestination(d: StoredEventDestination, include: readonly string[] = []): Stripe.V2.Core.EventDestination {
  const webhookEndpoint: { url?: string; signing_secret?: string } = {};
  if (include.includes('webhook_endpoint.url')) webhookEndpoint.url = d.url;
  if (include.includes('webhook_endpoint.signing_secret')) webhookEndpoint.signing_secret = d.secret;
  return {
    id: d.id,
    object: 'v2.core.event_destination',
    created: d.created,
    description: d.description,
    enabled_events: d.enabled_events,
    event_payload: 'thin',
    events_from: ['self'],
    livemode: false,
    metadata: d.metadata,
    name: d.name,
    status: d.status,
    type: 'webhook_endpoint',
    updated: d.updated,
    webhook_endpoint: webhookEndpoint,
  };
}

// Collections the core itself reads. Resource modules define their own with defineCollection; these are here
// because the clock, the scheduler and the webhooks need them without importing resource modules.
import type Stripe from 'stripe';
import { defineCollection } from './store.js';
import type { Json } from './types.js';

export const customersCollection = defineCollection<Stripe.Customer>('customers');
/** Owned by the billing resources (test clocks); the clock service reads `frozen_time` from it. */
export const testClocksCollection = defineCollection<Stripe.TestHelpers.TestClock>('test_clocks');
export const eventsCollection = defineCollection<Stripe.EventBase>('events');
/** Stored with their `secret`; responses other than create strip it. */
export const webhookEndpointsCollection = defineCollection<Stripe.WebhookEndpoint>('webhook_endpoints');
/**
 * Which webhook endpoints are Connect endpoints (created with `connect=true`): Stripe does not return the flag
 * on the endpoint object, so it is kept beside it. Absent means an account endpoint.
 */
export interface WebhookEndpointScope {
  /** The endpoint's `we_` id. */
  id: string;
  connect: boolean;
}
export const webhookEndpointScopesCollection = defineCollection<WebhookEndpointScope>('_webhook_endpoint_scopes');

export interface ScheduledJob {
  id: string;
  /** Handler name registered with `scheduler.handle(kind, ...)`. */
  kind: string;
  /** Unix seconds on the job's clock. */
  at: number;
  /** The test clock whose time drives the job, or null for wall-clock time. */
  testClock: string | null;
  /** Optional unique key: scheduling again with the same key replaces the job; `cancel(key)` removes it. */
  key: string | null;
  payload: Json;
  /** Insertion sequence: jobs due at the same second run in the order they were scheduled. */
  seq: number;
}
export const jobsCollection = defineCollection<ScheduledJob>('_jobs');

export interface IdempotencyRecord {
  /** `<api key>:<idempotency key>` */
  id: string;
  method: string;
  path: string;
  bodyHash: string;
  status: number;
  body: string;
  requestId: string;
  /** Wall-clock ms when stored; records expire after 24 hours. */
  storedAt: number;
}
export const idempotencyCollection = defineCollection<IdempotencyRecord>('_idempotency');

/** Deleted objects Stripe still answers for (`GET /v1/customers/:id` → `{ id, object, deleted: true }`). */
export interface Tombstone {
  id: string;
  object: string;
  deletedAt: number;
}
export const tombstonesCollection = defineCollection<Tombstone>('_tombstones');

// What every sync shares: the Stripe client to read from, the per-customer lock, list paging, 404 detection.
import Stripe from 'stripe';
import { db, type Tx } from '@/db';
import { lockStripeSync } from '@/db/queries/mirror';
import { stripe as defaultStripe } from '@/lib/stripe/client';

export type SyncOptions = {
  /** Defaults to the app's client; tests and scripts may pass their own. */
  stripe?: Stripe;
};

export function stripeOf(options: SyncOptions | undefined): Stripe {
  return options?.stripe ?? defaultStripe;
}

/**
 * Runs `fn` in a transaction (a savepoint inside the caller's `tx`) holding the advisory lock for `key`.
 * Callers read Stripe inside `fn`, after the lock: whichever sync writes last has also read last, so the mirror
 * converges on Stripe's latest state whatever the order of concurrent webhooks.
 */
export async function withSyncLock<T>(key: string, tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const run = async (t: Tx): Promise<T> => {
    await lockStripeSync({ key }, t);
    return fn(t);
  };
  return tx ? tx.transaction(run) : db.transaction(run);
}

export const customerLockKey = (customerId: string) => `customer:${customerId}`;
export const CATALOG_LOCK_KEY = 'catalog';

/** Every item of a Stripe list, following `has_more` (the SDK's auto-pagination). */
export async function listAll<T>(list: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of list) items.push(item);
  return items;
}

/** Stripe says the object does not exist (deleted, or never existed in this account/mode). */
export function isResourceMissing(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeError && (error.statusCode === 404 || error.code === 'resource_missing');
}

/** `retrieve` that answers null when Stripe has no such object. */
export async function retrieveOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isResourceMissing(error)) return null;
    throw error;
  }
}

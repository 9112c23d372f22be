// Small conversions every mapper shares. Pure: no I/O.
import type Stripe from 'stripe';

/** Stripe timestamps are Unix seconds; the mirror stores timestamptz. */
export function fromUnix(seconds: number): Date;
export function fromUnix(seconds: number | null | undefined): Date | null;
export function fromUnix(seconds: number | null | undefined): Date | null {
  return typeof seconds === 'number' ? new Date(seconds * 1000) : null;
}

/** An expandable field (`'cus_123'` or the expanded object) reduced to its id. */
export function idOf(value: string | { id?: string } | null | undefined): string | null {
  if (value == null) return null;
  if (typeof value === 'string') return value;
  return value.id ?? null;
}

export function metadataOf(metadata: Stripe.Metadata | null | undefined): Record<string, string> {
  return { ...(metadata ?? {}) };
}

/** The JSON we keep in `data`: the object exactly as Stripe returned it (a plain copy, no SDK prototypes). */
export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The organization a Stripe object claims in its metadata (set by the portal when it creates the customer). */
export function organizationIdFromMetadata(metadata: Stripe.Metadata | null | undefined): string | null {
  const value = metadata?.organization_id;
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Narrows a Stripe enum (typed open-ended by the SDK for forward compatibility) to the values our column accepts.
 * A value we do not know is an error worth seeing, not something to store as a guess.
 */
export function enumValue<const T extends readonly string[]>(allowed: T, value: string, what: string): T[number] {
  if ((allowed as readonly string[]).includes(value)) return value as T[number];
  throw new Error(`unexpected ${what} "${value}" from Stripe (known: ${allowed.join(', ')})`);
}

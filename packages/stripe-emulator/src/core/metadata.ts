// Stripe's metadata update semantics: keys given are set, a key given as '' is removed, `metadata=''` clears all.
import type Stripe from 'stripe';

export function applyMetadata(current: Stripe.Metadata, update: Record<string, string> | null | undefined): Stripe.Metadata {
  if (update === undefined) return current;
  if (update === null) return {};
  const next: Stripe.Metadata = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

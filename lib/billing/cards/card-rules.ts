// Card decisions that do not need Stripe or the database: when a card counts as expiring, and whether the
// organization's plan still needs a card on file. Pure.

/** A card is valid through the last day of its expiry month. */
export function cardExpiresAt(expMonth: number, expYear: number): Date {
  return new Date(Date.UTC(expYear, expMonth, 1) - 1);
}

/** True when the card has expired or expires within the next month (30 days) from `now`. */
export function expiresWithinMonth(card: { expMonth: number | null; expYear: number | null }, now: Date): boolean {
  if (!card.expMonth || !card.expYear) return false;
  return cardExpiresAt(card.expMonth, card.expYear).getTime() - now.getTime() <= 30 * 24 * 60 * 60 * 1000;
}

export function isExpired(card: { expMonth: number | null; expYear: number | null }, now: Date): boolean {
  if (!card.expMonth || !card.expYear) return false;
  return cardExpiresAt(card.expMonth, card.expYear).getTime() < now.getTime();
}

type SubscriptionLike = {
  status: string;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  cancelAtPeriodEnd: boolean;
  items: { unitAmount: number | null; usageType: string | null }[];
};

/**
 * Whether the plan will charge a card: a live subscription collected automatically with something to pay
 * (a priced item, or metered usage). The free tier, bank transfer and a plan ending at period end do not.
 */
export function planNeedsCard(subscription: SubscriptionLike | null): boolean {
  if (!subscription) return false;
  // `incomplete` is a checkout that never succeeded: it collects its own card and is not a plan yet.
  if (!['active', 'trialing', 'past_due', 'unpaid'].includes(subscription.status)) return false;
  if (subscription.collectionMethod !== 'charge_automatically') return false;
  if (subscription.cancelAtPeriodEnd) return false;
  return subscription.items.some((item) => item.usageType === 'metered' || item.unitAmount === null || item.unitAmount > 0);
}

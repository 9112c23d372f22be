// A card's expiry warning for operators: a card is valid through the last day of its expiry month, so it is
// "expired" from the month after, and worth a word when it expires this month or next.
export type ExpiryWarning = 'expired' | 'expires_this_month' | 'expires_next_month' | null;

/** `today` as year and month (1–12) in the operator's time zone. */
export function expiryWarning(card: { expMonth: number | null; expYear: number | null }, today: { year: number; month: number }): ExpiryWarning {
  if (!card.expMonth || !card.expYear) return null;
  const monthsLeft = (card.expYear - today.year) * 12 + (card.expMonth - today.month);
  if (monthsLeft < 0) return 'expired';
  if (monthsLeft === 0) return 'expires_this_month';
  if (monthsLeft === 1) return 'expires_next_month';
  return null;
}

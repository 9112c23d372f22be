// How a card is named to people: "Visa •••• 4242". Stripe's brand codes are lower-case ids, not names.
const brandNames: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  jcb: 'JCB',
  discover: 'Discover',
  diners: 'Diners Club',
  unionpay: 'UnionPay',
};

/** A brand code as people name it ("amex" → "American Express"); a code we do not know, as Stripe wrote it. */
export function brandName(brand: string): string {
  return brandNames[brand] ?? brand;
}

export function cardLabel(card: { brand: string | null; last4: string | null }, fallbackBrand: string): string {
  const brand = card.brand ? brandName(card.brand) : fallbackBrand;
  return `${brand} •••• ${card.last4 ?? '????'}`;
}

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

export function cardLabel(card: { brand: string | null; last4: string | null }, fallbackBrand: string): string {
  const brand = card.brand ? (brandNames[card.brand] ?? card.brand) : fallbackBrand;
  return `${brand} •••• ${card.last4 ?? '????'}`;
}

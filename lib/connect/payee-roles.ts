// Who a payee is and where they can be paid. The roles are the ones a split rule names; the country fixes the
// currency of the payee's Stripe balance, so a payee is only ever paid from sales in that currency (no FX on a
// transfer, no cross-border transfer the platform's country may not allow).
export const PAYEE_ROLES = ['reading_doctor', 'second_reader', 'partner_clinic'] as const;
export type PayeeRole = (typeof PAYEE_ROLES)[number];

export const PAYEE_COUNTRIES = { JP: 'jpy', US: 'usd' } as const;
export type PayeeCountry = keyof typeof PAYEE_COUNTRIES;

export function currencyOfCountry(country: PayeeCountry): string {
  return PAYEE_COUNTRIES[country];
}

/**
 * The zone a payee's own page dates their transfers in, whatever the reader's language (lib/i18n/time-zones.ts: a
 * page about one party uses that party's zone). The deployment keeps no zone of its own, so the payee's country
 * decides: Japan has one zone; the United States has several and the payee's is not known, so UTC.
 */
const PAYEE_TIME_ZONES: Record<PayeeCountry, string> = { JP: 'Asia/Tokyo', US: 'UTC' };

export function timeZoneOfPayee(payee: { country: string }): string {
  return PAYEE_TIME_ZONES[payee.country as PayeeCountry] ?? 'UTC';
}

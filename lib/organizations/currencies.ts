// Currencies an organization can be billed in: the catalogue is priced in these two.
export const organizationCurrencies = ['jpy', 'usd'] as const;
export type OrganizationCurrency = (typeof organizationCurrencies)[number];

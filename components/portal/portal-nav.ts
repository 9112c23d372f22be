// The customer portal's sections. A section is listed only once its page exists (`path` set); the next
// issue adds Plans, Usage, Invoices, Payment methods, Billing details and Members by giving them a path.
export type PortalSection = {
  key: 'overview' | 'subscription' | 'plans' | 'usage' | 'invoices' | 'paymentMethods' | 'billingDetails' | 'members' | 'activity' | 'apiKeys';
  /** Relative to /orgs/[orgId]; null while the page does not exist yet. */
  path: string | null;
};

export const portalSections: PortalSection[] = [
  { key: 'overview', path: '' },
  { key: 'subscription', path: '/subscription' },
  { key: 'plans', path: '/plans' },
  { key: 'usage', path: '/usage' },
  { key: 'invoices', path: '/invoices' },
  { key: 'paymentMethods', path: '/payment-methods' },
  { key: 'billingDetails', path: '/billing-details' },
  { key: 'members', path: '/members' },
  { key: 'activity', path: '/activity' },
  { key: 'apiKeys', path: '/settings/api-keys' },
];

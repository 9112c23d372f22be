// Links in emails: absolute portal URLs built from APP_URL.
import { env } from '@/lib/env';

const base = () => env.APP_URL.replace(/\/$/, '');

export const portalLinks = {
  subscription: (organizationId: string) => `${base()}/orgs/${organizationId}/subscription`,
  paymentMethods: (organizationId: string) => `${base()}/orgs/${organizationId}/payment-methods`,
  invoice: (organizationId: string, invoiceId: string) => `${base()}/orgs/${organizationId}/invoices/${invoiceId}`,
  plans: (organizationId: string) => `${base()}/orgs/${organizationId}/plans`,
  usage: (organizationId: string) => `${base()}/orgs/${organizationId}/usage`,
  adminCustomer: (organizationId: string) => `${base()}/admin/customers/${organizationId}`,
};

/** The company logo as emails show it: served by the app (app/branding/logo), versioned by its content. */
export const brandingLogoUrl = (version: string) => `${base()}/branding/logo?v=${version}`;

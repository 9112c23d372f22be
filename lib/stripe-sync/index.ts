// The Stripe → PostgreSQL mirror. Every function re-reads the truth from Stripe and converges the mirror on it:
// idempotent, order-independent, safe to re-run. Used by the webhook handlers, `npm run stripe:sync`, sign-up
// and the admin "resync" button.
export { syncStripeCustomer, syncStripeCustomerRecord, syncStripeCustomerUnlessFresh, type CustomerSyncResult } from './customer';
export { syncStripeInvoice, syncStripePaymentMethod, syncStripeSubscription, type ObjectSyncOptions, type ObjectSyncResult } from './objects';
export { syncStripeQuote, type QuoteSyncResult } from './quotes';
export { syncStripeCatalog, syncStripePrice, syncStripeProduct, type CatalogSyncResult } from './catalog';
export type { SyncOptions } from './context';
export { backfillStripeMirror, type BackfillResult } from './backfill';
export { findCatalogMirrorDrift, findCustomerMirrorDrift, type MirrorDrift } from './drift';

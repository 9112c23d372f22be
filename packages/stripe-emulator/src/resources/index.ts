// Every resource module registers its routes and object types here, in dependency order.
// Billing resources (subscriptions, invoices, test clocks, meters) add their register calls below.
import type { Emulator } from '../emulator.js';
import { StripeError } from '../http/errors.js';
import { p } from '../http/params.js';
import { registerCustomers } from './customers.js';
import { registerPaymentMethods } from './payment-methods.js';
import { registerCharges } from './charges.js';
import { registerPaymentIntents } from './payment-intents.js';
import { registerSetupIntents } from './setup-intents.js';
import { registerAuthenticationControls } from './authentication.js';
import { registerProducts } from './products.js';
import { registerPrices } from './prices.js';
import { registerCoupons } from './coupons.js';
import { registerPromotionCodes } from './promotion-codes.js';
import { registerTaxRates } from './tax-rates.js';
import { registerEvents } from './events.js';
import { registerWebhookEndpoints } from './webhook-endpoints.js';
import { registerStripeJs } from '../stripejs/routes.js';
import { registerSubscriptions } from './subscriptions.js';
import { registerSubscriptionItems } from './subscription-items.js';
import { registerInvoices } from './invoices.js';
import { registerInvoiceDocuments } from './invoice-documents.js';
import { registerInvoiceItems } from './invoice-items.js';
import { registerTestClocks } from './test-clocks.js';
import { registerBillingMeters } from './billing-meters.js';
import { registerPaymentRecords } from './payment-records.js';
import { registerInvoicePayments } from './invoice-payments.js';
import { registerRefunds } from './refunds.js';
import { registerCreditNotes } from './credit-notes.js';
import { registerQuotes } from './quotes.js';
import { registerSubscriptionSchedules } from './subscription-schedules.js';
import { registerAccounts } from './accounts.js';
import { registerAccountOnboarding } from './account-onboarding.js';
import { registerTransfers } from './transfers.js';
import { registerV2CoreAccounts } from './v2/core-accounts.js';
import { registerV2CoreEvents } from './v2/core-events.js';
import { registerV2EventDestinations } from './v2/event-destinations.js';
import { registerV2BillingMeterEvents } from './v2/billing-meter-events.js';

/** Search endpoints Stripe has and the emulator does not: answered as unimplemented, not as `No such customer: 'search'`. */
const UNIMPLEMENTED_SEARCH = ['customers', 'prices', 'products', 'payment_intents', 'charges', 'invoices', 'subscriptions'];

export function registerAll(emu: Emulator): void {
  for (const resource of UNIMPLEMENTED_SEARCH) {
    // Search's own params are accepted so the answer is "not implemented", never "unknown parameter: query".
    emu.router.api('GET', `/v1/${resource}/search`, { query: p.string(), limit: p.integer(), page: p.string() }, () => {
      throw new StripeError(
        404,
        'invalid_request_error',
        `The Stripe emulator does not implement search (GET /v1/${resource}/search). List /v1/${resource} with its filters instead.`,
        { code: 'resource_missing' },
      );
    });
  }
  registerCustomers(emu);
  registerPaymentMethods(emu);
  registerCharges(emu);
  registerPaymentIntents(emu);
  registerSetupIntents(emu);
  registerAuthenticationControls(emu);
  registerProducts(emu);
  registerPrices(emu);
  registerCoupons(emu);
  registerPromotionCodes(emu);
  registerTaxRates(emu);
  registerEvents(emu);
  registerWebhookEndpoints(emu);
  registerStripeJs(emu);
  // Billing (subscriptions, invoices, test clocks, meters): after the catalogue and payments they use.
  registerSubscriptions(emu);
  registerSubscriptionItems(emu);
  registerInvoices(emu);
  registerInvoiceDocuments(emu);
  registerInvoiceItems(emu);
  registerTestClocks(emu);
  registerBillingMeters(emu);
  registerPaymentRecords(emu);
  registerInvoicePayments(emu);
  registerRefunds(emu);
  registerCreditNotes(emu);
  registerSubscriptionSchedules(emu);
  registerQuotes(emu);
  // Connect: accounts, their hosted onboarding, transfers and balances (after charges, which transfers draw on).
  registerAccounts(emu);
  registerAccountOnboarding(emu);
  registerTransfers(emu);
  // v2 (JSON bodies, v2 errors and lists: router.v2)
  registerV2CoreAccounts(emu);
  registerV2CoreEvents(emu);
  registerV2EventDestinations(emu);
  registerV2BillingMeterEvents(emu);
}

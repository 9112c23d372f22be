// Every resource module registers its routes and object types here, in dependency order.
// Billing resources (subscriptions, invoices, test clocks, meters) add their register calls below.
import type { Emulator } from '../emulator.js';
import { registerCustomers } from './customers.js';
import { registerPaymentMethods } from './payment-methods.js';
import { registerEvents } from './events.js';
import { registerWebhookEndpoints } from './webhook-endpoints.js';

export function registerAll(emu: Emulator): void {
  registerCustomers(emu);
  registerPaymentMethods(emu);
  registerEvents(emu);
  registerWebhookEndpoints(emu);
}

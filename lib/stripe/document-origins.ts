// Where Stripe serves customer documents (invoice PDFs, receipts): the only hosts the portal's document routes
// fetch from. In emulator mode, the emulator's origin.
import 'server-only';
import { env, usesStripeEmulator } from '@/lib/env';

export const stripeDocumentOrigins: readonly string[] = usesStripeEmulator
  ? [new URL(env.STRIPE_EMULATOR_URL).origin]
  : ['https://pay.stripe.com', 'https://invoice.stripe.com'];

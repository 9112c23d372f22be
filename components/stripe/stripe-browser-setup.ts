// What a page hands to <StripeElementsClient>: the publishable key, the Stripe.js URL (real or the emulator's
// stand-in) and this request's CSP nonce. Server only; carries no secret.
import 'server-only';
import { getCspNonce } from '@/components/csp-nonce';
import { stripeBrowserConfig } from '@/lib/stripe/browser-config';
import type { StripeBrowserSetup } from './load-stripe-js';

export async function getStripeBrowserSetup(): Promise<StripeBrowserSetup> {
  return { publishableKey: stripeBrowserConfig.publishableKey, scriptUrl: stripeBrowserConfig.scriptUrl, nonce: await getCspNonce() };
}

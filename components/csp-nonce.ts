// The request's CSP nonce (set by proxy.ts), for the few <Script> tags we render ourselves, e.g. Stripe.js.
import 'server-only';
import { headers } from 'next/headers';

export async function getCspNonce(): Promise<string | undefined> {
  return (await headers()).get('x-nonce') ?? undefined;
}

// Proxy (Next 16's middleware; runs on the Node.js runtime): a fresh CSP nonce per request, passed to the
// renderer through the request's Content-Security-Policy and x-nonce headers (Next applies it to its own
// scripts), and the security headers on the response. No database access here: identity is checked in
// layouts, actions and route handlers.
import { NextResponse, type NextRequest } from 'next/server';
import { env, usesStripeEmulator } from '@/lib/env';
import { stripeBrowserConfig } from '@/lib/stripe/browser-config';
import { buildContentSecurityPolicy, createNonce, staticSecurityHeaders } from '@/lib/security/headers';

const isProduction = env.NODE_ENV === 'production';
const formActionOrigins = [
  ...(env.AUTH_GITHUB_ID ? ['https://github.com'] : []),
  ...(env.AUTH_GOOGLE_ID ? ['https://accounts.google.com'] : []),
];
const securityHeaders = staticSecurityHeaders({
  hsts: isProduction && env.APP_URL.startsWith('https://'),
  stripeOrigins: stripeBrowserConfig.origins,
});

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = buildContentSecurityPolicy({
    nonce,
    stripeOrigins: stripeBrowserConfig.origins,
    formActionOrigins,
    isDev: env.NODE_ENV === 'development',
    // The emulator is plain http: upgrading would break it, so only with real Stripe over https.
    upgradeInsecureRequests: isProduction && !usesStripeEmulator && env.APP_URL.startsWith('https://'),
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    // Everything but static assets, the Stripe webhook (raw body, machine caller: nothing to add there) and the
    // usage API (machine callers, JSON only; batches of 1,000 events should not be copied through the proxy).
    {
      source: '/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|api/webhooks|api/v1/).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};

// Security headers for every page: a Content Security Policy with a per-request nonce, and the usual
// hardening headers. Pure functions so the policy is unit-tested; proxy.ts applies them.

export type CspOptions = {
  nonce: string;
  /** Stripe.js, Elements frames and API: the emulator's origin, or Stripe's. */
  stripeOrigins: readonly string[];
  /** OAuth providers' origins the sign-in form may redirect to (Chrome applies form-action to redirects). */
  formActionOrigins?: readonly string[];
  /** React in development needs eval for its debugging features; never in production. */
  isDev: boolean;
  upgradeInsecureRequests: boolean;
};

export function buildContentSecurityPolicy(options: CspOptions): string {
  const stripe = options.stripeOrigins.join(' ');
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    // 'strict-dynamic' lets nonce-bearing scripts (Next's and Stripe.js) load their own chunks; the origins
    // are the fallback for browsers without strict-dynamic support.
    ['script-src', `'self' 'nonce-${options.nonce}' 'strict-dynamic' ${stripe}${options.isDev ? " 'unsafe-eval'" : ''}`],
    // React and Stripe Elements set inline style attributes.
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    ['connect-src', `'self' ${stripe}`],
    ['frame-src', stripe],
    ['frame-ancestors', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', ["'self'", ...(options.formActionOrigins ?? [])].join(' ')],
  ];
  const policy = directives.map(([name, value]) => `${name} ${value}`.trim());
  if (options.upgradeInsecureRequests) policy.push('upgrade-insecure-requests');
  return policy.join('; ');
}

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function staticSecurityHeaders(options: { hsts: boolean; stripeOrigins: readonly string[] }): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': [
      'camera=()',
      'microphone=()',
      'geolocation=()',
      'usb=()',
      `payment=(self ${options.stripeOrigins.map((o) => `"${o}"`).join(' ')})`,
    ].join(', '),
  };
  if (options.hsts) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains; preload';
  return headers;
}

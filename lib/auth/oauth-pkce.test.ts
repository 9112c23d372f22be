// GitHub and Google sign-in use PKCE and state: the authorization request the sign-in route redirects to
// carries an S256 code challenge and a state, and the verifier and state stay behind in the browser's cookies.
import { describe, expect, it, vi } from 'vitest';

// Providers are configured from the environment, read once when lib/env is first imported.
vi.hoisted(() => {
  process.env.AUTH_GITHUB_ID = 'github-client-id';
  process.env.AUTH_GITHUB_SECRET = 'github-client-secret';
  process.env.AUTH_GOOGLE_ID = 'google-client-id';
  process.env.AUTH_GOOGLE_SECRET = 'google-client-secret';
});
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));

// Offline: Google's provider discovers its endpoints (OpenID Connect discovery); answer with Google's published
// document so the sign-in builds the same authorization request it would build online.
const realFetch = globalThis.fetch;
vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url === 'https://accounts.google.com/.well-known/openid-configuration') {
    return Response.json({
      issuer: 'https://accounts.google.com',
      authorization_endpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
      token_endpoint: 'https://oauth2.googleapis.com/token',
      userinfo_endpoint: 'https://openidconnect.googleapis.com/v1/userinfo',
      jwks_uri: 'https://www.googleapis.com/oauth2/v3/certs',
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['plain', 'S256'],
    });
  }
  return realFetch(input, init);
});

const { handlers } = await import('./auth');
const { NextRequest } = await import('next/server');

const ORIGIN = 'http://localhost:3000';

/** The sign-in button's request: a CSRF token from /api/auth/csrf, then POST /api/auth/signin/<provider>. */
async function startSignIn(provider: 'github' | 'google'): Promise<{ location: URL; cookies: string[] }> {
  const csrf = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const response = await handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/signin/${provider}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${ORIGIN}/dashboard` }).toString(),
    }),
  );
  expect(response.status).toBe(302);
  return { location: new URL(response.headers.get('location')!), cookies: response.headers.getSetCookie() };
}

describe('OAuth sign-in', () => {
  it.each([
    ['github', 'github.com', 'github-client-id'],
    ['google', 'accounts.google.com', 'google-client-id'],
  ] as const)('sends %s an authorization request with an S256 PKCE challenge and a state', async (provider, host, clientId) => {
    const { location, cookies } = await startSignIn(provider);
    expect(location.host).toBe(host);
    expect(location.searchParams.get('client_id')).toBe(clientId);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/api/auth/callback/${provider}`);
    // The verifier and the state wait in HttpOnly cookies for the callback; neither is in the URL.
    expect(cookies.some((c) => /pkce\.code_verifier=/.test(c) && /HttpOnly/i.test(c))).toBe(true);
    expect(cookies.some((c) => /\.state=/.test(c) && /HttpOnly/i.test(c))).toBe(true);
  });
});

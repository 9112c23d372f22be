import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, createNonce, staticSecurityHeaders } from './headers';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `) || d === name)
    ?.slice(name.length)
    .trim();

describe('buildContentSecurityPolicy', () => {
  const base = { nonce: 'abc123', stripeOrigins: ['http://127.0.0.1:12111'], isDev: false, upgradeInsecureRequests: false };

  it('allows scripts only with the nonce (plus Stripe) and never eval in production', () => {
    const policy = buildContentSecurityPolicy(base);
    expect(directive(policy, 'script-src')).toBe("'self' 'nonce-abc123' 'strict-dynamic' http://127.0.0.1:12111");
    expect(policy).not.toContain('unsafe-eval');
  });

  it('limits frames and XHR to the Stripe origins and forbids framing, plugins and base changes', () => {
    const policy = buildContentSecurityPolicy({ ...base, stripeOrigins: ['https://js.stripe.com', 'https://api.stripe.com'] });
    expect(directive(policy, 'frame-src')).toBe('https://js.stripe.com https://api.stripe.com');
    expect(directive(policy, 'connect-src')).toBe("'self' https://js.stripe.com https://api.stripe.com");
    expect(directive(policy, 'frame-ancestors')).toBe("'none'");
    expect(directive(policy, 'object-src')).toBe("'none'");
    expect(directive(policy, 'base-uri')).toBe("'self'");
    expect(directive(policy, 'img-src')).toBe("'self' data:");
  });

  it('adds eval only in development and OAuth origins to form-action when given', () => {
    const policy = buildContentSecurityPolicy({ ...base, isDev: true, formActionOrigins: ['https://github.com'] });
    expect(directive(policy, 'script-src')).toContain("'unsafe-eval'");
    expect(directive(policy, 'form-action')).toBe("'self' https://github.com");
  });

  it('upgrades insecure requests only when asked', () => {
    expect(buildContentSecurityPolicy(base)).not.toContain('upgrade-insecure-requests');
    expect(buildContentSecurityPolicy({ ...base, upgradeInsecureRequests: true })).toContain('upgrade-insecure-requests');
  });
});

describe('createNonce', () => {
  it('returns 128 random bits, base64, different every time', () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});

describe('staticSecurityHeaders', () => {
  it('sends HSTS only when asked (production over https)', () => {
    expect(staticSecurityHeaders({ hsts: false, stripeOrigins: [] })['Strict-Transport-Security']).toBeUndefined();
    expect(staticSecurityHeaders({ hsts: true, stripeOrigins: [] })['Strict-Transport-Security']).toMatch(/max-age=\d+/);
  });
});

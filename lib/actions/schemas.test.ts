import { describe, expect, it } from 'vitest';
import { createOrganizationSchema, safeCallbackPath, signInWithEmailSchema } from './schemas';

describe('safeCallbackPath', () => {
  it('keeps same-site paths and replaces anything that could leave the site', () => {
    expect(safeCallbackPath.parse('/orgs/1?tab=a')).toBe('/orgs/1?tab=a');
    expect(safeCallbackPath.parse('//evil.example/x')).toBe('/app');
    expect(safeCallbackPath.parse('/\\evil.example')).toBe('/app');
    expect(safeCallbackPath.parse('https://evil.example')).toBe('/app');
    expect(safeCallbackPath.parse(undefined)).toBe('/app');
  });
});

describe('signInWithEmailSchema', () => {
  it('normalises the address and rejects non-addresses', () => {
    expect(signInWithEmailSchema.parse({ email: '  Ann@Example.COM ' }).email).toBe('ann@example.com');
    expect(signInWithEmailSchema.safeParse({ email: 'not-an-email' }).success).toBe(false);
  });
});

describe('createOrganizationSchema', () => {
  it('accepts only JPY or USD and a non-blank name of at most 100 characters', () => {
    expect(createOrganizationSchema.parse({ name: ' Acme ', currency: 'jpy' })).toEqual({ name: 'Acme', currency: 'jpy' });
    expect(createOrganizationSchema.safeParse({ name: '   ', currency: 'usd' }).success).toBe(false);
    expect(createOrganizationSchema.safeParse({ name: 'x'.repeat(101), currency: 'usd' }).success).toBe(false);
    expect(createOrganizationSchema.safeParse({ name: 'Acme', currency: 'eur' }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { safeCallbackPath, signInWithEmailSchema } from './auth-schemas';

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

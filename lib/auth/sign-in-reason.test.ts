import { describe, expect, it } from 'vitest';
import { signInReasonOf } from './sign-in-reason';

describe('signInReasonOf', () => {
  it("names a quote's or a payee's page the visitor returns to", () => {
    expect(signInReasonOf('/quotes/qt_123')).toBe('quote');
    expect(signInReasonOf('/quotes/qt_123/pdf?lang=ja')).toBe('quote');
    expect(signInReasonOf('/payee')).toBe('payee');
    expect(signInReasonOf('/payee/onboarding')).toBe('payee');
    expect(signInReasonOf('/payee?tab=x')).toBe('payee');
  });

  it('gives no reason for other pages, look-alikes and other sites', () => {
    expect(signInReasonOf(undefined)).toBeNull();
    expect(signInReasonOf('/app')).toBeNull();
    expect(signInReasonOf('/quotes/')).toBeNull();
    expect(signInReasonOf('/payees')).toBeNull();
    expect(signInReasonOf('/admin/quotes/qt_1')).toBeNull();
    expect(signInReasonOf('//evil.example/quotes/qt_1')).toBeNull();
    expect(signInReasonOf('https://evil.example/payee')).toBeNull();
  });
});

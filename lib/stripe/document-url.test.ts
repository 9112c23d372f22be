import { describe, expect, it } from 'vitest';
import { isAllowedDocumentUrl } from './document-url';

describe('isAllowedDocumentUrl', () => {
  const origins = ['https://pay.stripe.com', 'http://127.0.0.1:12111'];
  it('accepts Stripe and emulator document URLs', () => {
    expect(isAllowedDocumentUrl('https://pay.stripe.com/invoice/acct_1/test_x/pdf?s=ap', origins)).toBe(true);
    expect(isAllowedDocumentUrl('http://127.0.0.1:12111/_emulator/invoices/in_1/pdf', origins)).toBe(true);
  });
  it('refuses other hosts, schemes, credentials and garbage', () => {
    expect(isAllowedDocumentUrl('http://pay.stripe.com/invoice/x', origins)).toBe(false);
    expect(isAllowedDocumentUrl('https://pay.stripe.com.evil.test/x', origins)).toBe(false);
    expect(isAllowedDocumentUrl('https://user:pw@pay.stripe.com/x', origins)).toBe(false);
    expect(isAllowedDocumentUrl('http://169.254.169.254/latest', origins)).toBe(false);
    expect(isAllowedDocumentUrl('not a url', origins)).toBe(false);
  });
});

// The documents' language read from a Stripe customer's preferred locales, as Stripe's dashboard or the portal wrote them.
import { describe, expect, it } from 'vitest';
import { invoiceLanguageOf } from './billing-details';

describe('invoiceLanguageOf', () => {
  it('reads regional tags as their language, and the first locale only', () => {
    expect(invoiceLanguageOf(['ja'])).toBe('ja');
    expect(invoiceLanguageOf(['ja-JP'])).toBe('ja');
    expect(invoiceLanguageOf(['en-US', 'ja'])).toBe('en');
    expect(invoiceLanguageOf(['EN-gb'])).toBe('en');
  });

  it('has no language for none, or for one the documents are not written in', () => {
    expect(invoiceLanguageOf([])).toBeNull();
    expect(invoiceLanguageOf(['fr-FR'])).toBeNull();
    expect(invoiceLanguageOf(['jam'])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { shouldHoldDraft } from './hold-decision';

describe('shouldHoldDraft', () => {
  it('holds nothing without a hold', () => {
    expect(shouldHoldDraft({ holds: [], earlierInvoices: 0 })).toBe(false);
  });
  it('holds every invoice when the hold has no count', () => {
    expect(shouldHoldDraft({ holds: [{ scope: 'organization', firstInvoices: null }], earlierInvoices: 40 })).toBe(true);
  });
  it('holds the first N invoices of a customer, then lets them go', () => {
    const holds = [{ scope: 'product' as const, firstInvoices: 3 }];
    expect(shouldHoldDraft({ holds, earlierInvoices: 2 })).toBe(true);
    expect(shouldHoldDraft({ holds, earlierInvoices: 3 })).toBe(false);
  });
  it('holds when any applicable hold says so', () => {
    expect(
      shouldHoldDraft({ holds: [{ scope: 'price', firstInvoices: 1 }, { scope: 'organization', firstInvoices: 5 }], earlierInvoices: 2 }),
    ).toBe(true);
  });
});

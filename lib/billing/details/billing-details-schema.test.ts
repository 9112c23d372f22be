import { describe, expect, it } from 'vitest';
import { billingDetailsFromInput, changedBillingFields, updateBillingDetailsSchema } from './billing-details-schema';

const valid = {
  organizationId: 'org_1',
  companyName: ' Kobe Scheduling KK ',
  billingEmail: 'Accounts@Kobe.example ',
  line1: '1-2-3 Sannomiya',
  line2: '',
  city: 'Kobe',
  state: 'Hyogo',
  postalCode: '650-0021',
  country: 'JP',
  taxIdType: 'jp_trn',
  taxIdValue: 't 1234567890123',
  invoiceLanguage: 'ja',
};

function issues(input: Record<string, unknown>): string[] {
  const result = updateBillingDetailsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}`);
}

describe('updateBillingDetailsSchema', () => {
  it('trims, lower-cases the email, normalises the tax id and empties optional fields to null', () => {
    const parsed = updateBillingDetailsSchema.parse(valid);
    expect(parsed).toMatchObject({ companyName: 'Kobe Scheduling KK', billingEmail: 'accounts@kobe.example', line2: null, taxIdValue: 'T1234567890123' });
    expect(billingDetailsFromInput(parsed).taxId).toEqual({ type: 'jp_trn', value: 'T1234567890123' });
  });
  it('accepts no tax id at all', () => {
    const parsed = updateBillingDetailsSchema.parse({ ...valid, taxIdType: '', taxIdValue: '' });
    expect(billingDetailsFromInput(parsed).taxId).toBeNull();
  });
  it('rejects each bad field by name', () => {
    expect(issues({ ...valid, companyName: '  ' })).toEqual(['companyName']);
    expect(issues({ ...valid, billingEmail: 'not-an-email' })).toEqual(['billingEmail']);
    expect(issues({ ...valid, postalCode: '6500' })).toEqual(['postalCode']);
    expect(issues({ ...valid, state: '' })).toEqual(['state']);
    expect(issues({ ...valid, country: 'XX' })).toEqual(['country']);
    expect(issues({ ...valid, taxIdValue: 'T123' })).toEqual(['taxIdValue']);
    expect(issues({ ...valid, taxIdType: 'jp_trn', taxIdValue: '' })).toEqual(['taxIdValue']);
    expect(issues({ ...valid, taxIdType: '', taxIdValue: 'T1234567890123' })).toEqual(['taxIdType']);
    expect(issues({ ...valid, taxIdType: 'br_cnpj' })).toEqual(['taxIdType']);
    expect(issues({ ...valid, invoiceLanguage: 'fr' })).toEqual(['invoiceLanguage']);
  });
  it('checks US ZIP codes and does not require a state outside Japan', () => {
    expect(issues({ ...valid, country: 'US', state: '', postalCode: '94107', taxIdType: 'us_ein', taxIdValue: '12-3456789' })).toEqual([]);
    expect(issues({ ...valid, country: 'US', postalCode: '650-0021', taxIdType: '', taxIdValue: '' })).toEqual(['postalCode']);
  });
});

describe('changedBillingFields', () => {
  it('names changed fields only', () => {
    const before = billingDetailsFromInput(updateBillingDetailsSchema.parse(valid));
    const after = billingDetailsFromInput(updateBillingDetailsSchema.parse({ ...valid, city: 'Osaka', invoiceLanguage: 'en' }));
    expect(changedBillingFields(before, after)).toEqual(['address', 'invoice_language']);
    expect(changedBillingFields(before, before)).toEqual([]);
  });
});

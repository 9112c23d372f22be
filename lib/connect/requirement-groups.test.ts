import { describe, expect, it } from 'vitest';
import { requirementGroupOf, requirementGroupsDue } from './requirement-groups';

describe('requirementGroupsDue', () => {
  it("turns a new Japanese payee's codes into four items, each once, in the page's order", () => {
    const codes = [
      'business_profile.mcc',
      'business_profile.product_description',
      'business_type',
      'external_account',
      'individual.first_name_kana',
      'individual.last_name_kana',
      'tos_acceptance.date',
      'tos_acceptance.ip',
    ];
    expect(requirementGroupsDue(codes)).toEqual(['identity', 'business', 'bank', 'terms']);
  });

  it('places Accounts v2 entry descriptions too', () => {
    expect(requirementGroupOf('identity.individual.given_name')).toBe('identity');
    expect(requirementGroupOf('identity.business_details.registered_name')).toBe('business');
    expect(requirementGroupOf('identity.entity_type')).toBe('business');
    expect(requirementGroupOf('configuration.recipient.default_outbound_destination')).toBe('bank');
    expect(requirementGroupOf('defaults.responsibilities.terms_of_service.recipient')).toBe('terms');
  });

  it('keeps a code it cannot place as "other", and says nothing when nothing is due', () => {
    expect(requirementGroupsDue(['settings.card_payments.statement_descriptor_prefix', 'individual.dob.day'])).toEqual(['identity', 'other']);
    expect(requirementGroupOf('person_8UayFKIMRJklog.verification.document')).toBe('identity');
    expect(requirementGroupOf('business_profile_url')).toBe('other');
    expect(requirementGroupsDue([])).toEqual([]);
  });
});

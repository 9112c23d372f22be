import { describe, expect, it } from 'vitest';
import { timeZoneOfPayee } from './payee-roles';

describe('timeZoneOfPayee', () => {
  it("dates a payee's page in their country's zone, UTC where the country has several or is unknown", () => {
    expect(timeZoneOfPayee({ country: 'JP' })).toBe('Asia/Tokyo');
    expect(timeZoneOfPayee({ country: 'US' })).toBe('UTC');
    expect(timeZoneOfPayee({ country: 'FR' })).toBe('UTC');
  });
});

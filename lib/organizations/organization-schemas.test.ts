import { describe, expect, it } from 'vitest';
import { createOrganizationSchema } from './organization-schemas';

describe('createOrganizationSchema', () => {
  it('accepts only JPY or USD and a non-blank name of at most 100 characters', () => {
    expect(createOrganizationSchema.parse({ name: ' Acme ', currency: 'jpy' })).toEqual({ name: 'Acme', currency: 'jpy' });
    expect(createOrganizationSchema.safeParse({ name: '   ', currency: 'usd' }).success).toBe(false);
    expect(createOrganizationSchema.safeParse({ name: 'x'.repeat(101), currency: 'usd' }).success).toBe(false);
    expect(createOrganizationSchema.safeParse({ name: 'Acme', currency: 'eur' }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { can, operatorCan } from './index';

describe('can', () => {
  it('lets owners and billing managers manage billing, members only read', () => {
    expect(can('owner', 'billing:manage')).toBe(true);
    expect(can('billing', 'billing:manage')).toBe(true);
    expect(can('member', 'billing:manage')).toBe(false);
    expect(can('member', 'billing:read')).toBe(true);
    expect(can('member', 'payment_methods:manage')).toBe(false);
  });

  it('keeps member management to owners', () => {
    expect(can('owner', 'members:manage')).toBe(true);
    expect(can('billing', 'members:manage')).toBe(false);
    expect(can('owner', 'api_keys:manage')).toBe(true);
    expect(can('billing', 'api_keys:manage')).toBe(true);
    expect(can('member', 'api_keys:manage')).toBe(false);
  });
});

describe('operatorCan', () => {
  it('gives support staff read and resync, not invoice changes', () => {
    expect(operatorCan('admin', 'admin:invoices:manage')).toBe(true);
    expect(operatorCan('support', 'admin:read')).toBe(true);
    expect(operatorCan('support', 'admin:invoices:manage')).toBe(false);
    expect(operatorCan('support', 'admin:notifications:manage')).toBe(false);
    expect(operatorCan('admin', 'admin:notifications:manage')).toBe(true);
  });
});

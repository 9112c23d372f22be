import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import ja from '../../messages/ja.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('messages', () => {
  it('has every English key in Japanese and no extra ones', () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
  });

  it('has no empty translations', () => {
    const empty = [...keys(en).map((k) => ['en', k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en)] as const),
      ...keys(ja).map((k) => ['ja', k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], ja)] as const)]
      .filter(([, , value]) => typeof value !== 'string' || value.trim() === '')
      .map(([locale, key]) => `${locale}:${key}`);
    expect(empty).toEqual([]);
  });

  it('tells operators what an invoice page is for, not how it is built (no "mirror", no "read-only" on a page with actions)', () => {
    const leads = [en.admin.invoiceLead, ja.admin.invoiceLead, en.adminInvoices.lead, ja.adminInvoices.lead];
    expect(leads.filter((text) => /mirror|ミラー|read-only|読み取り専用/i.test(text))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { currentItemHref } from './section-nav';

const base = '/orgs/o1';
const items = [
  { href: base, label: 'Overview', exact: true },
  { href: `${base}/invoices`, label: 'Invoices' },
  { href: `${base}/invoices/review`, label: 'Draft review' },
  { href: `${base}/plans`, label: 'Plans' },
];

describe('currentItemHref', () => {
  it('marks an exact item only on its own path', () => {
    expect(currentItemHref(items, base)).toBe(base);
    expect(currentItemHref(items, `${base}/members`)).toBeNull();
  });

  it('marks an item on its pages and the pages below it', () => {
    expect(currentItemHref(items, `${base}/plans`)).toBe(`${base}/plans`);
    expect(currentItemHref(items, `${base}/plans/checkout`)).toBe(`${base}/plans`);
    expect(currentItemHref(items, `${base}/invoices/in_123`)).toBe(`${base}/invoices`);
  });

  it('prefers the deeper item on its own pages, so only one is current', () => {
    expect(currentItemHref(items, `${base}/invoices/review`)).toBe(`${base}/invoices/review`);
    expect(currentItemHref(items, `${base}/invoices/review/in_1`)).toBe(`${base}/invoices/review`);
  });

  it('does not match a path that only shares a prefix of characters', () => {
    expect(currentItemHref(items, `${base}/plansx`)).toBeNull();
  });
});

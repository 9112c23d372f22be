// The audit log fits a laptop's content width without hiding anything: four columns of fixed share (when and who
// together, what with its code and details under it, customer, target), every long value allowed to wrap; a review
// hold names its plan from the catalogue and says what the setting was and became.
import { createTranslator } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AuditSearchRow } from '@/db/queries/audit-search';
import type { RootTranslate } from '@/lib/audit/describe-activity';
import en from '@/messages/en.json';
import { AuditEntriesTable, auditTargetName } from './audit-entries-table';

const row = (overrides: Partial<AuditSearchRow>): AuditSearchRow => ({
  id: 1,
  organizationId: null,
  organizationName: null,
  actorType: 'operator',
  actorId: 'usr_1',
  actorEmail: 'a-very-long-operator-address.billing-team@example-company.co.jp',
  action: 'invoice.marked_uncollectible_by_operator',
  targetType: 'invoice',
  targetId: 'in_1PqRsTuVwXyZaBcDeFgHiJkL',
  data: {},
  createdAt: new Date('2026-12-07T09:30:00Z'),
  ...overrides,
});

const labels = { title: 'Audit log', whenWho: 'When · who', what: 'What', customer: 'Customer', target: 'Target' };
const t = createTranslator({ locale: 'en', messages: en }) as unknown as RootTranslate;
const render = (rows: AuditSearchRow[], names = new Map<string, string>()) =>
  renderToStaticMarkup(<AuditEntriesTable rows={rows} targetNames={names} labels={labels} t={t} locale="en" timeZone="Asia/Tokyo" />);

describe('AuditEntriesTable', () => {
  it('lays out four columns of fixed share and lets every cell wrap, so a long email, id or action code never widens it', () => {
    const html = render([row({ organizationId: 'org_1', organizationName: 'Kabushiki Kaisha With A Rather Long Company Name', data: { reason: 'Company dissolved' } })]);
    expect(html).toMatch(/<table class="[^"]*\bw-full\b[^"]*\btable-fixed\b/);
    expect([...html.matchAll(/<col( class="[^"]*")?\/?>/g)]).toHaveLength(4);
    const cells = [...html.matchAll(/<td class="([^"]*)"/g)].map((m) => m[1]!);
    expect(cells).toHaveLength(4);
    for (const classes of cells) expect(classes).toContain('whitespace-normal');
    expect(html).not.toMatch(/<td[^>]*whitespace-nowrap/);
    // Nothing hidden: who, the action in words and as code, its details, the customer and the target all render.
    expect(html).toMatch(/data-testid="audit-who">Operator \(a-very-long-operator-address\.billing-team@example-company\.co\.jp\)</);
    expect(html).toContain('Invoice marked uncollectible');
    expect(html).toMatch(/\[overflow-wrap:anywhere\]">invoice\.marked_uncollectible_by_operator</);
    expect(html).toMatch(/data-testid="audit-details">Reason: Company dissolved</);
    expect(html).toContain('Kabushiki Kaisha With A Rather Long Company Name');
    expect(html).toContain('invoice in_1PqRsTuVwXyZaBcDeFgHiJkL');
  });

  it('names a review hold’s plan from the catalogue, with its id under it, and says the setting before and after', () => {
    const hold = row({ action: 'review_hold.updated', targetType: 'product', targetId: 'prod_team', data: { before: null, after: { firstInvoices: 3 } } });
    const html = render([hold], new Map([['prod_team', 'Team plan']]));
    expect(html).toContain('Review hold changed');
    expect(html).toMatch(/data-testid="audit-details">Review hold: not held → first 3 invoices held</);
    expect(html).toMatch(/data-testid="audit-target"><span class="block">Team plan<\/span><span class="block font-mono text-xs text-slate-600">product prod_team<\/span>/);
  });
});

describe('auditTargetName', () => {
  it('is the catalogue’s name, the organization’s own name for an entry about it, else nothing', () => {
    const names = new Map([['prod_team', 'Team plan']]);
    expect(auditTargetName({ targetType: 'product', targetId: 'prod_team', organizationId: null, organizationName: null }, names)).toBe('Team plan');
    expect(auditTargetName({ targetType: 'organization', targetId: 'org_1', organizationId: 'org_1', organizationName: 'Acme KK' }, names)).toBe('Acme KK');
    expect(auditTargetName({ targetType: 'product', targetId: 'prod_gone', organizationId: null, organizationName: null }, names)).toBeNull();
    expect(auditTargetName({ targetType: null, targetId: null, organizationId: null, organizationName: null }, names)).toBeNull();
  });
});

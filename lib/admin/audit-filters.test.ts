import { describe, expect, it } from 'vitest';
import { auditFilterQuery, parseAuditFilters } from './audit-filters';

describe('audit filters', () => {
  it('reads days in the operator zone and drops what is not valid', () => {
    expect(parseAuditFilters({ actor: ' ops@example.com ', actorType: 'robot', action: 'note.', customer: 'org_1', from: '2027-04-01', to: '2027-04-30', before: 'x' }, 'Asia/Tokyo')).toEqual({
      actor: 'ops@example.com',
      actorType: undefined,
      action: 'note.',
      organizationId: 'org_1',
      from: new Date('2027-03-31T15:00:00.000Z'),
      to: new Date('2027-04-30T14:59:59.999Z'),
      before: undefined,
    });
    expect(parseAuditFilters({ from: '2027-02-31', before: '120', actorType: 'stripe' }, 'UTC')).toMatchObject({ from: undefined, before: 120, actorType: 'stripe' });
  });

  it('keeps the filters, not the page, in links', () => {
    expect(auditFilterQuery({ action: 'note.', before: '10', customer: '' })).toBe('action=note.');
  });
});

// An owner or billing manager sets the organization's time zone: the day its dates are shown in on every page and
// email about it (lib/i18n/time-zones.ts) and the days usage is summed in. Audited with the zone before and after.
import { db } from '@/db';
import { updateOrganizationTimeZone } from '@/db/queries/organizations';
import { recordAudit, type AuditActor } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { isSelectableTimeZone } from '@/lib/i18n/time-zones';

/** Idempotent: choosing the zone the organization already has changes and records nothing. */
export async function setOrganizationTimeZone(params: { organizationId: string; timeZone: string; actor: AuditActor }): Promise<{ changed: boolean }> {
  if (!isSelectableTimeZone(params.timeZone)) {
    throw new AppError('invalid_input', `unknown time zone ${JSON.stringify(params.timeZone).slice(0, 80)}`, { userMessageKey: { key: 'organizationTimeZone.unknown' } });
  }
  return db.transaction(async (tx) => {
    const found = await updateOrganizationTimeZone({ organizationId: params.organizationId, timeZone: params.timeZone }, tx);
    if (!found) throw new AppError('not_found', `organization ${params.organizationId} not found`);
    if (found.before === params.timeZone) return { changed: false };
    await recordAudit(
      { organizationId: params.organizationId, actor: params.actor, action: 'organization.time_zone_changed', data: { from: found.before, to: params.timeZone } },
      tx,
    );
    return { changed: true };
  });
}

// GET /admin/audit/csv?<filters> — the filtered audit log as CSV (up to 5,000 newest rows; operators only,
// checked here: the admin layout does not guard route handlers).
import { getTimeZone } from 'next-intl/server';
import { searchAuditLogForOperator } from '@/db/queries/audit-search';
import { parseAuditFilters } from '@/lib/admin/audit-filters';
import { csvResponse, toCsv } from '@/lib/admin/csv';
import { requireOperatorForRoute, routeErrorResponse } from '@/lib/admin/operator-route';
import { toAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    await requireOperatorForRoute('admin:read');
    const input = Object.fromEntries(new URL(request.url).searchParams);
    const rows = await searchAuditLogForOperator({ ...parseAuditFilters(input, await getTimeZone()), before: undefined, limit: 5000 });
    const body = toCsv(
      ['id', 'created_at', 'actor_type', 'actor_id', 'actor_email', 'action', 'organization_id', 'organization', 'target_type', 'target_id', 'data'],
      rows.map((r) => [r.id, r.createdAt.toISOString(), r.actorType, r.actorId, r.actorEmail, r.action, r.organizationId, r.organizationName, r.targetType, r.targetId, JSON.stringify(r.data)]),
    );
    return csvResponse(body, 'audit-log.csv');
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'internal') console.error(`[audit csv] ${appError.message}`, appError.cause ?? '');
    return routeErrorResponse(appError);
  }
}

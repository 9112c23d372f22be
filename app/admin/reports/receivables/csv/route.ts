// GET /admin/reports/receivables/csv?asOf=YYYY-MM-DD — the report's open invoices as CSV (operators only,
// checked here: the admin layout does not guard route handlers).
import { getTimeZone } from 'next-intl/server';
import { requireOperatorForRoute, routeErrorResponse } from '@/lib/admin/operator-route';
import { csvResponse } from '@/lib/admin/csv';
import { AppError, toAppError } from '@/lib/errors';
import { endOfDayIn, todayIn } from '@/lib/receivables/as-of';
import { receivablesCsv } from '@/lib/receivables/report';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    await requireOperatorForRoute('admin:read');
    const timeZone = await getTimeZone();
    const day = new URL(request.url).searchParams.get('asOf') || todayIn(timeZone);
    const asOf = endOfDayIn(day, timeZone);
    if (!asOf) throw new AppError('invalid_input', `asOf ${day} is not a date`);
    return csvResponse(await receivablesCsv({ asOf, timeZone }), `receivables-${day}.csv`);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'internal') console.error(`[receivables csv] ${appError.message}`, appError.cause ?? '');
    return routeErrorResponse(appError);
  }
}

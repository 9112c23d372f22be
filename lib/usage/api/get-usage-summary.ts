// GET /api/v1/usage-summary?meter=&start=&end=&granularity=day|hour: the accepted events of [start, end) in
// buckets, days in the organization's time zone. Read from our database only.
import 'server-only';
import { getOrganizationById } from '@/db/queries/organizations';
import { usageBuckets, usageTotal } from '@/db/queries/usage-events';
import { knownMeters } from '../known-meters';
import { apiError, authorizeUsageRequest } from './responses';

/** At most this many buckets per request (a year of days, five weeks of hours). */
const MAX_BUCKETS = { day: 400, hour: 24 * 35 } as const;

export async function handleGetUsageSummary(request: Request): Promise<Response> {
  const authorized = await authorizeUsageRequest(request);
  if (!authorized.ok) return authorized.response;
  const { organizationId } = authorized.identity;

  const query = new URL(request.url).searchParams;
  const meter = query.get('meter') ?? '';
  const granularity = query.get('granularity') ?? 'day';
  const start = unixSeconds(query.get('start'));
  const end = unixSeconds(query.get('end'));
  const meters = await knownMeters();
  if (!meters.has(meter)) return apiError(400, 'invalid_parameter', `"meter" must be one of: ${[...meters].sort().join(', ')}.`, { param: 'meter' });
  if (granularity !== 'day' && granularity !== 'hour') return apiError(400, 'invalid_parameter', '"granularity" must be day or hour.', { param: 'granularity' });
  if (start === null) return apiError(400, 'invalid_parameter', '"start" must be Unix seconds.', { param: 'start' });
  if (end === null || end <= start) return apiError(400, 'invalid_parameter', '"end" must be Unix seconds after "start".', { param: 'end' });
  const step = granularity === 'day' ? 86_400 : 3_600;
  if ((end - start) / step > MAX_BUCKETS[granularity]) {
    return apiError(400, 'invalid_parameter', `At most ${MAX_BUCKETS[granularity]} ${granularity} buckets per request.`, { param: 'end' });
  }

  const organization = await getOrganizationById({ organizationId });
  const timeZone = organization?.timeZone ?? 'UTC';
  const range = { organizationId, meter, start: new Date(start * 1000), end: new Date(end * 1000) };
  const [buckets, total] = await Promise.all([usageBuckets({ ...range, granularity, timeZone }), usageTotal(range)]);
  return Response.json(
    {
      meter,
      granularity,
      timezone: timeZone,
      total,
      buckets: buckets.map((b) => ({ start: b.start.getTime() / 1000, end: b.end.getTime() / 1000, value: b.value })),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

function unixSeconds(value: string | null): number | null {
  if (value === null || !/^\d{1,11}$/.test(value)) return null;
  return Number(value);
}

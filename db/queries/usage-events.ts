// Accepted usage events: the batch insert behind POST /api/v1/usage-events and the sums behind summaries,
// dashboards and limits. Every function is scoped by organization. Sums are exact (numeric) in the database and
// returned as numbers.
import { sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';

export type UsageGranularity = 'day' | 'hour';
export type UsageBucket = { start: Date; end: Date; value: number };

export type NewUsageEvent = { meter: string; value: string; occurredAt: Date; identifier: string };

/**
 * Stores a validated batch in one statement (arrays unnested, ON CONFLICT DO NOTHING): an identifier the
 * organization already used, or repeated within the batch, is a duplicate and stores nothing. Returns how many
 * rows were inserted; the rest are duplicates.
 */
export async function insertUsageEvents(params: { organizationId: string; events: readonly NewUsageEvent[] }, tx: Tx = db): Promise<number> {
  if (params.events.length === 0) return 0;
  const meters = params.events.map((e) => e.meter);
  const values = params.events.map((e) => e.value);
  const times = params.events.map((e) => e.occurredAt.toISOString());
  const identifiers = params.events.map((e) => e.identifier);
  const rows = await tx.execute<{ inserted: number }>(sql`
    with inserted as (
      insert into usage_events (organization_id, meter, value, occurred_at, identifier)
      select ${params.organizationId}, e.meter, e.value, e.occurred_at, e.identifier
      from unnest(${toTextArray(meters)}::text[], ${toTextArray(values)}::numeric[], ${toTextArray(times)}::timestamptz[], ${toTextArray(identifiers)}::text[])
        as e(meter, value, occurred_at, identifier)
      on conflict (organization_id, identifier) do nothing
      returning 1
    )
    select count(*)::int as inserted from inserted`);
  return Number(Array.from(rows)[0]?.inserted ?? 0);
}

/** A PostgreSQL array literal of texts (one bound parameter however long the batch). */
function toTextArray(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** The sum of the organization's accepted `meter` events with a timestamp in [start, end). */
export async function usageTotal(params: { organizationId: string; meter: string; start: Date; end: Date }, tx: Tx = db): Promise<number> {
  const rows = await tx.execute<{ total: string | null }>(sql`
    select coalesce(sum(value), 0)::text as total from usage_events
    where organization_id = ${params.organizationId} and meter = ${params.meter}
      and occurred_at >= ${params.start.toISOString()}::timestamptz and occurred_at < ${params.end.toISOString()}::timestamptz`);
  return Number(Array.from(rows)[0]?.total ?? 0);
}

/**
 * Every bucket of [start, end), empty ones included (value 0), in order. Buckets are aligned to midnight (or the
 * hour) in `timeZone` (days of 23 or 25 hours across a daylight-saving change); the first and last are clipped
 * to [start, end), so the buckets always add up to `usageTotal` over the same range.
 */
export async function usageBuckets(
  params: { organizationId: string; meter: string; start: Date; end: Date; granularity: UsageGranularity; timeZone: string },
  tx: Tx = db,
): Promise<UsageBucket[]> {
  if (params.end <= params.start) return [];
  const unit = params.granularity === 'hour' ? 'hour' : 'day';
  const step = `1 ${unit}`;
  const start = params.start.toISOString();
  const end = params.end.toISOString();
  const zone = params.timeZone;
  const rows = await tx.execute<{ bucket_start: string; bucket_end: string; value: string }>(sql`
    with local_buckets as (
      select gs as local_start
      from generate_series(date_trunc(${unit}, ${start}::timestamptz at time zone ${zone}), ${end}::timestamptz at time zone ${zone}, ${step}::interval) as gs
    ),
    buckets as (
      select local_start, (local_start at time zone ${zone}) as bucket_start, ((local_start + ${step}::interval) at time zone ${zone}) as bucket_end
      from local_buckets
    ),
    sums as (
      select date_trunc(${unit}, occurred_at at time zone ${zone}) as local_start, sum(value) as value
      from usage_events
      where organization_id = ${params.organizationId} and meter = ${params.meter}
        and occurred_at >= ${start}::timestamptz and occurred_at < ${end}::timestamptz
      group by 1
    )
    select greatest(b.bucket_start, ${start}::timestamptz) as bucket_start, least(b.bucket_end, ${end}::timestamptz) as bucket_end,
      coalesce(s.value, 0)::text as value
    from buckets b left join sums s on s.local_start = b.local_start
    where b.bucket_end > ${start}::timestamptz and b.bucket_start < ${end}::timestamptz
    order by b.local_start`);
  return Array.from(rows, (r) => ({ start: new Date(r.bucket_start), end: new Date(r.bucket_end), value: Number(r.value) }));
}

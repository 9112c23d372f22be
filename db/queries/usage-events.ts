// Accepted usage events: the batch insert behind POST /api/v1/usage-events and the sums behind summaries,
// dashboards and limits. Every function is scoped by organization. Sums are exact (numeric) in the database and
// returned as numbers.
import { sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedStatement } from '@/db/prepared-query';

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

/** The limits API and the usage page sum on every call: built once (db/prepared-query.ts). */
const selectUsageTotal = preparedStatement<{ total: string | null }>(
  'usage_total',
  () => sql`
    select coalesce(sum(value), 0)::text as total from usage_events
    where organization_id = ${sql.placeholder('organizationId')} and meter = ${sql.placeholder('meter')}
      and occurred_at >= ${sql.placeholder('start')}::timestamptz and occurred_at < ${sql.placeholder('end')}::timestamptz`,
);

/** The sum of the organization's accepted `meter` events with a timestamp in [start, end). */
export async function usageTotal(params: { organizationId: string; meter: string; start: Date; end: Date }, tx: Tx = db): Promise<number> {
  const rows = await selectUsageTotal(
    { organizationId: params.organizationId, meter: params.meter, start: params.start.toISOString(), end: params.end.toISOString() },
    tx,
  );
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
  const [buckets] = await usageBucketSeries({ ...params, series: [{ meter: params.meter, start: params.start, end: params.end }] }, tx);
  return buckets!;
}

/** The usage page's one bucketing statement, built once (db/prepared-query.ts): the series go in as arrays. */
const selectBucketSeries = preparedStatement<{ ordinal: number; bucket_start: string; bucket_end: string; value: string }>('usage_bucket_series', () => {
  const [unit, step, zone] = [sql.placeholder('unit'), sql.placeholder('step'), sql.placeholder('zone')];
  return sql`
    with series as (
      select ordinal::int, meter, range_start, range_end
      from unnest(${sql.placeholder('ordinals')}::int[], ${sql.placeholder('meters')}::text[],
                  ${sql.placeholder('starts')}::timestamptz[], ${sql.placeholder('ends')}::timestamptz[])
        as t(ordinal, meter, range_start, range_end)
    ),
    buckets as (
      select s.ordinal, s.range_start, s.range_end, gs as local_start,
             (gs at time zone ${zone}::text) as bucket_start, ((gs + ${step}::interval) at time zone ${zone}::text) as bucket_end
      from series s,
           generate_series(date_trunc(${unit}::text, s.range_start at time zone ${zone}::text), s.range_end at time zone ${zone}::text, ${step}::interval) as gs
    ),
    sums as (
      select s.ordinal, date_trunc(${unit}::text, e.occurred_at at time zone ${zone}::text) as local_start, sum(e.value) as value
      from series s
      join usage_events e on e.organization_id = ${sql.placeholder('organizationId')} and e.meter = s.meter
        and e.occurred_at >= s.range_start and e.occurred_at < s.range_end
      group by 1, 2
    )
    select b.ordinal, greatest(b.bucket_start, b.range_start) as bucket_start, least(b.bucket_end, b.range_end) as bucket_end,
      coalesce(v.value, 0)::text as value
    from buckets b left join sums v on v.ordinal = b.ordinal and v.local_start = b.local_start
    where b.bucket_end > b.range_start and b.bucket_start < b.range_end
    order by b.ordinal, b.local_start`;
});

/**
 * `usageBuckets` for several meters and ranges of one organization in one statement (the usage dashboard's two
 * periods of every meter): one list of buckets per series, in the order given.
 */
export async function usageBucketSeries(
  params: { organizationId: string; series: { meter: string; start: Date; end: Date }[]; granularity: UsageGranularity; timeZone: string },
  tx: Tx = db,
): Promise<UsageBucket[][]> {
  const result = params.series.map((): UsageBucket[] => []);
  // An empty range has no buckets; the others are numbered by their place in `series` (1-based, as ordinality).
  const asked = params.series.map((series, index) => ({ ...series, ordinal: index + 1 })).filter((series) => series.end > series.start);
  if (asked.length === 0) return result;
  const unit = params.granularity === 'hour' ? 'hour' : 'day';
  const rows = await selectBucketSeries(
    {
      ordinals: toTextArray(asked.map((s) => String(s.ordinal))),
      meters: toTextArray(asked.map((s) => s.meter)),
      starts: toTextArray(asked.map((s) => s.start.toISOString())),
      ends: toTextArray(asked.map((s) => s.end.toISOString())),
      unit,
      step: `1 ${unit}`,
      zone: params.timeZone,
      organizationId: params.organizationId,
    },
    tx,
  );
  for (const row of rows) {
    result[Number(row.ordinal) - 1]!.push({ start: new Date(row.bucket_start), end: new Date(row.bucket_end), value: Number(row.value) });
  }
  return result;
}

// The usage reporter's queries (lib/usage/report-usage.ts). They work across organizations: each window row
// carries its own organization and Stripe customer.
import { sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';

/** A live subscription billing `meter` for an organization: where its usage goes and from when. */
export type MeteredSubscription = {
  organizationId: string;
  meter: string;
  customerId: string;
  subscriptionId: string;
  /** Usage is reported from here on (the subscription's start); earlier usage is kept, never billed. */
  startsAt: Date;
  /** The billing cycle anchor: periods start at its second of the hour, so hour windows are aligned to it. */
  anchor: Date;
};

export async function listMeteredSubscriptions(tx: Tx = db): Promise<MeteredSubscription[]> {
  const rows = await tx.execute<{ organization_id: string; meter: string; customer_id: string; subscription_id: string; starts_at: string; anchor: string }>(sql`
    select distinct on (s.organization_id, p.metadata->>'seikyu_meter')
      s.organization_id, p.metadata->>'seikyu_meter' as meter, s.customer_id, s.id as subscription_id,
      coalesce(to_timestamp((s.data->>'start_date')::bigint), s.stripe_created) as starts_at,
      coalesce(to_timestamp((s.data->>'billing_cycle_anchor')::bigint), s.stripe_created) as anchor
    from stripe_subscriptions s
    join stripe_subscription_items i on i.subscription_id = s.id
    join stripe_prices pr on pr.id = i.price_id
    join stripe_products p on p.id = pr.product_id
    where s.organization_id is not null
      and s.status not in ('canceled', 'incomplete', 'incomplete_expired')
      and pr.usage_type = 'metered' and p.metadata ? 'seikyu_meter'
    order by s.organization_id, p.metadata->>'seikyu_meter', s.stripe_created desc`);
  return Array.from(rows, (r) => ({
    organizationId: r.organization_id,
    meter: r.meter,
    customerId: r.customer_id,
    subscriptionId: r.subscription_id,
    startsAt: new Date(r.starts_at),
    anchor: new Date(r.anchor),
  }));
}

/** (organization, meter) pairs with events accepted since `since`, and the span of those events' timestamps. */
export async function listRecentUsageSpans(params: { since: Date }, tx: Tx = db): Promise<{ organizationId: string; meter: string; firstAt: Date; lastAt: Date }[]> {
  const rows = await tx.execute<{ organization_id: string; meter: string; first_at: string; last_at: string }>(sql`
    select organization_id, meter, min(occurred_at) as first_at, max(occurred_at) as last_at
    from usage_events where received_at >= ${params.since.toISOString()}::timestamptz
    group by organization_id, meter`);
  return Array.from(rows, (r) => ({ organizationId: r.organization_id, meter: r.meter, firstAt: new Date(r.first_at), lastAt: new Date(r.last_at) }));
}

export type WindowBalance = { windowStart: Date; windowEnd: Date; accepted: string; reported: string; pending: boolean };

/**
 * Hour windows of [from, to) aligned to `offsetSeconds` past the hour (the first clipped to `from`), with the
 * accepted sum and what was reported, where the two differ or a report is pending. Exact: numeric compared in SQL.
 */
export async function listUnbalancedWindows(
  params: { organizationId: string; meter: string; from: Date; to: Date; offsetSeconds: number },
  tx: Tx = db,
): Promise<WindowBalance[]> {
  const from = params.from.toISOString();
  const rows = await tx.execute<{ window_start: string; window_end: string; accepted: string; reported: string; pending: boolean }>(sql`
    with sums as (
      select to_timestamp(floor((extract(epoch from occurred_at) - ${params.offsetSeconds}) / 3600) * 3600 + ${params.offsetSeconds}) as aligned, sum(value) as accepted
      from usage_events
      where organization_id = ${params.organizationId} and meter = ${params.meter}
        and occurred_at >= ${from}::timestamptz and occurred_at < ${params.to.toISOString()}::timestamptz
      group by 1
    )
    select greatest(s.aligned, ${from}::timestamptz) as window_start, s.aligned + interval '1 hour' as window_end,
      s.accepted::text as accepted, coalesce(w.reported_value, 0)::text as reported, (w.pending_sequence is not null) as pending
    from sums s
    left join usage_report_windows w
      on w.organization_id = ${params.organizationId} and w.meter = ${params.meter} and w.window_start = greatest(s.aligned, ${from}::timestamptz)
    where s.accepted <> coalesce(w.reported_value, 0) or w.pending_sequence is not null
    order by 1`);
  return Array.from(rows, (r) => ({ windowStart: new Date(r.window_start), windowEnd: new Date(r.window_end), accepted: r.accepted, reported: r.reported, pending: r.pending }));
}

/** Windows whose report is pending (a reporter crashed, or is still at it) whatever the recent arrivals. */
export async function listPendingWindows(
  tx: Tx = db,
): Promise<{ organizationId: string; meter: string; stripeCustomerId: string; windowStart: Date; windowEnd: Date }[]> {
  const rows = await tx.execute<{ organization_id: string; meter: string; stripe_customer_id: string; window_start: string; window_end: string }>(sql`
    select organization_id, meter, stripe_customer_id, window_start, window_end from usage_report_windows where pending_sequence is not null`);
  return Array.from(rows, (r) => ({
    organizationId: r.organization_id,
    meter: r.meter,
    stripeCustomerId: r.stripe_customer_id,
    windowStart: new Date(r.window_start),
    windowEnd: new Date(r.window_end),
  }));
}

export type ClaimedReport = { stripeCustomerId: string; windowStart: Date; windowEnd: Date; sequence: number; value: string };

/**
 * Claims one window's next report, in one transaction: the window row is locked (SKIP LOCKED: a window another
 * reporter holds is skipped), a pending report whose lease has not run out is left to its reporter, an expired
 * one is taken over as is (same sequence, same value: the re-send is deduplicated by Stripe), and otherwise the
 * accepted sum minus what was reported becomes the pending report. Null when there is nothing to send.
 */
export async function claimWindowReport(
  params: { organizationId: string; meter: string; stripeCustomerId: string; windowStart: Date; windowEnd: Date; now: Date; leaseSeconds: number },
  tx: Tx,
): Promise<ClaimedReport | null> {
  const start = params.windowStart.toISOString();
  const end = params.windowEnd.toISOString();
  await tx.execute(sql`
    insert into usage_report_windows (organization_id, meter, window_start, window_end, stripe_customer_id)
    values (${params.organizationId}, ${params.meter}, ${start}::timestamptz, ${end}::timestamptz, ${params.stripeCustomerId})
    on conflict do nothing`);
  const [row] = Array.from(
    await tx.execute<{ stripe_customer_id: string; reported_value: string; report_sequence: number; pending_sequence: number | null; pending_value: string | null; pending_lease_until: string | null }>(sql`
      select stripe_customer_id, reported_value::text, report_sequence, pending_sequence, pending_value::text, pending_lease_until
      from usage_report_windows
      where organization_id = ${params.organizationId} and meter = ${params.meter} and window_start = ${start}::timestamptz
      for update skip locked`),
  );
  if (!row) return null;
  const leaseUntil = new Date(params.now.getTime() + params.leaseSeconds * 1000).toISOString();
  const key = sql`organization_id = ${params.organizationId} and meter = ${params.meter} and window_start = ${start}::timestamptz`;
  if (row.pending_sequence !== null) {
    if (row.pending_lease_until && new Date(row.pending_lease_until) > params.now) return null;
    await tx.execute(sql`update usage_report_windows set pending_lease_until = ${leaseUntil}::timestamptz, updated_at = now() where ${key}`);
    return { stripeCustomerId: row.stripe_customer_id, windowStart: params.windowStart, windowEnd: params.windowEnd, sequence: row.pending_sequence, value: row.pending_value! };
  }
  const [delta] = Array.from(
    await tx.execute<{ delta: string; positive: boolean }>(sql`
      select (coalesce(sum(value), 0) - ${row.reported_value}::numeric)::text as delta, (coalesce(sum(value), 0) - ${row.reported_value}::numeric) > 0 as positive
      from usage_events
      where organization_id = ${params.organizationId} and meter = ${params.meter}
        and occurred_at >= ${start}::timestamptz and occurred_at < ${end}::timestamptz`),
  );
  // Accepted events are never removed, so the sum only grows: nothing new means nothing to send.
  if (!delta?.positive) return null;
  const sequence = row.report_sequence + 1;
  await tx.execute(sql`
    update usage_report_windows
    set pending_sequence = ${sequence}, pending_value = ${delta.delta}::numeric, pending_lease_until = ${leaseUntil}::timestamptz, updated_at = now()
    where ${key}`);
  return { stripeCustomerId: row.stripe_customer_id, windowStart: params.windowStart, windowEnd: params.windowEnd, sequence, value: delta.delta };
}

/** Records a sent report; a no-op when another reporter recorded it first (the pending sequence moved on). */
export async function recordWindowReport(params: { organizationId: string; meter: string; windowStart: Date; sequence: number }, tx: Tx = db): Promise<boolean> {
  const rows = await tx.execute<{ ok: number }>(sql`
    update usage_report_windows
    set reported_value = reported_value + pending_value, report_sequence = pending_sequence,
      pending_sequence = null, pending_value = null, pending_lease_until = null, updated_at = now()
    where organization_id = ${params.organizationId} and meter = ${params.meter}
      and window_start = ${params.windowStart.toISOString()}::timestamptz and pending_sequence = ${params.sequence}
    returning 1 as ok`);
  return Array.from(rows).length === 1;
}

/**
 * Gives up the lease on a pending report whose send failed (Stripe unreachable, an error answer): the report stays
 * pending with its sequence and value, and the next run re-sends it at once instead of after the lease.
 */
export async function releaseWindowReport(params: { organizationId: string; meter: string; windowStart: Date; sequence: number }, tx: Tx = db): Promise<void> {
  await tx.execute(sql`
    update usage_report_windows set pending_lease_until = null, updated_at = now()
    where organization_id = ${params.organizationId} and meter = ${params.meter}
      and window_start = ${params.windowStart.toISOString()}::timestamptz and pending_sequence = ${params.sequence}`);
}

export async function getReporterCursor(tx: Tx = db): Promise<Date | null> {
  const [row] = Array.from(await tx.execute<{ at: string }>(sql`select at from usage_reporter_state where name = 'scan_cursor'`));
  return row ? new Date(row.at) : null;
}

/** Moves the cursor forward only (two reporters finishing out of order never move it back). */
export async function advanceReporterCursor(params: { at: Date }, tx: Tx = db): Promise<void> {
  await tx.execute(sql`
    insert into usage_reporter_state (name, at) values ('scan_cursor', ${params.at.toISOString()}::timestamptz)
    on conflict (name) do update set at = greatest(usage_reporter_state.at, excluded.at)`);
}

// Reports accepted usage to Stripe meters, exactly: for each customer·meter·hour window that has closed, Stripe
// gets one meter event with the window's sum, and later one correction per late arrival with the difference.
// Runs as the `usage.report` job (lib/jobs) and from the bench; safe to run on several servers at once and to
// kill at any point. See docs/architecture.md, "Usage reporting".
//
// Invariants, per window row in usage_report_windows:
// - reported_value is the sum of the values Stripe holds under the identifiers …_1 … …_report_sequence;
// - a report is written as pending (sequence, value) and committed BEFORE it is sent, and recorded after; a
//   crash between sending and recording re-sends the same identifier and value, which Stripe deduplicates;
// - the window row is claimed under FOR UPDATE SKIP LOCKED and a pending report carries a lease, so two
//   reporters never compute two different reports for one window.
// - a send that fails (Stripe unreachable) releases the lease, the report staying pending: the next run re-sends
//   it at once, so reports catch up on the first run after Stripe returns.
import 'server-only';
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { db } from '@/db';
import {
  advanceReporterCursor,
  claimWindowReport,
  getReporterCursor,
  listMeteredSubscriptions,
  listPendingWindows,
  listRecentUsageSpans,
  listUnbalancedWindows,
  recordWindowReport,
  releaseWindowReport,
  type ClaimedReport,
} from '@/db/queries/usage-reporting';
import { createMeterEvent } from '@/lib/stripe/create-meter-event';
import { reportIdentifier, reportTimestamp, windowOffsetSeconds, windowStartOf } from './report-windows';

/** Arrivals are looked at again this long after a run: windows still open then, and transactions committing late. */
const RESCAN_SECONDS = 70 * 60;
/** The first run looks this far back: as old as an accepted event can be. */
const FIRST_SCAN_SECONDS = 36 * 86_400;

export type ReportUsageOptions = {
  stripe?: Stripe;
  /** The reporter's clock: windows ending by then are reported (tests and the bench move it). */
  now?: Date;
  /** How long a claimed report is left to its reporter before another takes it over (default 120 s). */
  leaseSeconds?: number;
  /** Test hook: runs after Stripe accepted a report and before it is recorded (to simulate a crash there). */
  afterSend?: (report: ClaimedReport & { organizationId: string; meter: string }) => Promise<void> | void;
};

export type ReportUsageResult = { windows: number; stripeCalls: number; duplicates: number; failed: number };

type WindowTask = { organizationId: string; meter: string; stripeCustomerId: string; windowStart: Date; windowEnd: Date };

export async function reportUsage(options: ReportUsageOptions = {}): Promise<ReportUsageResult> {
  const now = options.now ?? new Date();
  const cursor = await getReporterCursor();
  const since = cursor ? new Date(cursor.getTime() - RESCAN_SECONDS * 1000) : new Date(now.getTime() - FIRST_SCAN_SECONDS * 1000);
  const tasks = await findWindowsToReport(now, since);
  const result: ReportUsageResult = { windows: tasks.length, stripeCalls: 0, duplicates: 0, failed: 0 };
  for (const task of tasks) {
    try {
      const sent = await reportWindow(task, now, options);
      if (sent === 'sent') result.stripeCalls += 1;
      if (sent === 'duplicate') {
        result.stripeCalls += 1;
        result.duplicates += 1;
      }
    } catch (error) {
      result.failed += 1;
      console.error(`[usage] reporting ${task.meter} of ${task.organizationId} at ${task.windowStart.toISOString()} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // Only a complete run moves the cursor: a failed window's arrivals are looked at again next time.
  if (result.failed === 0) await advanceReporterCursor({ at: now });
  return result;
}

/** Closed windows of metered subscriptions whose accepted sum differs from what Stripe holds, and pending reports. */
async function findWindowsToReport(now: Date, since: Date): Promise<WindowTask[]> {
  const [subscriptions, spans, pending] = await Promise.all([listMeteredSubscriptions(), listRecentUsageSpans({ since }), listPendingWindows()]);
  const tasks = new Map<string, WindowTask>();
  const keyOf = (t: { organizationId: string; meter: string; windowStart: Date }) => `${t.organizationId}\n${t.meter}\n${t.windowStart.getTime()}`;
  for (const p of pending) tasks.set(keyOf(p), p);

  for (const span of spans) {
    // Usage of an organization without a metered subscription for this meter is kept and shown, never billed.
    const subscription = subscriptions.find((s) => s.organizationId === span.organizationId && s.meter === span.meter);
    if (!subscription) continue;
    const offset = windowOffsetSeconds(subscription.anchor);
    const alignedFirst = windowStartOf(span.firstAt, offset);
    const from = alignedFirst > subscription.startsAt ? alignedFirst : subscription.startsAt;
    // Windows still open are left for a later run (one call per window, not one per arrival).
    const to = windowStartOf(now, offset);
    if (from >= to) continue;
    const windows = await listUnbalancedWindows({ organizationId: span.organizationId, meter: span.meter, from, to, offsetSeconds: offset });
    for (const w of windows) {
      const task = { organizationId: span.organizationId, meter: span.meter, stripeCustomerId: subscription.customerId, windowStart: w.windowStart, windowEnd: w.windowEnd };
      tasks.set(keyOf(task), task);
    }
  }
  return [...tasks.values()].sort((a, b) => a.windowStart.getTime() - b.windowStart.getTime());
}

async function reportWindow(task: WindowTask, now: Date, options: ReportUsageOptions): Promise<'sent' | 'duplicate' | 'nothing'> {
  const claimed = await db.transaction((tx) => claimWindowReport({ ...task, now, leaseSeconds: options.leaseSeconds ?? 120 }, tx));
  if (!claimed) return 'nothing';
  const identifier = reportIdentifier({ organizationId: task.organizationId, meter: task.meter, windowStart: claimed.windowStart, sequence: claimed.sequence }, sha256);
  const windowKey = { organizationId: task.organizationId, meter: task.meter, windowStart: claimed.windowStart, sequence: claimed.sequence };
  let duplicate: boolean;
  try {
    ({ duplicate } = await createMeterEvent(
      { eventName: task.meter, customerId: claimed.stripeCustomerId, value: claimed.value, timestamp: reportTimestamp(claimed.windowStart, now), identifier },
      options.stripe,
    ));
  } catch (error) {
    // A failed send may still have reached Stripe (a timeout): the same identifier and value go again next run,
    // which Stripe deduplicates. Released, so that run is the next one, not one after the lease.
    await releaseWindowReport(windowKey).catch(() => {});
    throw error;
  }
  await options.afterSend?.({ ...claimed, organizationId: task.organizationId, meter: task.meter });
  await recordWindowReport(windowKey);
  return duplicate ? 'duplicate' : 'sent';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

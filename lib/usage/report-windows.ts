// Hour windows for reporting, pure. A subscription's billing periods start at its anchor's second of the hour
// (monthly and yearly periods keep the anchor's time of day), so hour windows aligned to that second never
// straddle a period boundary: every event of a window lands in the same billing period as the window's report.
const HOUR = 3_600;

/** Seconds past the hour at which the subscription's windows (and periods) start. */
export function windowOffsetSeconds(anchor: Date): number {
  const seconds = Math.floor(anchor.getTime() / 1000);
  return ((seconds % HOUR) + HOUR) % HOUR;
}

/** Start of the window holding `at`, aligned to `offsetSeconds` past the hour. */
export function windowStartOf(at: Date, offsetSeconds: number): Date {
  const seconds = Math.floor(at.getTime() / 1000);
  return new Date((Math.floor((seconds - offsetSeconds) / HOUR) * HOUR + offsetSeconds) * 1000);
}

/** A deterministic Stripe meter event identifier per (organization, meter, window, report sequence), ≤ 100 chars. */
export function reportIdentifier(parts: { organizationId: string; meter: string; windowStart: Date; sequence: number }, hash: (text: string) => string): string {
  const window = Math.floor(parts.windowStart.getTime() / 1000);
  return `seikyu_${window}_${parts.sequence}_${hash(`${parts.organizationId}\n${parts.meter}\n${window}\n${parts.sequence}`).slice(0, 40)}`;
}

/** Stripe takes meter events up to 35 days old: report at the window start, or the oldest moment it accepts. */
export function reportTimestamp(windowStart: Date, now: Date): number {
  const oldest = Math.floor(now.getTime() / 1000) - 35 * 86_400 + 600;
  return Math.max(Math.floor(windowStart.getTime() / 1000), oldest);
}

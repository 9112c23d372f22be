// The demo customer's usage history: a month of device hours and diagnosis requests, so the usage page, the
// projected invoice and the operators' usage section show something on a fresh `npm run demo`. Stored as a
// device fleet's reporter would send it (one event per meter and day, each with its own identifier), so a
// restart on the same day adds nothing and a later one only fills in the days since.
import { insertUsageEvents } from '@/db/queries/usage-events';
import type { Db } from '@/db';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back: inside the 35 days the usage API accepts, so the history looks like what a client could send. */
export const DEMO_USAGE_DAYS = 33;

/** A fleet of about twenty devices around the clock, fewer at weekends; a few diagnoses per device a day. */
function dayValues(date: Date, dayIndex: number): { deviceHours: number; diagnoses: number } {
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
  // Deterministic variation (no randomness: two starts on one day store the same history).
  const wobble = ((dayIndex * 37) % 11) - 5;
  const devices = (weekend ? 14 : 20) + Math.round(wobble / 2);
  return { deviceHours: devices * 24 - ((dayIndex * 13) % 17), diagnoses: devices * 5 + wobble * 3 };
}

/**
 * One event per meter for each of the past `DEMO_USAGE_DAYS` days, at 03:00 UTC (noon in Tokyo); today's only
 * once that hour has passed. Returns how many were new.
 */
export async function seedDemoUsageHistory(db: Db, params: { organizationId: string; now: Date }): Promise<number> {
  const today = Date.UTC(params.now.getUTCFullYear(), params.now.getUTCMonth(), params.now.getUTCDate());
  const events = [];
  for (let back = DEMO_USAGE_DAYS - 1; back >= 0; back--) {
    const occurredAt = new Date(today - back * DAY_MS + 3 * 60 * 60 * 1000);
    if (occurredAt.getTime() > params.now.getTime()) continue;
    const day = occurredAt.toISOString().slice(0, 10);
    const { deviceHours, diagnoses } = dayValues(occurredAt, Math.floor(occurredAt.getTime() / DAY_MS));
    events.push(
      { meter: 'device_hours', value: String(deviceHours), occurredAt, identifier: `demo-history-device_hours-${day}` },
      { meter: 'diagnosis_requests', value: String(diagnoses), occurredAt, identifier: `demo-history-diagnosis_requests-${day}` },
    );
  }
  return insertUsageEvents({ organizationId: params.organizationId, events }, db);
}

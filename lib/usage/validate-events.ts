// Validation of a usage events request, pure. Any invalid event rejects the whole request with one error per
// invalid event (its index, a code, a sentence), so the caller fixes the batch and sends it again whole;
// duplicates of events already stored are harmless on the retry.
import type { NewUsageEvent } from '@/db/queries/usage-events';

export const MAX_EVENTS_PER_REQUEST = 1_000;
export const MAX_BODY_BYTES = 1_000_000;
/** Stripe accepts meter events up to 35 days old and 5 minutes ahead; we accept what we can still report. */
export const MAX_EVENT_AGE_SECONDS = 35 * 24 * 3600;
export const MAX_EVENT_AHEAD_SECONDS = 5 * 60;
export const MAX_IDENTIFIER_LENGTH = 100;
export const MAX_EVENT_VALUE = 1_000_000_000;

export type EventError = { index: number; code: 'invalid_event' | 'unknown_meter' | 'invalid_value' | 'invalid_timestamp' | 'invalid_identifier'; message: string };

export type ValidationResult =
  | { ok: true; events: NewUsageEvent[] }
  | { ok: false; status: 400 | 413; code: 'invalid_request' | 'too_many_events' | 'invalid_events'; message: string; errors?: EventError[] };

export function validateUsageEvents(body: unknown, context: { knownMeters: ReadonlySet<string>; nowSeconds: number }): ValidationResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Array.isArray((body as { events?: unknown }).events)) {
    return { ok: false, status: 400, code: 'invalid_request', message: 'The body must be a JSON object with an "events" array.' };
  }
  const raw = (body as { events: unknown[] }).events;
  if (raw.length === 0) return { ok: false, status: 400, code: 'invalid_request', message: '"events" must contain at least one event.' };
  if (raw.length > MAX_EVENTS_PER_REQUEST) {
    return { ok: false, status: 413, code: 'too_many_events', message: `At most ${MAX_EVENTS_PER_REQUEST} events per request; this one has ${raw.length}.` };
  }
  const errors: EventError[] = [];
  const events: NewUsageEvent[] = [];
  const earliest = context.nowSeconds - MAX_EVENT_AGE_SECONDS;
  const latest = context.nowSeconds + MAX_EVENT_AHEAD_SECONDS;
  raw.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ index, code: 'invalid_event', message: 'An event must be a JSON object.' });
      return;
    }
    const { meter, value, timestamp, identifier } = item as Record<string, unknown>;
    if (typeof meter !== 'string' || !context.knownMeters.has(meter)) {
      errors.push({ index, code: 'unknown_meter', message: `"meter" must be one of: ${[...context.knownMeters].sort().join(', ') || '(none configured)'}.` });
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_EVENT_VALUE) {
      errors.push({ index, code: 'invalid_value', message: `"value" must be a number from 0 to ${MAX_EVENT_VALUE}.` });
      return;
    }
    if (typeof identifier !== 'string' || identifier.length === 0 || identifier.length > MAX_IDENTIFIER_LENGTH) {
      errors.push({ index, code: 'invalid_identifier', message: `"identifier" is required: a string of 1 to ${MAX_IDENTIFIER_LENGTH} characters, unique per event.` });
      return;
    }
    let seconds = context.nowSeconds;
    if (timestamp !== undefined && timestamp !== null) {
      if (typeof timestamp !== 'number' || !Number.isInteger(timestamp)) {
        errors.push({ index, code: 'invalid_timestamp', message: '"timestamp" must be whole Unix seconds.' });
        return;
      }
      if (timestamp < earliest || timestamp > latest) {
        errors.push({ index, code: 'invalid_timestamp', message: '"timestamp" must be within the past 35 days and at most 5 minutes ahead.' });
        return;
      }
      seconds = timestamp;
    }
    events.push({ meter, value: decimalString(value), occurredAt: new Date(seconds * 1000), identifier });
  });
  if (errors.length > 0) {
    return { ok: false, status: 400, code: 'invalid_events', message: `${errors.length} of ${raw.length} events are invalid; nothing was stored.`, errors };
  }
  return { ok: true, events };
}

/** A JSON number as an exact decimal string for PostgreSQL numeric (no exponent: 1e-7 → 0.0000001). */
export function decimalString(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

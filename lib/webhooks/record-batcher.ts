// Group commit for the webhook ledger: deliveries that arrive while an insert is running are recorded together by
// the next one (one statement, one commit), so under a burst the database commits once per group instead of once
// per delivery, and an idle server records each delivery at once (no timer, no added wait). Every caller still
// learns whether its own event was recorded now (false: a duplicate) only after the commit that holds it.
import { insertStripeEvent, insertStripeEvents, type NewStripeEvent } from '@/db/queries/events';

/** Rows per statement: a few hundred kB of payloads at most. */
export const MAX_GROUP = 100;

type Waiting = { event: NewStripeEvent; resolve: (recorded: boolean) => void; reject: (error: unknown) => void };

let waiting: Waiting[] = [];
let inserting = false;

/** Records one verified event (true) or finds it recorded before (false); rejects when it could not be recorded. */
export function recordStripeEvent(event: NewStripeEvent): Promise<boolean> {
  return new Promise((resolve, reject) => {
    waiting.push({ event, resolve, reject });
    if (!inserting) void insertWaiting();
  });
}

async function insertWaiting(): Promise<void> {
  inserting = true;
  try {
    while (waiting.length > 0) {
      const group = waiting.slice(0, MAX_GROUP);
      waiting = waiting.slice(MAX_GROUP);
      await insertGroup(group);
    }
  } finally {
    inserting = false;
  }
}

async function insertGroup(group: Waiting[]): Promise<void> {
  let recorded: Set<string>;
  try {
    recorded = await insertStripeEvents(group.map((w) => w.event));
  } catch (error) {
    if (group.length === 1 || !refusedByDatabase(error)) {
      // Not reached, or no answer (a lost connection): every delivery of the group is answered 500 and re-sent.
      for (const w of group) w.reject(error);
      return;
    }
    // The database refused the statement (one row it will not take): each delivery is tried alone, in order, so
    // only the events that cannot be recorded are answered 500, and a repeated id is still a duplicate.
    for (const w of group) await insertStripeEvent(w.event).then(w.resolve, w.reject);
    return;
  }
  // The same id twice in one group (a duplicate delivery racing its original): the first is the recorded one.
  const answered = new Set<string>();
  for (const w of group) {
    w.resolve(recorded.has(w.event.id) && !answered.has(w.event.id));
    answered.add(w.event.id);
  }
}

/** A SQLSTATE from the server (e.g. 22P05, a character jsonb refuses), as opposed to a connection that failed. */
function refusedByDatabase(error: unknown): boolean {
  // drizzle wraps the driver's error (postgres-js or PGlite) in `cause`.
  const driverError = (error as { cause?: unknown } | null)?.cause ?? error;
  const code = (driverError as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && !code.startsWith('57');
}

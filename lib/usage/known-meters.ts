// The meters the usage API accepts: event names in the mirrored catalogue, cached briefly per app server so
// ingesting a batch costs no catalogue query. A meter added to the catalogue is accepted within CACHE_MS.
import 'server-only';
import { listKnownMeters } from '@/db/queries/usage-reporting';

const CACHE_MS = 30_000;
const globalForMeters = globalThis as unknown as { __seikyuKnownMeters?: { meters: ReadonlySet<string>; until: number } };

export async function knownMeters(now = Date.now()): Promise<ReadonlySet<string>> {
  const cached = globalForMeters.__seikyuKnownMeters;
  if (cached && cached.until > now) return cached.meters;
  const meters = new Set(await listKnownMeters());
  globalForMeters.__seikyuKnownMeters = { meters, until: now + CACHE_MS };
  return meters;
}

/** Forgets the cached list (tests, and after a catalogue sync in this process). */
export function forgetKnownMeters(): void {
  globalForMeters.__seikyuKnownMeters = undefined;
}

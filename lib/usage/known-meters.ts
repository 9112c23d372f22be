// The catalogue's meters, cached briefly per app server: the usage API checks every batch against them and the usage
// dashboard lists them on every view, and neither should cost a catalogue query each time. A meter added to the
// catalogue, or renamed, shows within CACHE_MS.
import 'server-only';
import { catalogMetersOf, listMeterProducts, type CatalogMeter } from '@/db/queries/catalog';

const CACHE_MS = 30_000;
type Cached = { products: { metadata: Record<string, string> }[]; eventNames: ReadonlySet<string>; until: number };
const globalForMeters = globalThis as unknown as { __seikyuKnownMeters?: Cached };

async function cached(now: number): Promise<Cached> {
  const entry = globalForMeters.__seikyuKnownMeters;
  if (entry && entry.until > now) return entry;
  const products = await listMeterProducts();
  const fresh = { products, eventNames: new Set(catalogMetersOf(products).map((meter) => meter.eventName)), until: now + CACHE_MS };
  globalForMeters.__seikyuKnownMeters = fresh;
  return fresh;
}

/** The meter event names the usage API accepts. */
export async function knownMeters(now = Date.now()): Promise<ReadonlySet<string>> {
  return (await cached(now)).eventNames;
}

/** The meters with their names in `locale`, in catalogue order (listCatalogMeters, up to CACHE_MS old). */
export async function catalogMeters(locale: string, now = Date.now()): Promise<CatalogMeter[]> {
  return catalogMetersOf((await cached(now)).products, locale);
}

/** Forgets the cached list (tests, and after a catalogue sync in this process). */
export function forgetKnownMeters(): void {
  globalForMeters.__seikyuKnownMeters = undefined;
}

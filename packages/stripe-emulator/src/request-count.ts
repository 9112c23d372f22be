// GET /_emulator/requests/count — how many Stripe requests this emulator has answered since it started, so a
// benchmark can prove a page view makes none (read the count before and after), and which endpoints they were
// (`by_endpoint`: "GET /v1/invoices/:id" → count), so a benchmark can say which reads an event costs.
// Read-only; per process. Test controls (`/_emulator/*`) are not counted; everything else (API, Stripe.js,
// hosted pages, PDFs) is.
import type { IncomingMessage } from 'node:http';
import type { Emulator } from './emulator.js';

type Counts = { total: number; byEndpoint: Map<string, number> };
const counts = new WeakMap<Emulator, Counts>();

/**
 * The endpoint of a request path: segments that are object ids (a lowercase prefix, an underscore, then six or
 * more letters and digits with at least one digit or capital, like `in_1Pq…`; not `payment_methods`) become
 * `:id`; the query string is dropped. Pure.
 */
export function endpointOf(method: string, url: string): string {
  const path = url.split('?')[0] ?? '';
  const template = path
    .split('/')
    .map((segment) => (/^[a-z]+(?:_[a-z]+)*_(?=[a-z]*[A-Z0-9])[A-Za-z0-9]{6,}$/.test(segment) ? ':id' : segment))
    .join('/');
  return `${method} ${template}`;
}

/** Called by the server for every incoming request, before routing. */
export function countRequest(emu: Emulator, req: IncomingMessage): void {
  const url = req.url ?? '';
  if (url.startsWith('/_emulator/')) return;
  let entry = counts.get(emu);
  if (!entry) counts.set(emu, (entry = { total: 0, byEndpoint: new Map() }));
  entry.total += 1;
  const endpoint = endpointOf(req.method ?? 'GET', url);
  entry.byEndpoint.set(endpoint, (entry.byEndpoint.get(endpoint) ?? 0) + 1);
}

export function registerRequestCountRoute(emu: Emulator): void {
  emu.router.control('GET', '/_emulator/requests/count', () => {
    const entry = counts.get(emu);
    return { count: entry?.total ?? 0, by_endpoint: Object.fromEntries(entry?.byEndpoint ?? []) };
  });
}

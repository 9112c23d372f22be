// GET /_emulator/requests/count — how many Stripe requests this emulator has answered since it started, so a
// benchmark can prove a page view makes none (read the count before and after). Read-only; per process.
// Test controls (`/_emulator/*`) are not counted; everything else (API, Stripe.js, hosted pages, PDFs) is.
import type { IncomingMessage } from 'node:http';
import type { Emulator } from './emulator.js';

const counts = new WeakMap<Emulator, number>();

/** Called by the server for every incoming request, before routing. */
export function countRequest(emu: Emulator, req: IncomingMessage): void {
  if ((req.url ?? '').startsWith('/_emulator/')) return;
  counts.set(emu, (counts.get(emu) ?? 0) + 1);
}

export function registerRequestCountRoute(emu: Emulator): void {
  emu.router.control('GET', '/_emulator/requests/count', () => ({ count: counts.get(emu) ?? 0 }));
}

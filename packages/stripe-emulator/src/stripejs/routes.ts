// GET /js/stripe.js, /js/elements-frame.html|js, /js/three-d-secure.html, /_emulator/3ds/:intentId — the Stripe.js
// stand-in and the pages it frames. Plain browser files in ./assets, read once and served as text. No
// X-Frame-Options or frame-ancestors: any app origin may frame the card form, as with js.stripe.com.
import { readFileSync } from 'node:fs';
import type { Emulator } from '../emulator.js';

interface Asset {
  file: string;
  contentType: string;
}

/** Route path → file in ./assets. */
export const STRIPE_JS_ASSETS: Record<string, Asset> = {
  '/js/stripe.js': { file: 'stripe.js', contentType: 'application/javascript; charset=utf-8' },
  '/js/elements-frame.html': { file: 'elements-frame.html', contentType: 'text/html; charset=utf-8' },
  '/js/elements-frame.js': { file: 'elements-frame.js', contentType: 'application/javascript; charset=utf-8' },
  '/js/three-d-secure.html': { file: 'three-d-secure.html', contentType: 'text/html; charset=utf-8' },
};

const cache = new Map<string, Buffer>();

function loadAsset(file: string): Buffer {
  let body = cache.get(file);
  if (!body) {
    body = readFileSync(new URL(`./assets/${file}`, import.meta.url));
    cache.set(file, body);
  }
  return body;
}

export function registerStripeJs(emu: Emulator): void {
  for (const [path, asset] of Object.entries(STRIPE_JS_ASSETS)) {
    const body = loadAsset(asset.file); // read at start: a missing file fails the emulator's start, not a page
    emu.router.raw('GET', path, (_req, res) => {
      res.statusCode = 200;
      res.setHeader('Content-Type', asset.contentType);
      res.setHeader('Content-Length', String(body.length));
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      res.end(body);
    });
  }
  // The page behind `next_action.redirect_to_url.url` / `use_stripe_sdk.stripe_js` (see card-outcomes.ts): the
  // same challenge page, in its full-page redirect mode. The decision itself is POST /_emulator/3ds/:id/{complete,fail}.
  const challenge = loadAsset('three-d-secure.html');
  emu.router.raw('GET', '/_emulator/3ds/:intentId', (_req, res) => {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(challenge);
  });
}

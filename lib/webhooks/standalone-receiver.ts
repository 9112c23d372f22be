// The webhook receiver outside Next.js (`npm run webhook-receiver`): a plain Node HTTP server that answers Stripe's
// deliveries with the same code as the app's routes (lib/webhooks/receive.ts, receive-thin.ts: verify, record once,
// answer) and leaves processing to the job runners, as WEBHOOK_PROCESSING=worker does. Next's route runtime costs
// more per request than recording an event does; for deployments that take bursts of thousands of deliveries
// (a month's renewals at once) the load balancer sends /api/webhooks/stripe* here (docs/deploying.md).
// Same paths and answers as the routes: 200 recorded or duplicate, 400 unverified, 500 not recorded (Stripe
// delivers again); plus 404 for any other path, 405 for another method, 413 over MAX_BODY_BYTES.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { receiveStripeWebhook } from './receive';
import { receiveStripeThinEvent } from './receive-thin';
import type { ReceiveOptions } from './record-and-schedule';

/** Stripe's event payloads are far below this; anything larger is not a delivery. */
export const MAX_BODY_BYTES = 1024 * 1024;

const ROUTES: Record<string, (request: Request, options: ReceiveOptions) => Promise<Response>> = {
  '/api/webhooks/stripe': receiveStripeWebhook,
  '/api/webhooks/stripe/thin': receiveStripeThinEvent,
};

/** Processing is the job runners' (the ledger's drain): this process records and answers only. */
const RECORD_ONLY: ReceiveOptions = { processing: 'worker' };

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]!;
  if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) return send(res, 200, 'ok', { 'content-type': 'text/plain' });
  const receive = ROUTES[path];
  if (!receive) return send(res, 404, JSON.stringify({ error: 'Not found' }));
  if (req.method !== 'POST') return send(res, 405, JSON.stringify({ error: 'Method not allowed' }), { 'content-type': 'application/json', allow: 'POST' });
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      res.setHeader('connection', 'close');
      return send(res, 413, JSON.stringify({ error: 'Payload too large' }));
    }
    throw error;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const request = new Request(`http://receiver${path}`, { method: 'POST', headers, body: new Uint8Array(body) });
  const response = await receive(request, RECORD_ONLY);
  send(res, response.status, await response.text(), { 'content-type': response.headers.get('content-type') ?? 'application/json' });
}

export function createWebhookReceiver(): Server {
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`[webhook-receiver] ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: 'Could not record the event' }));
      else res.destroy();
    });
  });
}

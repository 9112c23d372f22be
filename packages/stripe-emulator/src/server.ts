// HTTP front: auth, body parsing, idempotency, expand, CORS, Request-Id, errors — the same for every route.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Emulator, type EmulatorOptions } from './emulator.js';
import { StripeError, unrecognizedUrl } from './http/errors.js';
import { parseForm, type FormTree } from './http/form.js';
import { p } from './http/params.js';
import type { ApiRoute, AuthInfo } from './http/router.js';
import { applyExpansions } from './http/expand.js';
import { runInRequest } from './core/context.js';
import { API_VERSION } from './core/events.js';
import { resolvePublicUrls } from './core/public-url.js';
import { newRequestId } from './core/ids.js';
import { idempotencyCollection, type IdempotencyRecord } from './core/collections.js';
import { registerAll } from './resources/index.js';
import { registerControlRoutes } from './control.js';
import { countRequest, registerRequestCountRoute } from './request-count.js';

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  emulator: Emulator;
  /** Stops the server, the scheduler and the webhook queue, and saves the state file. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const expandSchema = p.array(p.string());

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emu = new Emulator(options);
  await emu.store.load();
  registerAll(emu);
  emu.webhooks.restore();
  registerControlRoutes(emu);
  registerRequestCountRoute(emu);

  const inFlightKeys = new Set<string>();
  const server = http.createServer((req, res) => {
    countRequest(emu, req);
    void handle(emu, inFlightKeys, req, res);
  });
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 12111, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  emu.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  emu.scheduler.start();

  let closing: Promise<void> | null = null;
  return {
    url: emu.url,
    port,
    emulator: emu,
    close() {
      closing ??= (async () => {
        await emu.scheduler.stop();
        emu.webhooks.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await emu.store.close();
      })();
      return closing;
    },
  };
}

function setCommonHeaders(req: IncomingMessage, res: ServerResponse, requestId: string): void {
  res.setHeader('Request-Id', requestId);
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', typeof origin === 'string' ? origin : '*');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Expose-Headers', 'Request-Id, Stripe-Version, Idempotent-Replayed, Stripe-Emulator-Requested-Version, Stripe-Emulator-Warning');
}

/** Every JSON body goes out through here, with hosted links resolved to the current public URL (core/public-url.ts). */
function sendJson(emu: Emulator, res: ServerResponse, status: number, body: string, extraHeaders: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-cache, no-store');
  for (const [k, v] of Object.entries(extraHeaders)) res.setHeader(k, v);
  res.end(resolvePublicUrls(body, emu.publicUrl));
}

function sendError(emu: Emulator, res: ServerResponse, requestId: string, error: StripeError): void {
  sendJson(emu, res, error.status, JSON.stringify(error.toJSON(requestId), null, 2), error.extra.headers);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new StripeError(413, 'invalid_request_error', 'Request body too large.');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function authenticate(req: IncomingMessage, tree: FormTree, route: ApiRoute<Emulator> | null): AuthInfo {
  const header = req.headers.authorization;
  let key: string | null = null;
  if (typeof header === 'string') {
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    const basic = /^Basic\s+(\S+)$/i.exec(header);
    if (bearer) key = bearer[1];
    else if (basic) key = Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0];
  }
  // Stripe.js sends its publishable key as a `key` param (on any route it calls, implemented or not: an
  // unimplemented one must then say so, not "no API key").
  const keyParam = typeof tree.key === 'string' && (route === null || route.options.publishable || /^pk_/.test(tree.key)) ? tree.key : null;
  if (!key && keyParam) key = keyParam;
  if (keyParam) delete tree.key;
  if (!key) {
    throw new StripeError(
      401,
      'invalid_request_error',
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  const masked = key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : key;
  if (/^(sk|rk)_test_\w+$/.test(key)) return { kind: 'secret', key };
  if (/^pk_test_\w+$/.test(key)) {
    if (route && !route.options.publishable) {
      throw new StripeError(
        401,
        'invalid_request_error',
        'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
      );
    }
    return { kind: 'publishable', key };
  }
  throw new StripeError(401, 'invalid_request_error', `Invalid API Key provided: ${masked}`);
}

async function handle(emu: Emulator, inFlightKeys: Set<string>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = newRequestId();
  const started = Date.now();
  setCommonHeaders(req, res, requestId);
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const method = (req.method ?? 'GET').toUpperCase();
  res.on('finish', () => emu.log(`${method} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms ${requestId}`));

  if (method === 'OPTIONS') {
    res.statusCode = 204;
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
    res.setHeader(
      'Access-Control-Allow-Headers',
      typeof req.headers['access-control-request-headers'] === 'string'
        ? req.headers['access-control-request-headers']
        : 'Authorization, Content-Type, Stripe-Version, Idempotency-Key',
    );
    res.setHeader('Access-Control-Max-Age', '600');
    res.end();
    return;
  }

  try {
    const isMethod = method === 'GET' || method === 'POST' || method === 'DELETE';
    const match = isMethod ? emu.router.match(method, url.pathname) : null;

    if (match?.route.kind === 'raw') {
      if (match.route.options.secretKey) {
        // `authenticate` refuses publishable keys only on API routes; here only a secret key will do.
        const auth = authenticate(req, parseForm(url.search.slice(1)), null);
        if (auth.kind !== 'secret') {
          throw new StripeError(401, 'invalid_request_error', 'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.');
        }
        res.setHeader('Stripe-Version', API_VERSION);
      }
      const body = method === 'POST' ? await readBody(req) : '';
      await match.route.handler({ emu, path: match.path, query: url.searchParams, body, req }, res);
      return;
    }
    if (match?.route.kind === 'control') {
      const text = method === 'POST' ? await readBody(req) : '';
      const body = parseControlBody(text, req.headers['content-type']);
      const result = await match.route.handler({ emu, path: match.path, query: url.searchParams, body });
      sendJson(emu, res, 200, JSON.stringify(result ?? { ok: true }, null, 2));
      return;
    }

    // Stripe API (/v1, /v2) — or an unknown path, answered in Stripe's error shape.
    const route = match?.route.kind === 'api' ? match.route : null;
    const rawBody = method === 'POST' ? await readBody(req) : '';
    const tree = parseForm(method === 'POST' ? rawBody : url.search.slice(1));
    const auth = authenticate(req, tree, route);
    if (!route || !match) throw unrecognizedUrl(method, url.pathname);
    const account = req.headers['stripe-account'];
    if (typeof account === 'string' && account !== '') {
      throw new StripeError(400, 'invalid_request_error', `The Stripe emulator does not implement Connect: requests on behalf of a connected account (Stripe-Account: ${account}) are refused.`, {
        param: 'Stripe-Account',
      });
    }
    // One version: every response is in API_VERSION and says so. A request pinned to another version is answered
    // (the emulator cannot speak it) with a warning header, never with a Stripe-Version claiming the other one.
    res.setHeader('Stripe-Version', API_VERSION);
    const requestedVersion = req.headers['stripe-version'];
    if (typeof requestedVersion === 'string' && requestedVersion !== '' && requestedVersion !== API_VERSION) {
      res.setHeader('Stripe-Emulator-Requested-Version', requestedVersion);
      res.setHeader(
        'Stripe-Emulator-Warning',
        `This emulator speaks only Stripe API version ${API_VERSION}; the request asked for ${requestedVersion} and was answered in ${API_VERSION}.`,
      );
    }

    let expand: string[] = [];
    if (tree.expand !== undefined) {
      expand = expandSchema.parse(tree.expand, 'expand');
      delete tree.expand;
    }

    const headerKey = req.headers['idempotency-key'];
    const idempotencyKey = method === 'POST' && typeof headerKey === 'string' && headerKey !== '' ? headerKey : null;
    const scopedKey = idempotencyKey ? `${auth.key}:${idempotencyKey}` : null;
    const bodyHash = createHash('sha256').update(rawBody).digest('hex');
    if (scopedKey && idempotencyKey) {
      const stored = emu.store.get(idempotencyCollection, scopedKey);
      if (stored && Date.now() - stored.storedAt < IDEMPOTENCY_TTL_MS) {
        if (stored.method !== method || stored.path !== url.pathname || stored.bodyHash !== bodyHash) {
          throw new StripeError(
            400,
            'idempotency_error',
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          );
        }
        sendJson(emu, res, stored.status, stored.body, { 'Idempotent-Replayed': 'true', 'Original-Request': stored.requestId });
        return;
      }
      if (inFlightKeys.has(scopedKey)) {
        throw new StripeError(
          409,
          'idempotency_error',
          'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ' +
            `${idempotencyKey}. Please try again later.`,
          { code: 'idempotency_key_in_use' },
        );
      }
      inFlightKeys.add(scopedKey);
    }

    let status = 200;
    let body: string;
    try {
      const context = { requestId, idempotencyKey, apiKey: auth.key };
      try {
        // Atomic: the handler, `expand[]` and serialisation run in one store transaction, so a request answered
        // with an error (a bad expand path included) leaves nothing changed and sends no webhook.
        body = runInRequest(context, () =>
          emu.store.transaction(() => {
            const result: unknown = route.run({ emu, path: match.path, auth, requestId, idempotencyKey, urlPath: url.pathname }, tree);
            if (result instanceof Promise) throw new Error(`API handler ${method} ${route.pattern} returned a promise: API handlers must be synchronous`);
            const expanded = expand.length > 0 ? applyExpansions(emu.objects, result, expand) : result;
            return JSON.stringify(expanded, null, 2);
          }),
        );
      } catch (error) {
        if (!(error instanceof StripeError)) throw error;
        status = error.status;
        body = JSON.stringify(error.toJSON(requestId), null, 2);
        if (error.extra.headers) for (const [k, v] of Object.entries(error.extra.headers)) res.setHeader(k, v);
      }
      if (scopedKey && status !== 409 && status !== 429) {
        const record: IdempotencyRecord = {
          id: scopedKey,
          method,
          path: url.pathname,
          bodyHash,
          status,
          body,
          requestId,
          storedAt: Date.now(),
        };
        emu.store.insert(idempotencyCollection, record);
        pruneIdempotency(emu);
      }
    } finally {
      if (scopedKey) inFlightKeys.delete(scopedKey);
    }
    sendJson(emu, res, status, body);
  } catch (error) {
    if (error instanceof StripeError) {
      sendError(emu, res, requestId, error);
      return;
    }
    emu.logError(`${method} ${url.pathname} failed`, error);
    if (!res.headersSent) {
      sendError(
        emu,
        res,
        requestId,
        new StripeError(500, 'api_error', 'An unexpected error occurred inside the Stripe emulator. See its log for details.', {
          headers: { 'Stripe-Should-Retry': 'false' },
        }),
      );
    } else {
      res.end();
    }
  }
}

let lastPrune = 0;
/** Drops idempotency records older than 24 hours (at most once a minute). */
function pruneIdempotency(emu: Emulator): void {
  const now = Date.now();
  if (now - lastPrune < 60_000) return;
  lastPrune = now;
  for (const record of emu.store.all(idempotencyCollection)) {
    if (now - record.storedAt >= IDEMPOTENCY_TTL_MS) emu.store.delete(idempotencyCollection, record.id);
  }
}

function parseControlBody(text: string, contentType: string | undefined): Record<string, unknown> {
  if (!text) return {};
  if (contentType?.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new StripeError(400, 'invalid_request_error', 'The control request body is not valid JSON.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new StripeError(400, 'invalid_request_error', 'Control requests take a JSON object body.');
    }
    return { ...parsed };
  }
  return { ...parseForm(text) };
}

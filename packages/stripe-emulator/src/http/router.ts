// Route table. Three kinds of route:
// - api:     Stripe paths (`/v1/...`), authenticated, params validated against a declared shape, JSON out,
//            `expand[]` and idempotency handled by the server.
// The router is generic in the instance it hands to handlers (`E`, the Emulator), so it imports nothing above
// the http layer (no emulator ↔ router import cycle).
// - control: `/_emulator/...` test controls, no auth, JSON in/out.
// - raw:     anything that is not JSON (hosted pages, PDFs, receipts, the Stripe.js stand-in).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { p, type ObjectOf, type Shape } from './params.js';
import type { FormTree } from './form.js';

export type Method = 'GET' | 'POST' | 'DELETE';

export interface AuthInfo {
  kind: 'secret' | 'publishable';
  key: string;
}

export interface ApiRequest<P, E = unknown> {
  emu: E;
  params: P;
  /** `:name` segments of the route path. */
  path: Record<string, string>;
  auth: AuthInfo;
  requestId: string;
  idempotencyKey: string | null;
  /** The request path (for list `url`s). */
  urlPath: string;
}

export interface ApiRouteOptions {
  /** Allow `pk_test_…` keys (the calls Stripe.js makes from a browser). Handlers must then check the client secret. */
  publishable?: boolean;
}

export interface ApiRoute<E = unknown> {
  kind: 'api';
  method: Method;
  pattern: string;
  segments: string[];
  options: ApiRouteOptions;
  /** Validates the form tree against the route's schema, then calls the handler. */
  run: (req: ApiRequestBase<E>, tree: FormTree) => unknown;
}

export type ApiRequestBase<E = unknown> = Omit<ApiRequest<never, E>, 'params'>;

export interface ControlRequest<E = unknown> {
  emu: E;
  path: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (or form body as a flat object); {} when empty. */
  body: Record<string, unknown>;
}

export interface ControlRoute<E = unknown> {
  kind: 'control';
  method: Method;
  pattern: string;
  segments: string[];
  handler: (req: ControlRequest<E>) => unknown;
}

export interface RawRequest<E = unknown> {
  emu: E;
  path: Record<string, string>;
  query: URLSearchParams;
  body: string;
  req: IncomingMessage;
}

export interface RawRouteOptions {
  /**
   * A Stripe API path that answers with something other than JSON (`GET /v1/quotes/:id/pdf`, which the SDK sends
   * to files.stripe.com): the server requires a secret key as on API routes, and a StripeError the handler
   * throws is answered in Stripe's JSON error shape.
   */
  secretKey?: boolean;
}

export interface RawRoute<E = unknown> {
  kind: 'raw';
  method: Method;
  pattern: string;
  segments: string[];
  options: RawRouteOptions;
  handler: (req: RawRequest<E>, res: ServerResponse) => void | Promise<void>;
}

export type Route<E = unknown> = ApiRoute<E> | ControlRoute<E> | RawRoute<E>;

export interface RouteMatch<E = unknown> {
  route: Route<E>;
  path: Record<string, string>;
}

export class Router<E> {
  private readonly routes: Array<Route<E>> = [];

  /** Registers a Stripe API route. `shape` lists every accepted param (`expand` is implicit). */
  api<S extends Shape>(
    method: Method,
    pattern: string,
    shape: S,
    handler: (req: ApiRequest<ObjectOf<S>, E>) => unknown,
    options: ApiRouteOptions = {},
  ): void {
    const schema = p.object(shape);
    this.add({
      kind: 'api',
      method,
      pattern,
      segments: split(pattern),
      options,
      run: (req, tree) => handler({ ...req, params: schema.parse(tree, '') }),
    });
  }

  control(method: Method, pattern: string, handler: (req: ControlRequest<E>) => unknown): void {
    this.add({ kind: 'control', method, pattern, segments: split(pattern), handler });
  }

  raw(
    method: Method,
    pattern: string,
    handler: (req: RawRequest<E>, res: ServerResponse) => void | Promise<void>,
    options: RawRouteOptions = {},
  ): void {
    this.add({ kind: 'raw', method, pattern, segments: split(pattern), options, handler });
  }

  private add(route: Route<E>): void {
    const clash = this.routes.find((r) => r.method === route.method && r.pattern === route.pattern);
    if (clash) throw new Error(`route ${route.method} ${route.pattern} is registered twice`);
    this.routes.push(route);
  }

  /** Finds the route for a request. Literal segments win over `:params` (`/v1/invoices/create_preview`). */
  match(method: string, pathname: string): RouteMatch<E> | null {
    const parts = split(pathname);
    let best: { match: RouteMatch<E>; literals: number } | null = null;
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let literals = 0;
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const seg = route.segments[i];
        if (seg.startsWith(':')) params[seg.slice(1)] = parts[i];
        else if (seg === parts[i]) literals++;
        else {
          ok = false;
          break;
        }
      }
      if (ok && (!best || literals > best.literals)) best = { match: { route, path: params }, literals };
    }
    return best?.match ?? null;
  }

  /** Every registered route (for docs and the unknown-endpoint test). */
  list(): Array<{ kind: Route<E>['kind']; method: Method; pattern: string }> {
    return this.routes.map((r) => ({ kind: r.kind, method: r.method, pattern: r.pattern }));
  }
}

function split(path: string): string[] {
  return path.split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

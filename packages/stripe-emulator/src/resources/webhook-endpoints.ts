// Webhook endpoints: /v1/webhook_endpoints CRUD. The secret (`whsec_…`) is returned on create only, as in Stripe.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { tombstonesCollection, webhookEndpointScopesCollection, webhookEndpointsCollection } from '../core/collections.js';
import { newId, randomToken } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import { API_VERSION } from '../core/events.js';
import type { Full } from '../core/types.js';
import { invalidRequest } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { listParams, p } from '../http/params.js';

function withoutSecret(endpoint: Stripe.WebhookEndpoint): Stripe.WebhookEndpoint {
  const { secret: _secret, ...rest } = endpoint;
  return rest;
}

function validateUrl(url: string, param: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidRequest(`Invalid URL: ${url}`, { param, code: 'url_invalid' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw invalidRequest(`Invalid URL: ${url}`, { param, code: 'url_invalid' });
}

function validateEvents(events: string[], param: string): void {
  if (events.length === 0) throw invalidRequest('enabled_events must contain at least one event type.', { param });
  for (const [i, e] of events.entries()) {
    if (e !== '*' && !/^[a-z_]+(\.[a-z_]+)+$/.test(e)) {
      throw invalidRequest(`Invalid ${param}[${i}]: ${e} is not a valid event type.`, { param: `${param}[${i}]` });
    }
  }
}

export function registerWebhookEndpoints(emu: Emulator): void {
  emu.objects.register({ object: 'webhook_endpoint', prefix: 'we', collection: webhookEndpointsCollection, render: withoutSecret });
  const { router, store } = emu;

  router.api(
    'POST',
    '/v1/webhook_endpoints',
    {
      url: p.required(p.string({ maxLength: 5000 })),
      enabled_events: p.required(p.array(p.string())),
      api_version: p.string(),
      description: p.emptyable(p.string()),
      metadata: p.metadata(),
      connect: p.boolean(),
    },
    ({ params }) => {
      validateUrl(params.url, 'url');
      validateEvents(params.enabled_events, 'enabled_events');
      if (params.api_version && params.api_version !== API_VERSION) {
        throw invalidRequest(`The Stripe emulator only speaks API version ${API_VERSION}.`, { param: 'api_version' });
      }
      const endpoint = {
        id: newId('we'),
        object: 'webhook_endpoint',
        api_version: params.api_version ?? null,
        application: null,
        created: emu.clock.wallNow(),
        description: params.description ?? null,
        enabled_events: params.enabled_events,
        livemode: false,
        metadata: applyMetadata({}, params.metadata),
        secret: `whsec_${randomToken(32)}`,
        status: 'enabled',
        url: params.url,
      } satisfies Full<Stripe.WebhookEndpoint, 'deleted'>;
      // A Connect endpoint receives events of connected accounts only (dispatcher.ts); the flag is not on the object.
      if (params.connect) store.insert(webhookEndpointScopesCollection, { id: endpoint.id, connect: true });
      return store.insert(webhookEndpointsCollection, endpoint);
    },
  );

  router.api('GET', '/v1/webhook_endpoints/:id', {}, ({ path }) => withoutSecret(store.require(webhookEndpointsCollection, path.id, 'webhook endpoint')));

  router.api(
    'POST',
    '/v1/webhook_endpoints/:id',
    {
      url: p.string({ maxLength: 5000 }),
      enabled_events: p.array(p.string()),
      description: p.emptyable(p.string()),
      disabled: p.boolean(),
      metadata: p.metadata(),
    },
    ({ path, params }) => {
      store.require(webhookEndpointsCollection, path.id, 'webhook endpoint');
      if (params.url) validateUrl(params.url, 'url');
      if (params.enabled_events) validateEvents(params.enabled_events, 'enabled_events');
      const after = store.update(webhookEndpointsCollection, path.id, (cur) => ({
        ...cur,
        url: params.url ?? cur.url,
        enabled_events: params.enabled_events ?? cur.enabled_events,
        description: params.description !== undefined ? params.description : cur.description,
        status: params.disabled === undefined ? cur.status : params.disabled ? 'disabled' : 'enabled',
        metadata: applyMetadata(cur.metadata, params.metadata),
      }));
      return withoutSecret(after);
    },
  );

  router.api('DELETE', '/v1/webhook_endpoints/:id', {}, ({ path }) => {
    const endpoint = store.require(webhookEndpointsCollection, path.id, 'webhook endpoint');
    store.delete(webhookEndpointsCollection, endpoint.id);
    if (store.has(webhookEndpointScopesCollection, endpoint.id)) store.delete(webhookEndpointScopesCollection, endpoint.id);
    store.insert(tombstonesCollection, { id: endpoint.id, object: 'webhook_endpoint', deletedAt: emu.clock.wallNow() });
    return { id: endpoint.id, object: 'webhook_endpoint', deleted: true } satisfies Stripe.DeletedWebhookEndpoint;
  });

  router.api('GET', '/v1/webhook_endpoints', { ...listParams }, ({ params, urlPath }) =>
    paginate(store.newestFirst(webhookEndpointsCollection).map(withoutSecret), params, urlPath),
  );
}

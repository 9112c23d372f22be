// /v2/core/event_destinations: create (type `webhook_endpoint`, `event_payload: thin`), retrieve, list, delete,
// disable, enable. Deliveries go through the webhook dispatcher like every thin notification.
import type { Emulator } from '../../emulator.js';
import { newId, randomToken } from '../../core/ids.js';
import { applyMetadata } from '../../core/metadata.js';
import { invalidRequest, resourceMissing } from '../../http/errors.js';
import { p } from '../../http/params.js';
import { paginateV2 } from '../../http/v2.js';
import { eventDestinationsCollection, renderEventDestination, type StoredEventDestination } from '../../webhooks/event-destinations.js';

const includeParam = p.array(p.enumOf(['webhook_endpoint.signing_secret', 'webhook_endpoint.url'] as const));

export function registerV2EventDestinations(emu: Emulator): void {
  const { router, store } = emu;

  const requireDestination = (id: string): StoredEventDestination => {
    const found = store.get(eventDestinationsCollection, id);
    if (!found) throw resourceMissing('event_destination', id, 'id');
    return found;
  };

  router.v2(
    'POST',
    '/v2/core/event_destinations',
    {
      name: p.required(p.string({ maxLength: 5000 })),
      description: p.string({ maxLength: 5000 }),
      type: p.required(p.enumOf(['webhook_endpoint', 'amazon_eventbridge', 'azure_event_grid'] as const)),
      event_payload: p.required(p.enumOf(['thin', 'snapshot'] as const)),
      enabled_events: p.required(p.array(p.string())),
      events_from: p.array(p.string()),
      webhook_endpoint: p.object({ url: p.required(p.string({ maxLength: 5000 })) }),
      include: includeParam,
      metadata: p.metadata(),
      snapshot_api_version: p.unsupported(),
      amazon_eventbridge: p.unsupported(),
      azure_event_grid: p.unsupported(),
    },
    ({ params }) => {
      if (params.type !== 'webhook_endpoint') {
        throw invalidRequest('The Stripe emulator delivers to webhook endpoints only.', { param: 'type' });
      }
      if (params.event_payload !== 'thin') {
        throw invalidRequest('The Stripe emulator takes snapshot endpoints through /v1/webhook_endpoints; event destinations here are thin.', { param: 'event_payload' });
      }
      const url = params.webhook_endpoint?.url;
      if (!url) throw invalidRequest('webhook_endpoint.url is required for a webhook_endpoint destination.', { code: 'parameter_missing', param: 'webhook_endpoint.url' });
      if (!/^https?:\/\/\S+$/.test(url)) throw invalidRequest('Not a valid URL', { param: 'webhook_endpoint.url', code: 'url_invalid' });
      if (params.enabled_events.length === 0) throw invalidRequest('enabled_events must name at least one event type.', { param: 'enabled_events' });
      const now = new Date(emu.clock.wallNow() * 1000).toISOString();
      const stored = store.insert(eventDestinationsCollection, {
        id: newId('ed_test'),
        name: params.name,
        description: params.description ?? '',
        enabled_events: params.enabled_events,
        url,
        secret: `whsec_${randomToken(32)}`,
        status: 'enabled' as const,
        metadata: applyMetadata({}, params.metadata),
        created: now,
        updated: now,
      });
      return renderEventDestination(stored, params.include ?? []);
    },
  );

  router.v2('GET', '/v2/core/event_destinations/:id', { include: p.array(p.enumOf(['webhook_endpoint.url'] as const)) }, ({ path, params }) =>
    renderEventDestination(requireDestination(path.id), params.include ?? []),
  );

  router.v2(
    'GET',
    '/v2/core/event_destinations',
    { limit: p.integer({ min: 1, max: 100 }), page: p.string(), include: p.array(p.enumOf(['webhook_endpoint.url'] as const)) },
    ({ params, urlPath }) => {
      const items = store
        .all(eventDestinationsCollection)
        .reverse()
        .map((d) => renderEventDestination(d, params.include ?? []));
      return paginateV2(items, params, urlPath);
    },
  );

  router.v2('DELETE', '/v2/core/event_destinations/:id', {}, ({ path }) => {
    const destination = requireDestination(path.id);
    store.delete(eventDestinationsCollection, destination.id);
    return { id: destination.id, object: 'v2.core.event_destination' };
  });

  for (const action of ['disable', 'enable'] as const) {
    router.v2('POST', `/v2/core/event_destinations/:id/${action}`, {}, ({ path }) => {
      const destination = requireDestination(path.id);
      const status: StoredEventDestination['status'] = action === 'disable' ? 'disabled' : 'enabled';
      if (destination.status === status) throw invalidRequest(`Event destination ${destination.id} is already ${status}.`);
      const after = store.update(eventDestinationsCollection, destination.id, (d) => ({ ...d, status, updated: new Date(emu.clock.wallNow() * 1000).toISOString() }));
      return renderEventDestination(after);
    });
  }
}

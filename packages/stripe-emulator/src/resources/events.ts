// Events: GET /v1/events (filters `type` with `*` wildcards, `types[]`, `created`) and GET /v1/events/:id.
import type { Emulator } from '../emulator.js';
import { eventsCollection } from '../core/collections.js';
import { invalidRequest } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';

/** `customer.*` matches `customer.created` and `customer.subscription.updated`, as Stripe's type filter does. */
function typeMatches(pattern: string, type: string): boolean {
  if (!pattern.includes('*')) return pattern === type;
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(type);
}

export function registerEvents(emu: Emulator): void {
  emu.objects.register({ object: 'event', prefix: 'evt', collection: eventsCollection });
  const { router, store } = emu;

  router.api('GET', '/v1/events/:id', {}, ({ path }) => store.require(eventsCollection, path.id, 'event'));

  router.api(
    'GET',
    '/v1/events',
    { ...listParams, type: p.string(), types: p.array(p.string(), { maxLength: 20 }), created: p.range(), delivery_success: p.boolean() },
    ({ params, urlPath }) => {
      if (params.type && params.types) {
        throw invalidRequest('You may only specify one of these parameters: type, types.', { param: 'types' });
      }
      const items = store.newestFirst(eventsCollection, (e) => {
        if (params.type && !typeMatches(params.type, e.type)) return false;
        if (params.types && !params.types.includes(e.type)) return false;
        if (params.delivery_success !== undefined && (e.pending_webhooks === 0) !== params.delivery_success) return false;
        return matchesRange(e.created, params.created);
      });
      return paginate(items, params, urlPath);
    },
  );
}

// v2 events: `GET /v2/core/events/:id` and `GET /v2/core/events` (newest first; `object_id` = the related
// object's id, `types`). What an event destination's thin notification points at (`fetchEvent()`).
import type { Emulator } from '../../emulator.js';
import { resourceMissing } from '../../http/errors.js';
import { p } from '../../http/params.js';
import { paginateV2 } from '../../http/v2.js';
import { renderV2Event, v2EventsCollection } from '../../core/v2-events.js';

export function registerV2CoreEvents(emu: Emulator): void {
  const { router, store } = emu;

  router.v2('GET', '/v2/core/events/:id', {}, ({ path }) => {
    const event = store.get(v2EventsCollection, path.id);
    if (!event) throw resourceMissing('event', path.id, 'id');
    return renderV2Event(event);
  });

  router.v2(
    'GET',
    '/v2/core/events',
    { limit: p.integer({ min: 1, max: 100 }), page: p.string(), object_id: p.string(), types: p.array(p.string()) },
    ({ params, urlPath }) => {
      const types = params.types;
      const items = store
        .all(v2EventsCollection)
        .filter((e) => !params.object_id || e.related_object.id === params.object_id)
        .filter((e) => !types || types.includes(e.type))
        .reverse()
        .map(renderV2Event);
      const query: Record<string, string> = params.object_id ? { object_id: params.object_id } : {};
      return paginateV2(items, params, urlPath, query);
    },
  );
}

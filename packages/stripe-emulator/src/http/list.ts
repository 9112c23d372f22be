// Stripe list objects: newest first, `limit` 1–100 (default 10), cursors `starting_after` / `ending_before`.
import type Stripe from 'stripe';
import { StripeError } from './errors.js';

export interface PageParams {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
}

/** Pages `items` (already filtered and ordered newest first) into a Stripe list object for `url`. */
export function paginate<T extends { id: string }>(items: T[], params: PageParams, url: string): Stripe.ApiList<T> {
  const limit = params.limit ?? 10;
  if (params.starting_after && params.ending_before) {
    throw new StripeError(400, 'invalid_request_error', 'You may only specify one of these parameters: ending_before, starting_after.', {
      param: 'starting_after',
    });
  }
  if (params.starting_after) {
    const index = items.findIndex((i) => i.id === params.starting_after);
    if (index === -1) throw cursorMissing(params.starting_after, 'starting_after');
    const rest = items.slice(index + 1);
    return { object: 'list', data: rest.slice(0, limit), has_more: rest.length > limit, url };
  }
  if (params.ending_before) {
    const index = items.findIndex((i) => i.id === params.ending_before);
    if (index === -1) throw cursorMissing(params.ending_before, 'ending_before');
    const before = items.slice(0, index);
    const start = Math.max(0, before.length - limit);
    return { object: 'list', data: before.slice(start), has_more: start > 0, url };
  }
  return { object: 'list', data: items.slice(0, limit), has_more: items.length > limit, url };
}

function cursorMissing(id: string, param: string): StripeError {
  return new StripeError(404, 'invalid_request_error', `No such object: '${id}'`, { code: 'resource_missing', param });
}

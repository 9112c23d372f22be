// Subscription schedules: GET /v1/subscription_schedules/:id and the list. Only accepting a quote with a future
// effective date creates one (billing/schedules/); creating, updating, canceling or releasing them through the
// API is not implemented (404 "unrecognized request URL" / 400 for unknown routes and params).
import type { Emulator } from '../emulator.js';
import { billingOf } from '../billing/wire.js';
import {
  JOB_SCHEDULE_RELEASE,
  JOB_SCHEDULE_START,
  releaseSubscriptionSchedule,
  startSubscriptionSchedule,
  subscriptionSchedulesCollection,
} from '../billing/schedules/subscription-schedules.js';
import { paginate } from '../http/list.js';
import { listParams, p } from '../http/params.js';

function scheduleOf(payload: unknown): string | null {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null;
  const id = (payload as Record<string, unknown>).schedule;
  return typeof id === 'string' ? id : null;
}

export function registerSubscriptionSchedules(emu: Emulator): void {
  const engine = billingOf(emu);
  const { router, store } = emu;
  emu.objects.register({ object: 'subscription_schedule', prefix: 'sub_sched', collection: subscriptionSchedulesCollection });
  emu.scheduler.handle(JOB_SCHEDULE_START, (job) => {
    const id = scheduleOf(job.payload);
    if (id) startSubscriptionSchedule(emu, engine, id);
  });
  emu.scheduler.handle(JOB_SCHEDULE_RELEASE, (job) => {
    const id = scheduleOf(job.payload);
    if (id) releaseSubscriptionSchedule(emu, engine, id);
  });
  router.api('GET', '/v1/subscription_schedules/:id', {}, ({ path }) =>
    store.require(subscriptionSchedulesCollection, path.id, 'subscription schedule', 'id'),
  );
  router.api(
    'GET',
    '/v1/subscription_schedules',
    { ...listParams, customer: p.string(), scheduled: p.boolean(), released_at: p.unsupported(), canceled_at: p.unsupported(), completed_at: p.unsupported(), created: p.unsupported(), customer_account: p.unsupported() },
    ({ params, urlPath }) =>
      paginate(
        store.newestFirst(
          subscriptionSchedulesCollection,
          (s) => (params.customer === undefined || s.customer === params.customer) && (params.scheduled === undefined || (s.status === 'not_started') === params.scheduled),
        ),
        params,
        urlPath,
      ),
  );
}

// The routes PaymentIntents and SetupIntents share, registered once for both: the object type, retrieve (also
// with a publishable key and the `client_secret`), confirm (same checks, then the intent's own confirmation),
// cancel and list. Create and update differ too much to share and stay in payment-intents.ts / setup-intents.ts.
import type { Emulator } from '../emulator.js';
import type { Collection } from '../core/store.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p, type ObjectOf, type Shape } from '../http/params.js';
import type { ApiRequest } from '../http/router.js';
import { checkClientSecret, type IntentKind } from '../payments/intent-confirmation.js';

interface IntentObject {
  id: string;
  object: string;
  client_secret: string | null;
  created: number;
  customer: unknown;
}

const listBaseShape = { ...listParams, customer: p.string(), created: p.range(), customer_account: p.unsupported() } as const;

export interface IntentRoutes<T extends IntentObject, C extends Shape, R extends string, L extends Shape> {
  /** `payment_intents` / `setup_intents`: the path under /v1. */
  resource: string;
  object: T['object'];
  prefix: string;
  collection: Collection<T>;
  kind: IntentKind;
  confirmShape: C;
  /** Confirms the (already found, client-secret-checked) intent; answers the intent or throws its 402. */
  confirm(req: ApiRequest<ObjectOf<C>, Emulator>): T;
  cancellationReasons: readonly [R, ...R[]];
  cancel(id: string, reason: R | undefined): T;
  /** List filters beyond `customer`, `created` and paging. */
  listShape: L;
  listFilter(intent: T, params: ObjectOf<L>): boolean;
}

export function registerIntentRoutes<T extends IntentObject, C extends Shape, R extends string, L extends Shape>(
  emu: Emulator,
  spec: IntentRoutes<T, C, R, L>,
): void {
  const { router, store } = emu;
  const base = `/v1/${spec.resource}`;
  emu.objects.register({ object: spec.object, prefix: spec.prefix, collection: spec.collection });

  router.api(
    'GET',
    `${base}/:id`,
    { client_secret: p.string() },
    (req) => {
      const intent = store.require(spec.collection, req.path.id, spec.kind.code);
      checkClientSecret(spec.kind, req, intent);
      return intent;
    },
    { publishable: true },
  );

  router.api(
    'POST',
    `${base}/:id/confirm`,
    spec.confirmShape,
    (req) => {
      const intent = store.require(spec.collection, req.path.id, spec.kind.code);
      checkClientSecret(spec.kind, req as ApiRequest<{ client_secret?: string }, Emulator>, intent);
      return spec.confirm(req);
    },
    { publishable: true },
  );

  router.api('POST', `${base}/:id/cancel`, { cancellation_reason: p.enumOf(spec.cancellationReasons) }, ({ path, params }) =>
    spec.cancel(path.id, params.cancellation_reason),
  );

  const listShape = { ...listBaseShape, ...spec.listShape };
  router.api('GET', base, listShape, ({ params, urlPath }) => {
    const filters = params as ObjectOf<typeof listBaseShape> & ObjectOf<L>;
    return paginate(
      store.newestFirst(
        spec.collection,
        (intent) => (!filters.customer || intent.customer === filters.customer) && matchesRange(intent.created, filters.created) && spec.listFilter(intent, filters),
      ),
      filters,
      urlPath,
    );
  });
}

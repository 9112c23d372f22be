// Accounts v2: /v2/core/accounts (create, retrieve, update, list, close) and /v2/core/account_links, with the
// recipient configuration (what a platform paying connected accounts uses). JSON bodies and the v2 error and
// list shapes come from the router's v2 mode; the account logic is connect/v2-accounts.ts. An onboarding link
// opens the same hosted page as a v1 account link.
import type Stripe from 'stripe';
import type { Emulator } from '../../emulator.js';
import { randomToken } from '../../core/ids.js';
import { applyMetadata } from '../../core/metadata.js';
import { diffAttributes } from '../../core/events.js';
import { hostedUrl } from '../../core/public-url.js';
import { invalidRequest } from '../../http/errors.js';
import { p } from '../../http/params.js';
import { paginateV2 } from '../../http/v2.js';
import { accountsCollection } from '../../connect/collections.js';
import { ACCOUNT_LINK_TTL_SECONDS, accountLinksCollection } from '../../connect/account-links.js';
import { createV2Account, emitV2AccountChanges, emitV2AccountEvent, renderV2Account, requireV2Account, v2AccountsCollection } from '../../connect/v2-accounts.js';

const includeParam = p.array(
  p.enumOf(['configuration.customer', 'configuration.merchant', 'configuration.recipient', 'defaults', 'future_requirements', 'identity', 'requirements'] as const),
);
const recipientParam = p.object({
  capabilities: p.object({ stripe_balance: p.object({ stripe_transfers: p.object({ requested: p.boolean() }), payouts: p.unsupported() }), bank_accounts: p.unsupported(), cards: p.unsupported() }),
});
const configurationParam = p.object({ recipient: recipientParam, customer: p.unsupported(), merchant: p.unsupported() });
const entityTypes = ['company', 'government_entity', 'individual', 'non_profit'] as const;
const identityParam = p.object({
  country: p.string(),
  entity_type: p.enumOf(entityTypes),
  business_details: p.object({ registered_name: p.string({ maxLength: 5000 }) }),
  individual: p.unsupported(),
  attestations: p.unsupported(),
});
const defaultsParam = p.object({
  currency: p.string(),
  locales: p.array(p.string()),
  responsibilities: p.object({
    fees_collector: p.enumOf(['application', 'application_custom', 'application_express', 'stripe'] as const),
    losses_collector: p.enumOf(['application', 'stripe'] as const),
  }),
  profile: p.unsupported(),
});

function countryOf(country: string | undefined): string {
  const c = (country ?? 'JP').toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) throw invalidRequest(`Invalid country: ${country}.`, { param: 'identity.country' });
  return c;
}

export function registerV2CoreAccounts(emu: Emulator): void {
  const { router, store } = emu;
  // A v1 change of a v2 account (the hosted onboarding page, /v1/accounts/:id) becomes its v2 thin events too.
  emu.events.subscribe((event) => emitV2AccountChanges(emu, event));

  router.v2(
    'POST',
    '/v2/core/accounts',
    {
      contact_email: p.string({ maxLength: 800 }),
      contact_phone: p.unsupported(),
      display_name: p.string({ maxLength: 5000 }),
      dashboard: p.enumOf(['express', 'full', 'none'] as const),
      identity: identityParam,
      configuration: configurationParam,
      defaults: defaultsParam,
      include: includeParam,
      metadata: p.metadata(),
      account_token: p.unsupported(),
    },
    ({ params }) => {
      const stored = createV2Account(emu, {
        contactEmail: params.contact_email ?? null,
        displayName: params.display_name ?? null,
        dashboard: params.dashboard ?? 'full',
        country: countryOf(params.identity?.country),
        entityType: params.identity?.entity_type ?? null,
        registeredName: params.identity?.business_details?.registered_name ?? null,
        currency: params.defaults?.currency?.toLowerCase() ?? null,
        locales: params.defaults?.locales ?? [],
        feesCollector: params.defaults?.responsibilities?.fees_collector ?? null,
        lossesCollector: params.defaults?.responsibilities?.losses_collector ?? null,
        recipient: params.configuration?.recipient
          ? { stripeTransfersRequested: params.configuration.recipient.capabilities?.stripe_balance?.stripe_transfers?.requested ?? false }
          : null,
        metadata: applyMetadata({}, params.metadata),
      });
      return renderV2Account(emu, stored, params.include ?? []);
    },
  );

  router.v2('GET', '/v2/core/accounts/:id', { include: includeParam }, ({ path, params }) =>
    renderV2Account(emu, requireV2Account(emu, path.id), params.include ?? []),
  );

  router.v2(
    'POST',
    '/v2/core/accounts/:id',
    {
      contact_email: p.string({ maxLength: 800 }),
      display_name: p.string({ maxLength: 5000 }),
      identity: identityParam,
      configuration: configurationParam,
      defaults: defaultsParam,
      include: includeParam,
      metadata: p.metadata(),
      dashboard: p.unsupported(),
    },
    ({ path, params }) => {
      const before = requireV2Account(emu, path.id);
      if (before.closed) throw invalidRequest(`Account ${before.id} is closed and cannot be updated.`, { code: 'account_closed' });
      const requested = params.configuration?.recipient?.capabilities?.stripe_balance?.stripe_transfers?.requested;
      const after = store.update(v2AccountsCollection, before.id, (cur) => ({
        ...cur,
        contact_email: params.contact_email ?? cur.contact_email,
        display_name: params.display_name ?? cur.display_name,
        entity_type: params.identity?.entity_type ?? cur.entity_type,
        registered_name: params.identity?.business_details?.registered_name ?? cur.registered_name,
        currency: params.defaults?.currency?.toLowerCase() ?? cur.currency,
        locales: params.defaults?.locales ?? cur.locales,
        stripe_transfers_requested: requested ?? cur.stripe_transfers_requested,
      }));
      // The v1 view follows: email, name, metadata, and a newly requested transfers capability (inactive until onboarded).
      const v1Before = store.require(accountsCollection, before.id, 'account');
      const v1After = store.update(accountsCollection, before.id, (cur) => ({
        ...cur,
        email: after.contact_email,
        business_type: after.entity_type ?? cur.business_type,
        business_profile: cur.business_profile ? { ...cur.business_profile, name: after.display_name } : cur.business_profile,
        capabilities: requested && cur.capabilities?.transfers === undefined ? { ...cur.capabilities, transfers: 'inactive' } : cur.capabilities,
        metadata: applyMetadata(cur.metadata ?? {}, params.metadata),
      }));
      const previous = diffAttributes(v1Before, v1After);
      if (Object.keys(previous).length > 0) emu.events.emit('account.updated', v1After, { previousAttributes: previous, account: v1After.id });
      // A change only v2 has (currency, locales, registered name) has no v1 event to follow.
      else if (JSON.stringify(before) !== JSON.stringify(after)) emitV2AccountEvent(emu, after.id, 'v2.core.account.updated');
      return renderV2Account(emu, after, params.include ?? []);
    },
  );

  router.v2(
    'GET',
    '/v2/core/accounts',
    { limit: p.integer({ min: 1, max: 100 }), page: p.string(), applied_configurations: p.array(p.enumOf(['customer', 'merchant', 'recipient'] as const)), closed: p.boolean() },
    ({ params, urlPath }) => {
      const wanted = params.applied_configurations;
      const items = store
        .all(v2AccountsCollection)
        .filter((a) => (params.closed === undefined ? !a.closed : a.closed === params.closed))
        .filter((a) => !wanted || wanted.some((c) => (a.applied_configurations as string[]).includes(c)))
        .reverse()
        .map((a) => renderV2Account(emu, a, []));
      return paginateV2(items, params, urlPath);
    },
  );

  router.v2(
    'POST',
    '/v2/core/accounts/:id/close',
    { applied_configurations: p.array(p.enumOf(['customer', 'merchant', 'recipient'] as const)) },
    ({ path }) => {
      const before = requireV2Account(emu, path.id);
      if (before.closed) throw invalidRequest(`Account ${before.id} is already closed.`, { code: 'account_closed' });
      const after = store.update(v2AccountsCollection, before.id, (cur) => ({ ...cur, closed: true }));
      emitV2AccountEvent(emu, after.id, 'v2.core.account.closed');
      return renderV2Account(emu, after, []);
    },
  );

  const useCaseOptions = p.object({
    refresh_url: p.required(p.string({ maxLength: 5000 })),
    return_url: p.string({ maxLength: 5000 }),
    collection_options: p.object({ fields: p.enumOf(['currently_due', 'eventually_due'] as const), future_requirements: p.enumOf(['include', 'omit'] as const) }),
    configurations: p.array(p.enumOf(['customer', 'merchant', 'recipient'] as const)),
  });

  router.v2(
    'POST',
    '/v2/core/account_links',
    {
      account: p.required(p.string()),
      use_case: p.required(p.object({ type: p.required(p.enumOf(['account_onboarding', 'account_update'] as const)), account_onboarding: useCaseOptions, account_update: useCaseOptions })),
    },
    ({ params }) => {
      const stored = requireV2Account(emu, params.account);
      if (stored.closed) throw invalidRequest(`Account ${stored.id} is closed.`, { code: 'account_closed', param: 'account' });
      const type = params.use_case.type;
      const options = type === 'account_onboarding' ? params.use_case.account_onboarding : params.use_case.account_update;
      if (!options) throw invalidRequest(`use_case.${type} is required when use_case.type is ${type}.`, { code: 'parameter_missing', param: `use_case.${type}` });
      for (const [param, url] of [['refresh_url', options.refresh_url], ['return_url', options.return_url]] as const) {
        if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw invalidRequest('Not a valid URL', { param: `use_case.${type}.${param}`, code: 'url_invalid' });
      }
      const v1 = store.require(accountsCollection, stored.id, 'account');
      if (type === 'account_update' && !v1.details_submitted) {
        throw invalidRequest('An `account_update` link needs an account that has completed onboarding; use `account_onboarding`.', { param: 'use_case.type' });
      }
      const created = emu.clock.wallNow();
      const token = randomToken(24);
      store.insert(accountLinksCollection, {
        id: token,
        account: stored.id,
        type,
        refresh_url: options.refresh_url,
        return_url: options.return_url ?? null,
        expires_at: created + ACCOUNT_LINK_TTL_SECONDS,
        used: false,
      });
      const useCaseBody = {
        refresh_url: options.refresh_url,
        ...(options.return_url ? { return_url: options.return_url } : {}),
        ...(options.collection_options ? { collection_options: options.collection_options } : {}),
      };
      return {
        object: 'v2.core.account_link',
        account: stored.id,
        created: new Date(created * 1000).toISOString(),
        expires_at: new Date((created + ACCOUNT_LINK_TTL_SECONDS) * 1000).toISOString(),
        livemode: false,
        url: hostedUrl(`/connect/onboarding/${token}`),
        use_case: type === 'account_onboarding' ? { type, account_onboarding: useCaseBody } : { type, account_update: useCaseBody },
      } satisfies Stripe.V2.Core.AccountLink;
    },
  );
}


// Connect accounts: /v1/accounts CRUD, the platform's own /v1/account, and /v1/account_links (their hosted
// onboarding page is resources/account-onboarding.ts). What an account is and how onboarding changes it lives
// in connect/accounts.ts.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { randomToken } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import { diffAttributes } from '../core/events.js';
import { hostedUrl } from '../core/public-url.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';
import { accountsCollection, transfersCollection } from '../connect/collections.js';
import { PLATFORM_ACCOUNT_ID, buildAccount, platformAccount, resolveAccountType, type CapabilityName } from '../connect/accounts.js';
import { accountLinksCollection, ACCOUNT_LINK_TTL_SECONDS } from '../connect/account-links.js';
import { v2AccountsCollection } from '../connect/v2-accounts.js';

const capabilityParams = p.object({ requested: p.boolean() });
const capabilitiesParams = p.object({ card_payments: capabilityParams, transfers: capabilityParams });
const businessProfileParams = p.object({
  name: p.emptyable(p.string({ maxLength: 5000 })),
  url: p.emptyable(p.string({ maxLength: 5000 })),
  mcc: p.emptyable(p.string({ maxLength: 4 })),
  product_description: p.emptyable(p.string({ maxLength: 40000 })),
  support_email: p.unsupported(),
});
const businessTypes = ['company', 'government_entity', 'individual', 'non_profit'] as const;

function requestedCapabilities(input: { card_payments?: { requested?: boolean }; transfers?: { requested?: boolean } } | undefined): CapabilityName[] {
  const names: CapabilityName[] = [];
  if (input?.card_payments?.requested) names.push('card_payments');
  if (input?.transfers?.requested) names.push('transfers');
  return names;
}

function validCountry(country: string): string {
  if (!/^[A-Z]{2}$/.test(country)) throw invalidRequest(`Country '${country}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'JP' or 'GB'.`, { param: 'country' });
  return country;
}

export function registerAccounts(emu: Emulator): void {
  emu.objects.register({ object: 'account', prefix: 'acct', collection: accountsCollection });
  const { router, store } = emu;

  /** A connected account by id (404 as Stripe words it); the platform's id answers the platform account. */
  const requireAccount = (id: string): Stripe.Account => {
    if (id === PLATFORM_ACCOUNT_ID) return platformAccount();
    const account = store.get(accountsCollection, id);
    if (!account) throw resourceMissing('account', id, 'account');
    return account;
  };

  router.api(
    'POST',
    '/v1/accounts',
    {
      type: p.enumOf(['custom', 'express', 'standard'] as const),
      controller: p.object({
        fees: p.object({ payer: p.enumOf(['account', 'application'] as const) }),
        losses: p.object({ payments: p.enumOf(['application', 'stripe'] as const) }),
        requirement_collection: p.enumOf(['application', 'stripe'] as const),
        stripe_dashboard: p.object({ type: p.enumOf(['express', 'full', 'none'] as const) }),
      }),
      country: p.string(),
      email: p.string({ maxLength: 800 }),
      default_currency: p.string(),
      business_type: p.enumOf(businessTypes),
      business_profile: businessProfileParams,
      capabilities: capabilitiesParams,
      metadata: p.metadata(),
      company: p.unsupported(),
      individual: p.unsupported(),
      external_account: p.unsupported(),
      tos_acceptance: p.unsupported(),
      settings: p.unsupported(),
      account_token: p.unsupported(),
    },
    ({ params }) => {
      const type = resolveAccountType(params.type, params.controller);
      const capabilities = requestedCapabilities(params.capabilities);
      if (type !== 'standard' && capabilities.length === 0) {
        throw invalidRequest('You must request at least one capability (`capabilities[transfers][requested]=true`) for an account whose requirements the platform does not leave to the account.', {
          param: 'capabilities',
        });
      }
      const account = buildAccount({
        type,
        controller: params.controller,
        country: validCountry(params.country ?? 'JP'),
        email: params.email ?? null,
        defaultCurrency: params.default_currency?.toLowerCase() ?? null,
        businessType: params.business_type ?? null,
        businessProfile: params.business_profile ?? {},
        capabilities,
        metadata: applyMetadata({}, params.metadata),
        created: emu.clock.wallNow(),
      });
      return store.insert(accountsCollection, account);
    },
  );

  // With `Stripe-Account`, a connected account may read itself (and only itself).
  router.api(
    'GET',
    '/v1/accounts/:id',
    {},
    ({ path, stripeAccount }) => {
      if (stripeAccount && path.id !== stripeAccount) throw resourceMissing('account', path.id, 'account');
      return requireAccount(path.id);
    },
    { connectedAccount: true },
  );

  router.api('GET', '/v1/account', {}, ({ stripeAccount }) => requireAccount(stripeAccount ?? PLATFORM_ACCOUNT_ID), { connectedAccount: true });

  router.api(
    'POST',
    '/v1/accounts/:id',
    {
      email: p.string({ maxLength: 800 }),
      default_currency: p.string(),
      business_type: p.enumOf(businessTypes),
      business_profile: businessProfileParams,
      capabilities: capabilitiesParams,
      metadata: p.metadata(),
      company: p.unsupported(),
      individual: p.unsupported(),
      external_account: p.unsupported(),
      tos_acceptance: p.unsupported(),
      settings: p.unsupported(),
    },
    ({ path, params }) => {
      if (path.id === PLATFORM_ACCOUNT_ID) throw invalidRequest('The Stripe emulator does not update the platform account.', { param: 'account' });
      const before = requireAccount(path.id);
      const added = requestedCapabilities(params.capabilities).filter((name) => before.capabilities?.[name] === undefined);
      const after = store.update(accountsCollection, before.id, (cur) => ({
        ...cur,
        email: params.email ?? cur.email,
        default_currency: params.default_currency?.toLowerCase() ?? cur.default_currency,
        business_type: params.business_type ?? cur.business_type,
        business_profile: cur.business_profile && params.business_profile ? { ...cur.business_profile, ...params.business_profile } : cur.business_profile,
        // A capability requested after onboarding needs its own review: inactive until the payee onboards again.
        capabilities: { ...cur.capabilities, ...Object.fromEntries(added.map((name) => [name, 'inactive'])) },
        metadata: applyMetadata(cur.metadata ?? {}, params.metadata),
      }));
      const previous = diffAttributes(before, after);
      if (Object.keys(previous).length > 0) emu.events.emit('account.updated', after, { previousAttributes: previous, account: after.id });
      return after;
    },
  );

  router.api('GET', '/v1/accounts', { ...listParams, created: p.range() }, ({ params, urlPath }) =>
    paginate(store.newestFirst(accountsCollection, (a) => matchesRange(a.created ?? 0, params.created)), params, urlPath),
  );

  router.api('DELETE', '/v1/accounts/:id', {}, ({ path }) => {
    if (path.id === PLATFORM_ACCOUNT_ID) throw invalidRequest('The platform account cannot be deleted.', { param: 'account' });
    const account = requireAccount(path.id);
    const open = store.all(transfersCollection).some((t) => t.destination === account.id && t.amount > t.amount_reversed);
    if (open) {
      throw invalidRequest(`Account ${account.id} has a balance from transfers that were not reversed; reverse them before deleting it.`, { param: 'account' });
    }
    store.delete(accountsCollection, account.id);
    if (store.has(v2AccountsCollection, account.id)) store.delete(v2AccountsCollection, account.id);
    for (const link of store.all(accountLinksCollection)) if (link.account === account.id) store.delete(accountLinksCollection, link.id);
    return { id: account.id, object: 'account', deleted: true } satisfies Stripe.DeletedAccount;
  });

  router.api(
    'POST',
    '/v1/account_links',
    {
      account: p.required(p.string()),
      type: p.required(p.enumOf(['account_onboarding', 'account_update'] as const)),
      refresh_url: p.string({ maxLength: 5000 }),
      return_url: p.string({ maxLength: 5000 }),
      collect: p.enumOf(['currently_due', 'eventually_due'] as const),
      collection_options: p.object({ fields: p.enumOf(['currently_due', 'eventually_due'] as const), future_requirements: p.enumOf(['include', 'omit'] as const) }),
    },
    ({ params }) => {
      if (params.account === PLATFORM_ACCOUNT_ID) throw invalidRequest('Account links are for connected accounts, not the platform.', { param: 'account' });
      const account = requireAccount(params.account);
      if (params.type === 'account_update' && !account.details_submitted) {
        throw invalidRequest('You cannot create `account_update` type Account Links for an account that has not completed onboarding. Use `account_onboarding` instead.', {
          param: 'type',
        });
      }
      for (const [param, url] of [['refresh_url', params.refresh_url], ['return_url', params.return_url]] as const) {
        if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw invalidRequest(`Not a valid URL`, { param, code: 'url_invalid' });
      }
      const created = emu.clock.wallNow();
      const token = randomToken(24);
      store.insert(accountLinksCollection, {
        id: token,
        account: account.id,
        type: params.type,
        refresh_url: params.refresh_url ?? null,
        return_url: params.return_url ?? null,
        expires_at: created + ACCOUNT_LINK_TTL_SECONDS,
        used: false,
      });
      return {
        object: 'account_link',
        created,
        expires_at: created + ACCOUNT_LINK_TTL_SECONDS,
        url: hostedUrl(`/connect/onboarding/${token}`),
      } satisfies Stripe.AccountLink;
    },
  );
}

// GET /orgs/[orgId]/plans — the plan picker, from the mirrored catalogue in the organization's currency.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { describeCatalogPrice } from '@/components/billing/plans/price-label';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listCatalogPrices, type CatalogPrice } from '@/db/queries/catalog';
import { listLiveSubscriptions } from '@/db/queries/subscriptions';
import { loadOrgPage, titleMetadata, type OrgPageProps } from '@/lib/billing/org-page';
import { groupCatalog, parsePlanInterval } from '@/lib/billing/plans/group-catalog';
import { MAX_QUANTITY } from '@/lib/billing/plans/limits';
import { isPlanChangeTarget } from '@/lib/billing/subscriptions/plan-change-choice';
import { planItemOf } from '@/lib/billing/subscriptions/plan-item';

export const generateMetadata = titleMetadata('plans');

export default async function PlansPage(props: OrgPageProps) {
  const { organization, query, base, currency, mayManage } = await loadOrgPage(props);
  const interval = parsePlanInterval(query.interval);
  const locale = await getLocale();
  const [prices, live, t, tInterval] = await Promise.all([
    listCatalogPrices({ currency, locale }),
    listLiveSubscriptions({ organizationId: organization.id }),
    getTranslations('plans'),
    getTranslations('interval'),
  ]);
  const groups = groupCatalog(prices, interval);
  const planSubscription = live.find((s) => s.status !== 'incomplete');
  const currentPriceIds = new Set(planSubscription?.items.map((i) => i.priceId) ?? []);
  const hasPaidPlan = Boolean(planSubscription && planSubscription.metadata.seikyu_intent !== 'free_tier');
  const currentPlanPriceId = planSubscription ? (planItemOf(planSubscription.items)?.priceId ?? null) : null;
  const currentPlanPrice = prices.find((p) => p.id === currentPlanPriceId) ?? null;
  const label = (price: CatalogPrice) => describeCatalogPrice(price, locale, t, tInterval);

  function chooseControl(price: CatalogPrice) {
    if (currentPriceIds.has(price.id)) return <span className="badge-green">{t('currentPlan')}</span>;
    if (!mayManage || price.isFree) return null;
    if (hasPaidPlan) {
      // The subscription page changes the plan, or a metered plan's capacity tier (On-demand 10 to 20 devices);
      // an add-on or another usage price joins a paid plan through us.
      if (!isPlanChangeTarget(price, currentPlanPrice, null)) return null;
      // One name per plan ("Change to Team"): a list of identical "Change plan" links tells a screen reader nothing.
      return (
        <Link href={`${base}/subscription?price=${encodeURIComponent(price.id)}`} className="btn-secondary">
          {t('changeTo', { name: price.productName })}
        </Link>
      );
    }
    return (
      <form action={`${base}/plans/checkout`} method="get" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="price" value={price.id} />
        {price.perUnit ? (
          <div>
            <label className="label" htmlFor={`quantity-${price.id}`}>
              {t(`quantityLabel.${price.perUnit}`)}
            </label>
            <input
              id={`quantity-${price.id}`}
              name="quantity"
              type="number"
              min={1}
              max={MAX_QUANTITY}
              defaultValue={1}
              required
              className="input w-24"
            />
          </div>
        ) : null}
        <button type="submit" className="btn-primary" aria-label={t('chooseNamed', { name: price.productName })}>
          {t('choose')}
        </button>
      </form>
    );
  }

  function includedOrChoose(price: CatalogPrice) {
    return currentPriceIds.has(price.id) ? (
      <span className="badge-green self-start">{t('included')}</span>
    ) : (
      <div className="mt-auto">{chooseControl(price)}</div>
    );
  }

  /** Add-ons, usage and one-off sections: the same card, each with its own note and control. */
  function secondarySection(id: string, heading: string, items: CatalogPrice[], body: (price: CatalogPrice) => ReactNode) {
    if (items.length === 0) return null;
    return (
      <section className="mt-8" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">
          {heading}
        </h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {items.map((price) => (
            <li key={price.id} className="card flex flex-col gap-2" data-testid={`plan-${price.lookupKey ?? price.id}`}>
              <h3 className="card-title">{price.productName}</h3>
              {price.productDescription ? <p className="text-sm text-slate-600">{price.productDescription}</p> : null}
              <p className="font-semibold tabular-nums">{label(price)}</p>
              {body(price)}
            </li>
          ))}
        </ul>
      </section>
    );
  }

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('currencyNote', { currency: currency.toUpperCase() })}
        actions={
          hasPaidPlan ? (
            <Link href={`${base}/subscription`} className="btn-secondary">
              {t('yourSubscription')}
            </Link>
          ) : null
        }
      />
      {!mayManage ? <p className="alert-info mb-6">{t('memberReadOnly')}</p> : null}

      {groups.hasAnnual ? (
        <nav aria-label={t('intervalSwitch')} className="mb-6 inline-flex rounded-md border border-slate-200 bg-white p-1">
          {(['month', 'year'] as const).map((value) => (
            <Link
              key={value}
              href={`${base}/plans${value === 'year' ? '?interval=year' : ''}`}
              aria-current={interval === value ? 'page' : undefined}
              className={`rounded px-3 py-1.5 text-sm font-medium ${interval === value ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
            >
              {t(value === 'month' ? 'monthly' : 'annual')}
            </Link>
          ))}
        </nav>
      ) : null}

      {groups.plans.length === 0 ? (
        <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label={t('plansHeading')} data-testid="plan-list">
          {groups.plans.map((price) => (
            <li key={price.id} className="card flex flex-col gap-3" data-testid={`plan-${price.lookupKey ?? price.id}`}>
              <div className="flex flex-wrap items-center gap-2">
                <h2 className="card-title">{price.productName}</h2>
                {price.trialPeriodDays ? <span className="badge-blue">{t('trialBadge', { days: price.trialPeriodDays })}</span> : null}
              </div>
              {price.productDescription ? <p className="text-sm text-slate-600">{price.productDescription}</p> : null}
              <p className="text-xl font-semibold text-slate-900 tabular-nums" data-testid="plan-price">
                {label(price)}
              </p>
              <div className="mt-auto">{chooseControl(price)}</div>
            </li>
          ))}
        </ul>
      )}

      {secondarySection('addons', t('addonsHeading'), groups.addons, includedOrChoose)}
      {secondarySection('usage', t('usageHeading'), groups.usage, (price) => (
        <>
          <p className="text-sm text-slate-600">
            {t('meteredNote', { meter: price.meterName ?? price.productName })}
          </p>
          {includedOrChoose(price)}
        </>
      ))}
      {secondarySection('oneoff', t('oneOffHeading'), groups.oneOff, (price) => (
        <>
          <p className="text-sm text-slate-600">{t(price.kind === 'pass' ? 'passNote' : 'oneOffNote')}</p>
          {mayManage && (price.kind === 'pass' || price.kind === 'one_off') ? (
            <form action={`${base}/plans/buy`} method="get" className="mt-auto">
              <input type="hidden" name="price" value={price.id} />
              <button type="submit" className="btn-primary" aria-label={t('buyNamed', { name: price.productName })}>
                {t('buy')}
              </button>
            </form>
          ) : null}
        </>
      ))}
    </>
  );
}

// GET /orgs/[orgId]/subscription — the organization's plan from the mirror: items, status, renewal or end date,
// and (owner, billing) cancel at period end with a reason, or resume.
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { describePlanPrice, isFreePlan, isMeteredItem } from '@/components/portal/plan-price';
import { CancelSubscriptionForm } from '@/components/billing/subscription/cancel-subscription-form';
import { ChangePlanForm } from '@/components/billing/subscription/change-plan-form';
import { intervalKeptBy, planItemOf } from '@/lib/billing/subscriptions/plan-item';
import { planChangeOptions } from '@/lib/billing/subscriptions/plan-change-choice';
import { CollectionMethodForm } from '@/components/billing/subscription/collection-method-form';
import { PromotionCodeForm } from '@/components/billing/subscription/promotion-code-form';
import { SubscriptionDiscounts } from '@/components/billing/subscription/subscription-discounts';
import { describeCatalogPrice } from '@/components/billing/plans/price-label';
import { ResumeSubscriptionButton } from '@/components/billing/subscription/resume-subscription-button';
import { SubscriptionStatusBadge } from '@/components/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listCatalogPrices } from '@/db/queries/catalog';
import { getOrganizationCard } from '@/db/queries/payment-methods';
import { getCurrentSubscription, getSubscriptionDiscounts } from '@/db/queries/subscriptions';
import { cardLabel } from '@/lib/billing/cards/card-brand';
import { loadOrgPage, titleMetadata, type OrgPageProps } from '@/lib/billing/org-page';
import { MAX_QUANTITY } from '@/lib/billing/plans/limits';
import { subscriptionDiscountsOf } from '@/lib/billing/subscriptions/discount-terms';
import { discountEndText, discountTermsText } from '@/lib/billing/subscriptions/discount-text';
import { cancellationFeedbacks } from '@/lib/billing/subscriptions/subscription-schemas';
import { env } from '@/lib/env';
import { formatDate } from '@/lib/i18n/format';

export const generateMetadata = titleMetadata('subscription');

export default async function SubscriptionPage(props: OrgPageProps) {
  const { organization, query, base, currency, mayManage } = await loadOrgPage(props);
  const locale = await getLocale();
  const [subscription, prices, t, tPlans, tOverview, tInterval, tTax, tDiscounts] = await Promise.all([
    getCurrentSubscription({ organizationId: organization.id, locale }),
    listCatalogPrices({ currency, locale }),
    getTranslations('subscription'),
    getTranslations('plans'),
    getTranslations('overview'),
    getTranslations('interval'),
    getTranslations('tax'),
    getTranslations('discounts'),
  ]);
  const date = (value: Date) => formatDate(value, locale, organization.timeZone);
  const free = subscription ? isFreePlan(subscription.items) : false;
  // The discounts still running (codes from checkout or added since), as the mirror keeps the subscription.
  const discounts =
    subscription && !free
      ? subscriptionDiscountsOf(
          { discounts: await getSubscriptionDiscounts({ organizationId: organization.id, subscriptionId: subscription.id }) },
          subscription.currency,
        ).map((d) => ({
          id: d.id,
          name: d.name,
          code: d.code,
          terms: discountTermsText(d, locale, tDiscounts),
          until: discountEndText(d, locale, organization.timeZone, tDiscounts),
        }))
      : [];
  // The plan item, not an add-on beside it; beside add-ons the plan keeps their billing interval.
  const currentItem = subscription ? planItemOf(subscription.items) : null;
  const keptInterval = subscription ? intervalKeptBy(subscription.items, currentItem) : null;
  // The card the next renewal charges (the subscription's own default, else the organization's), from the mirror.
  // The view already names it (payingCardId): reading the subscription again to find it was two more statements.
  const payingCard =
    subscription?.payingCardId && !free && subscription.collectionMethod === 'charge_automatically'
      ? await getOrganizationCard({ organizationId: organization.id, paymentMethodId: subscription.payingCardId })
      : null;
  // The plans, and the other capacity tiers of a metered plan (lib/billing/subscriptions/plan-change-choice.ts).
  const planOptions = planChangeOptions(prices, currentItem?.priceId ?? null, keptInterval).map((p) => ({
    priceId: p.id,
    label: `${p.productName} — ${describeCatalogPrice(p, locale, tPlans, tInterval)}`,
    perUnit: p.perUnit !== null,
    interval: p.interval,
    metered: p.metered,
  }));
  const endsAtPeriodEnd = (periodEnd: Date | null) =>
    periodEnd ? t('cancelQuestion', { date: date(periodEnd) }) : t('cancelQuestionNoDate');
  const endsAt = subscription ? (subscription.cancelAt ?? (subscription.cancelAtPeriodEnd ? subscription.currentPeriodEnd : null)) : null;

  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <Link href={`${base}/plans`} className="btn-secondary">
            {t('choosePlan')}
          </Link>
        }
      />
      {query.started === '1' && subscription && !free ? (
        <p className="alert-info mb-6" role="status" data-testid="subscription-started">
          {t('started')}
        </p>
      ) : null}

      {!subscription ? (
        <EmptyState title={t('none')}>
          <Link href={`${base}/plans`} className="btn-primary">
            {t('choosePlan')}
          </Link>
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <section className="card lg:col-span-2" aria-labelledby="plan-title" data-testid="subscription-plan">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <h2 id="plan-title" className="card-title">
                {subscription.items.map((item) => item.productName).join(' + ')}
              </h2>
              <SubscriptionStatusBadge status={subscription.status} />
            </div>
            <ul className="mt-3 divide-y divide-slate-100">
              {subscription.items.map((item) => (
                <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                  <span>
                    {item.priceNickname ?? item.productName}
                    {item.quantity && item.quantity > 1 ? <span className="ml-2 text-sm text-slate-600">{t('quantity', { quantity: item.quantity })}</span> : null}
                    {isMeteredItem(item) ? <span className="block text-sm text-slate-600">{tOverview('usageInArrears', { interval: item.interval ?? 'month' })}</span> : null}
                  </span>
                  {item.unitAmount === 0 ? null : (
                    <span className="tabular-nums">{describePlanPrice(item, subscription.currency, locale, tOverview, tInterval)}</span>
                  )}
                </li>
              ))}
            </ul>
            <p className="mt-3 text-sm text-slate-700" data-testid="subscription-period">
              {endsAt ? (
                <span className="alert-info block">{t('endsOn', { date: date(endsAt) })}</span>
              ) : free ? (
                t('freeNote')
              ) : subscription.currentPeriodEnd ? (
                t('renews', { date: date(subscription.currentPeriodEnd) })
              ) : null}
            </p>
            {payingCard ? (
              <p className="mt-2 text-sm text-slate-700" data-testid="subscription-card">
                {t('paidWith', { card: cardLabel(payingCard, t('card')) })}{' '}
                <Link href={`${base}/payment-methods`} className="underline">
                  {t('changeCard')}
                </Link>
              </p>
            ) : null}
            <SubscriptionDiscounts title={t('discountsTitle')} discounts={discounts} />
          </section>

          {!free && mayManage && !subscription.cancelAtPeriodEnd && ['active', 'trialing'].includes(subscription.status) ? (
            <section className="card lg:col-span-2 lg:row-start-2" aria-labelledby="change-title">
              <h2 id="change-title" className="card-title mb-3">
                {t('changeTitle')}
              </h2>
              <ChangePlanForm
                organizationId={organization.id}
                subscriptionId={subscription.id}
                options={planOptions}
                currentPriceId={currentItem?.priceId ?? null}
                requestedPriceId={typeof query.price === 'string' ? query.price : null}
                currentQuantity={currentItem?.quantity ?? 1}
                maxQuantity={MAX_QUANTITY}
                locale={locale}
                labels={{
                  plan: t('change.plan'),
                  quantity: t('change.quantity'),
                  preview: t('change.preview'),
                  previewing: t('change.previewing'),
                  nowHeading: t('change.nowHeading'),
                  nothingToProrate: t('change.nothingToProrate'),
                  nextHeading: t('change.nextHeading'),
                  totalNow: t('change.totalNow'),
                  creditNow: t('change.creditNow'),
                  nextTotal: t('change.nextTotal'),
                  nextUsage: t('change.nextUsage'),
                  confirm: t('change.confirm'),
                  confirming: t('change.confirming'),
                  changed: t('change.changed'),
                  invalid: t('change.invalid'),
                  tax: { added: tTax.raw('added'), included: tTax.raw('included') },
                }}
              />
            </section>
          ) : null}

          {!free && mayManage && ['active', 'trialing', 'past_due'].includes(subscription.status) ? (
            <section className="card" aria-labelledby="promotion-title">
              <h2 id="promotion-title" className="card-title mb-3">
                {t('promotion.title')}
              </h2>
              <PromotionCodeForm
                organizationId={organization.id}
                subscriptionId={subscription.id}
                labels={{ code: t('promotion.code'), apply: t('promotion.apply'), applying: t('promotion.applying'), applied: t('promotion.applied') }}
              />
            </section>
          ) : null}

          {!free && ['active', 'trialing', 'past_due'].includes(subscription.status) ? (
            <section className="card" aria-labelledby="collection-title" data-testid="collection-method">
              <h2 id="collection-title" className="card-title">
                {t('collection.title')}
              </h2>
              <p className="mb-3 mt-1 text-sm text-slate-700" data-testid="collection-current">
                {subscription.collectionMethod === 'send_invoice'
                  ? t('collection.byInvoice', { days: env.INVOICE_DAYS_UNTIL_DUE })
                  : t('collection.byCard')}
              </p>
              {organization.role === 'owner' ? (
                <CollectionMethodForm
                  organizationId={organization.id}
                  subscriptionId={subscription.id}
                  current={subscription.collectionMethod}
                  attempt={crypto.randomUUID()}
                  labels={{
                    toInvoice: t('collection.toInvoice', { days: env.INVOICE_DAYS_UNTIL_DUE }),
                    toCard: t('collection.toCard'),
                    pending: t('collection.pending'),
                  }}
                />
              ) : (
                <p className="text-sm text-slate-600">{t('collection.ownerOnly')}</p>
              )}
            </section>
          ) : null}

          {!free ? (
            <section className="card lg:row-start-1 lg:col-start-3" aria-labelledby="manage-title">
              {subscription.cancelAtPeriodEnd ? (
                <>
                  <h2 id="manage-title" className="card-title mb-3">
                    {t('resumeTitle')}
                  </h2>
                  {mayManage ? (
                    <ResumeSubscriptionButton
                      organizationId={organization.id}
                      subscriptionId={subscription.id}
                      attempt={crypto.randomUUID()}
                      labels={{ submit: t('resume'), pending: t('resuming') }}
                    />
                  ) : (
                    <p className="text-sm text-slate-600">{t('readOnly')}</p>
                  )}
                </>
              ) : (
                <>
                  <h2 id="manage-title" className="card-title">
                    {t('cancelTitle')}
                  </h2>
                  <p className="mb-3 mt-1 text-sm text-slate-600">{t('cancelBody')}</p>
                  {mayManage && ['active', 'trialing', 'past_due'].includes(subscription.status) ? (
                    <CancelSubscriptionForm
                      organizationId={organization.id}
                      subscriptionId={subscription.id}
                      attempt={crypto.randomUUID()}
                      labels={{
                        reason: t('reason'),
                        comment: t('comment'),
                        submit: t('cancel'),
                        confirmQuestion: endsAtPeriodEnd(subscription.currentPeriodEnd),
                        confirm: t('cancelConfirm'),
                        keep: t('cancelKeep'),
                        pending: t('cancelling'),
                        invalid: t('reason'),
                        reasons: Object.fromEntries(cancellationFeedbacks.map((r) => [r, t(`reasons.${r}`)])) as Record<
                          (typeof cancellationFeedbacks)[number],
                          string
                        >,
                      }}
                    />
                  ) : !mayManage ? (
                    <p className="text-sm text-slate-600">{t('readOnly')}</p>
                  ) : null}
                </>
              )}
            </section>
          ) : null}
        </div>
      )}
    </>
  );
}

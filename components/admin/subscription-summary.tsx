// One subscription on the operators' customer page: plan (product names), price and quantity per item, status,
// how it is paid (the paying card, or bank transfer) and when the period ends. Never a bare `sub_…` alone.
import { getTranslations } from '@/lib/i18n/server';
import { describePlanPrice } from '@/components/portal/plan-price';
import { SubscriptionStatusBadge } from '@/components/status-badge';
import type { SubscriptionView } from '@/db/queries/subscriptions';
import { formatDate, labelled } from '@/lib/i18n/format';

export async function SubscriptionSummary({
  subscription,
  cardLabels,
  locale,
  timeZone,
}: {
  subscription: SubscriptionView;
  /** "Visa •••• 4242" by payment method id, for naming the paying card. */
  cardLabels: ReadonlyMap<string, string>;
  locale: string;
  timeZone: string;
}) {
  const [t, tOverview, tInterval, tBackoffice] = await Promise.all([getTranslations('admin'), getTranslations('overview'), getTranslations('interval'), getTranslations('backoffice')]);
  const plan = subscription.items.map((item) => item.productName).join(' + ') || '—';
  const payingCard = subscription.payingCardId ? (cardLabels.get(subscription.payingCardId) ?? subscription.payingCardId) : null;
  return (
    <li className="space-y-1 py-3 text-sm" data-testid="admin-subscription">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium text-slate-900">{plan}</span>
        <SubscriptionStatusBadge status={subscription.status} />
      </div>
      <ul className="text-slate-700">
        {subscription.items.map((item) => (
          <li key={item.id} className="flex flex-wrap justify-between gap-x-3">
            <span>
              {item.priceNickname ?? item.productName}
              {item.quantity !== null ? <span className="ml-2 text-slate-600">{t('quantity', { quantity: item.quantity })}</span> : null}
            </span>
            <span className="tabular-nums">{describePlanPrice(item, subscription.currency, locale, tOverview, tInterval)}</span>
          </li>
        ))}
      </ul>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-slate-600">
        {subscription.collectionMethod === 'send_invoice' ? (
          <span className="badge-amber">{t('bankTransfer')}</span>
        ) : payingCard ? (
          <span>
            {labelled(t('payingCard'), payingCard, locale)}
          </span>
        ) : null}
        {subscription.currentPeriodStart && subscription.currentPeriodEnd ? (
          <span data-testid="subscription-period">
            {tBackoffice('subscriptionPeriod', { start: formatDate(subscription.currentPeriodStart, locale, timeZone), end: formatDate(subscription.currentPeriodEnd, locale, timeZone) })}
          </span>
        ) : subscription.currentPeriodEnd ? (
          <span>
            {labelled(t('periodEnd'), formatDate(subscription.currentPeriodEnd, locale, timeZone), locale)}
          </span>
        ) : null}
        <span className="break-all font-mono text-xs leading-5 text-slate-500">{subscription.id}</span>
      </p>
    </li>
  );
}

// GET /orgs/[orgId]/plans/checkout?price=…&quantity=… — what the customer is about to buy, from the mirror,
// and the card form. Owner and billing only. Nothing is created until the customer presses Subscribe.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { CheckoutForm } from '@/components/billing/checkout/checkout-form';
import { declineMessageKeys, type DeclineMessageKey } from '@/components/billing/checkout/decline-message';
import { describeCatalogPrice } from '@/components/billing/plans/price-label';
import { getStripeBrowserSetup } from '@/components/stripe/stripe-browser-setup';
import { PageHeader } from '@/components/ui/page-header';
import { listLiveSubscriptions } from '@/db/queries/subscriptions';
import { requireMembership } from '@/lib/auth/session';
import { firstInvoiceAmount } from '@/lib/billing/plans/group-catalog';
import { MAX_PROMOTION_CODES } from '@/lib/billing/plans/limits';
import { BillingInputError } from '@/lib/billing/subscriptions/billing-input-error';
import { quantityFor, resolvePurchasablePrice } from '@/lib/billing/subscriptions/start-subscription';
import { formatMoney } from '@/lib/i18n/format';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('plans.checkout');
  return { title: t('title') };
}

export default async function CheckoutPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgId } = await params;
  const { organization } = await requireMembership(orgId, ['owner', 'billing']);
  const query = await searchParams;
  const [t, tPlans, tErrors, tInterval, locale] = await Promise.all([
    getTranslations('plans.checkout'),
    getTranslations('plans'),
    getTranslations('plans.errors'),
    getTranslations('interval'),
    getLocale(),
  ]);
  const base = `/orgs/${organization.id}`;
  const back = (
    <Link href={`${base}/plans`} className="btn-secondary">
      {t('back')}
    </Link>
  );

  const priceId = typeof query.price === 'string' ? query.price.slice(0, 255) : '';
  const quantityInput = typeof query.quantity === 'string' ? Number(query.quantity) : 1;
  let problem: string | null = null;
  let purchase: { price: Awaited<ReturnType<typeof resolvePurchasablePrice>>; quantity: number } | null = null;
  try {
    if (!organization.stripeCustomerId || !organization.currency) throw new BillingInputError('setup_incomplete', 'no customer');
    const price = await resolvePurchasablePrice({ priceId, currency: organization.currency });
    const quantity = quantityFor(price, quantityInput) ?? 1;
    const live = await listLiveSubscriptions({ organizationId: organization.id });
    if (live.some((s) => s.status !== 'incomplete' && s.metadata.seikyu_intent !== 'free_tier')) {
      throw new BillingInputError('already_subscribed', 'has a plan');
    }
    purchase = { price, quantity };
  } catch (error) {
    if (!(error instanceof BillingInputError)) throw error;
    problem = tErrors(error.reason, { code: '' });
  }

  if (!purchase) {
    return (
      <>
        <PageHeader title={t('title')} />
        <p className="alert-error mb-4" role="alert">
          {problem}
        </p>
        {back}
      </>
    );
  }

  const { price, quantity } = purchase;
  const amount = firstInvoiceAmount(price, quantity);
  const declines = Object.fromEntries(declineMessageKeys.map((key) => [key, t(`declines.${key}`)])) as Record<DeclineMessageKey, string>;

  return (
    <>
      <PageHeader title={t('title')} actions={back} />
      <div className="grid gap-6 lg:grid-cols-5">
        <section className="card lg:col-span-2" aria-labelledby="summary-title" data-testid="checkout-summary">
          <h2 id="summary-title" className="card-title">
            {t('summary')}
          </h2>
          <dl className="mt-3 space-y-2 text-sm">
            <div className="flex justify-between gap-3">
              <dt className="text-slate-600">{t('plan')}</dt>
              <dd className="font-medium text-slate-900">{price.productName}</dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-slate-600">{t('price')}</dt>
              <dd className="tabular-nums">{describeCatalogPrice(price, locale, tPlans, tInterval)}</dd>
            </div>
            {price.perUnit ? (
              <div className="flex justify-between gap-3">
                <dt className="text-slate-600">{tPlans(`quantityLabel.${price.perUnit}`)}</dt>
                <dd className="tabular-nums" data-testid="checkout-quantity">
                  {quantity}
                </dd>
              </div>
            ) : null}
            {price.trialPeriodDays ? (
              <div className="flex justify-between gap-3">
                <dt className="text-slate-600">{t('trial')}</dt>
                <dd>{tPlans('trialBadge', { days: price.trialPeriodDays })}</dd>
              </div>
            ) : null}
            <div className="flex justify-between gap-3 border-t border-slate-100 pt-2 text-base">
              <dt className="font-medium">{price.trialPeriodDays ? t('dueAfterTrial') : t('dueToday')}</dt>
              <dd className="font-semibold tabular-nums" data-testid="checkout-total">
                {formatMoney(amount, price.currency, locale)}
              </dd>
            </div>
          </dl>
          {price.metered ? (
            <p className="mt-3 text-sm text-slate-700" data-testid="checkout-metered-note">
              {t('meteredDueNote')}
            </p>
          ) : null}
          <p className="mt-3 text-xs text-slate-600">{t('discountNote')}</p>
        </section>
        <section className="card lg:col-span-3" aria-labelledby="payment-title">
          <h2 id="payment-title" className="card-title mb-3">
            {t('payment')}
          </h2>
          <CheckoutForm
            organizationId={organization.id}
            priceId={price.id}
            quantity={quantity}
            attempt={crypto.randomUUID()}
            amount={amount}
            currency={price.currency}
            locale={locale}
            setup={await getStripeBrowserSetup()}
            successPath={`${base}/subscription?started=1`}
            maxPromotionCodes={MAX_PROMOTION_CODES}
            labels={{
              card: t('card'),
              promotionCode: t('promotionCode'),
              promotionCodeHelp: t('promotionCodeHelp'),
              addCode: t('addCode'),
              removeCode: t('removeCode'),
              subscribe: t('subscribe'),
              subscribing: t('subscribing'),
              loadError: t('loadError'),
              invalidInput: t('invalidInput'),
              notActive: t('notActive'),
              declines,
            }}
          />
        </section>
      </div>
    </>
  );
}

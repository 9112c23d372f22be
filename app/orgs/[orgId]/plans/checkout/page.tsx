// GET /orgs/[orgId]/plans/checkout?price=…&quantity=… — what the customer is about to buy, from the mirror,
// and the card form. Owner and billing only. Nothing is created until the customer presses Subscribe; each
// promotion code added is checked, and the summary then shows Stripe's preview of the first invoice with it.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import {
  CheckoutAmountsProvider,
  CheckoutDiscountRows,
  CheckoutDiscountsContinue,
  CheckoutTaxRows,
  CheckoutTotal,
  type CheckoutAmounts,
} from '@/components/billing/checkout/checkout-amounts';
import { CheckoutForm } from '@/components/billing/checkout/checkout-form';
import { checkoutTermsText } from '@/components/billing/checkout/checkout-terms-text';
import { BackToPlans, CheckoutLayout, CheckoutRefused, declineLabels, SummaryRow } from '@/components/billing/checkout/checkout-page';
import { describeCatalogPrice } from '@/components/billing/plans/price-label';
import { getStripeBrowserSetup } from '@/components/stripe/stripe-browser-setup';
import { listLiveSubscriptions } from '@/db/queries/subscriptions';
import { loadOrgPage, titleMetadata, type OrgPageProps } from '@/lib/billing/org-page';
import { checkoutTerms } from '@/lib/billing/plans/checkout-terms';
import { firstInvoiceAmount } from '@/lib/billing/plans/group-catalog';
import { MAX_PROMOTION_CODES } from '@/lib/billing/plans/limits';
import { billingInputError, isBillingInputError } from '@/lib/billing/subscriptions/billing-input-error';
import { quantityFor, resolvePurchasablePrice } from '@/lib/billing/plans/purchasable-price';
import { catalogTaxRate } from '@/lib/billing/tax/catalog-tax-rates';
import { estimateTax, totalWithTax } from '@/lib/billing/tax/tax-lines';

export const generateMetadata = titleMetadata('plans.checkout', 'title', ['owner', 'billing']);

export default async function CheckoutPage(props: OrgPageProps) {
  const { organization, query, base } = await loadOrgPage(props, ['owner', 'billing']);
  const [t, tPlans, tErrors, tInterval, tEvery, tTax, locale] = await Promise.all([
    getTranslations('plans.checkout'),
    getTranslations('plans'),
    getTranslations('plans.errors'),
    getTranslations('interval'),
    getTranslations('every'),
    getTranslations('tax'),
    getLocale(),
  ]);
  const back = <BackToPlans href={`${base}/plans`} label={t('back')} />;

  const priceId = typeof query.price === 'string' ? query.price.slice(0, 255) : '';
  const quantityInput = typeof query.quantity === 'string' ? Number(query.quantity) : 1;
  let problem: string | null = null;
  let purchase: { price: Awaited<ReturnType<typeof resolvePurchasablePrice>>; quantity: number } | null = null;
  try {
    if (!organization.stripeCustomerId || !organization.currency) throw billingInputError('setup_incomplete', 'no customer');
    const price = await resolvePurchasablePrice({ priceId, currency: organization.currency, locale });
    const quantity = quantityFor(price, quantityInput) ?? 1;
    const live = await listLiveSubscriptions({ organizationId: organization.id });
    if (live.some((s) => s.status !== 'incomplete' && s.metadata.seikyu_intent !== 'free_tier')) {
      throw billingInputError('already_subscribed', 'has a plan');
    }
    purchase = { price, quantity };
  } catch (error) {
    if (!isBillingInputError(error)) throw error;
    problem = tErrors(error.reason, { code: '' });
  }

  if (!purchase) return <CheckoutRefused title={t('title')} problem={problem} back={back} />;

  const { price, quantity } = purchase;
  // The tax the first invoice will carry, from the catalogue's rate for this price and currency (the server
  // applies the same rate when the customer subscribes); computed as Stripe computes it, no Stripe call. Each
  // renewal carries the same rate's tax, so "then ¥X every month" is what the card will see.
  const rate = catalogTaxRate({ lookupKey: price.lookupKey, currency: price.currency });
  const terms = checkoutTerms(price, quantity, new Date(), rate);
  const termsText = terms ? checkoutTermsText(terms, locale, organization.timeZone, t, tEvery) : null;
  // What is due before any promotion code; each code the customer adds replaces it with Stripe's preview.
  const beforeTax = price.trialPeriodDays ? 0 : firstInvoiceAmount(price, quantity);
  const taxes = terms?.dueTodayTaxes ?? (beforeTax > 0 ? [estimateTax(beforeTax, rate)] : []);
  const initial: CheckoutAmounts = { currency: price.currency, discounts: [], taxes, amountDue: terms?.dueToday ?? totalWithTax(beforeTax, taxes) };

  return (
    <CheckoutAmountsProvider initial={initial}>
      <CheckoutLayout
        title={t('title')}
        back={back}
        summaryTitle={t('summary')}
        rows={
          <>
            <SummaryRow term={t('plan')}>
              <dd className="font-medium text-slate-900">{price.productName}</dd>
            </SummaryRow>
            <SummaryRow term={t('price')}>
              <dd className="tabular-nums" data-testid="checkout-price">
                {describeCatalogPrice(price, locale, tPlans, tInterval)}{' '}
                <span className="text-slate-600">{rate.behavior === 'inclusive' ? tTax('priceIncluded') : tTax('priceExcluded')}</span>
              </dd>
            </SummaryRow>
            {price.perUnit ? (
              <SummaryRow term={tPlans(`quantityLabel.${price.perUnit}`)}>
                <dd className="tabular-nums" data-testid="checkout-quantity">
                  {quantity}
                </dd>
              </SummaryRow>
            ) : null}
            <CheckoutDiscountRows locale={locale} />
            <CheckoutTaxRows locale={locale} labels={{ added: tTax.raw('added'), included: tTax.raw('included') }} />
            {price.trialPeriodDays ? (
              <SummaryRow term={t('trial')}>
                <dd>{tPlans('trialBadge', { days: price.trialPeriodDays })}</dd>
              </SummaryRow>
            ) : null}
          </>
        }
        totalLabel={t('dueToday')}
        total={<CheckoutTotal locale={locale} />}
        notes={
          <>
            {termsText ? (
              <p className="mt-2 text-sm text-slate-700" data-testid="checkout-then">
                {termsText.then}
              </p>
            ) : null}
            <CheckoutDiscountsContinue text={t('discountsContinue')} />
            {price.metered ? (
              <p className="mt-3 text-sm text-slate-700" data-testid="checkout-metered-note">
                {t('meteredDueNote')}
              </p>
            ) : null}
            <p className="mt-3 text-xs text-slate-600">{t('discountNote')}</p>
          </>
        }
        paymentTitle={t('payment')}
      >
        <CheckoutForm
          organizationId={organization.id}
          priceId={price.id}
          quantity={quantity}
          attempt={crypto.randomUUID()}
          amount={initial.amountDue}
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
            checkingCode: t('checkingCode'),
            button: { subscribeAndPay: t.raw('subscribeAndPay'), subscribeNothingToday: t('subscribeNothingToday') },
            authorization: termsText?.authorization ?? '',
            subscribing: t('subscribing'),
            loadError: t('loadError'),
            invalidInput: t('invalidInput'),
            notActive: t('notActive'),
            declines: declineLabels(t),
          }}
        />
      </CheckoutLayout>
    </CheckoutAmountsProvider>
  );
}

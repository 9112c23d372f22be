// GET /orgs/[orgId]/plans/buy?price=… — buying a one-off item or the 30-day pass: what it costs, from the mirror,
// and the card form. Owner and billing only. Nothing is created until the customer presses Pay.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { BackToPlans, CheckoutLayout, CheckoutRefused, declineLabels, SummaryRow } from '@/components/billing/checkout/checkout-page';
import { OneOffPurchaseForm } from '@/components/billing/checkout/one-off-purchase-form';
import { getStripeBrowserSetup } from '@/components/stripe/stripe-browser-setup';
import type { CatalogPrice } from '@/db/queries/catalog';
import { loadOrgPage, titleMetadata, type OrgPageProps } from '@/lib/billing/org-page';
import { resolveOneOffPrice } from '@/lib/billing/purchases/one-off-purchase';
import { billingInputError, isBillingInputError } from '@/lib/billing/subscriptions/billing-input-error';
import { formatMoney } from '@/lib/i18n/format';
import { TaxRows } from '@/components/billing/tax/tax-rows';
import { catalogTaxRate } from '@/lib/billing/tax/catalog-tax-rates';
import { estimateTax, totalWithTax } from '@/lib/billing/tax/tax-lines';

export const generateMetadata = titleMetadata('plans.checkout', 'buyTitle', ['owner', 'billing']);

export default async function BuyPage(props: OrgPageProps) {
  const { organization, query, base } = await loadOrgPage(props, ['owner', 'billing']);
  const [t, tErrors, tTax, locale] = await Promise.all([
    getTranslations('plans.checkout'),
    getTranslations('plans.errors'),
    getTranslations('tax'),
    getLocale(),
  ]);
  const back = <BackToPlans href={`${base}/plans`} label={t('back')} />;

  const priceId = typeof query.price === 'string' ? query.price.slice(0, 255) : '';
  let price: CatalogPrice | null = null;
  let problem: string | null = null;
  try {
    if (!organization.stripeCustomerId || !organization.currency) throw billingInputError('setup_incomplete', 'no customer');
    price = await resolveOneOffPrice({ priceId, currency: organization.currency, locale });
  } catch (error) {
    if (!isBillingInputError(error)) throw error;
    problem = tErrors(error.reason, { code: '' });
  }

  if (!price) return <CheckoutRefused title={t('buyTitle')} problem={problem} back={back} />;

  // The tax the one-off invoice will carry (the same catalogue rate the server applies when the customer pays).
  const rate = catalogTaxRate({ lookupKey: price.lookupKey, currency: price.currency });
  const beforeTax = price.unitAmount ?? 0;
  const taxes = beforeTax > 0 ? [estimateTax(beforeTax, rate)] : [];
  const amount = totalWithTax(beforeTax, taxes);

  return (
    <CheckoutLayout
      title={t('buyTitle')}
      back={back}
      summaryTitle={t('summary')}
      rows={
        <>
          <SummaryRow term={t('plan')}>
            <dd className="font-medium text-slate-900">{price.productName}</dd>
          </SummaryRow>
          <SummaryRow term={t('price')}>
            <dd className="tabular-nums" data-testid="checkout-price">
              {formatMoney(beforeTax, price.currency, locale)}{' '}
              <span className="text-slate-600">{rate.behavior === 'inclusive' ? tTax('priceIncluded') : tTax('priceExcluded')}</span>
            </dd>
          </SummaryRow>
          <TaxRows taxes={taxes} currency={price.currency} locale={locale} labels={{ added: tTax.raw('added'), included: tTax.raw('included') }} as="div" />
        </>
      }
      totalLabel={t('dueToday')}
      total={formatMoney(amount, price.currency, locale)}
      notes={
        price.kind === 'pass' ? (
          <p className="mt-3 text-sm text-slate-700" data-testid="pass-validity">
            {t('passValidity')}
          </p>
        ) : null
      }
      paymentTitle={t('payment')}
    >
      <OneOffPurchaseForm
        organizationId={organization.id}
        priceId={price.id}
        attempt={crypto.randomUUID()}
        amount={amount}
        currency={price.currency}
        locale={locale}
        setup={await getStripeBrowserSetup()}
        successPath={`${base}/invoices/{invoice}?paid=1`}
        labels={{
          card: t('card'),
          buy: t('buy'),
          buying: t('buying'),
          loadError: t('loadError'),
          invalidInput: t('invalidInput'),
          notPaid: t('notPaid'),
          declines: declineLabels(t),
        }}
      />
    </CheckoutLayout>
  );
}

// GET /admin/quotes/new — the quote builder (admins: admin:quotes:manage): an existing customer or a new prospect,
// catalogue lines, coupon, validity, texts, collection and trial. Submitting creates the Stripe draft, whose page
// is the preview (totals, tax, first invoice) before finalizing.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { randomUUID } from 'node:crypto';
import { QUOTE_BUILDER_ERROR_CODES, type QuoteBuilderErrorMessages } from '@/components/admin/quotes/quote-builder-errors';
import { QuoteBuilderForm, type QuoteBuilderPrice } from '@/components/admin/quotes/quote-builder-form';
import { PageHeader } from '@/components/ui/page-header';
import { listCatalogPrices } from '@/db/queries/catalog';
import { listBillableOrganizationsForOperator } from '@/db/queries/organizations';
import { requireOperatorPermission } from '@/lib/auth/session';
import { formatMoney } from '@/lib/i18n/format';
import { defaultExpiryDay } from '@/lib/quotes/quote-lines';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('quotes.builder');

export default async function NewQuotePage() {
  await requireOperatorPermission('admin:quotes:manage');
  const locale = await getLocale();
  const [t, tInterval, tErrors, organizations, jpy, usd] = await Promise.all([
    getTranslations('quotes.builder'),
    getTranslations('interval'),
    getTranslations('errors'),
    listBillableOrganizationsForOperator(),
    listCatalogPrices({ currency: 'jpy', locale }),
    listCatalogPrices({ currency: 'usd', locale }),
  ]);
  const usdById = new Map(usd.map((p) => [p.id, p]));
  // Amounts are shown for choosing only; the server prices the quote from the catalogue in the customer's currency.
  const prices: QuoteBuilderPrice[] = jpy
    .filter((p) => !p.metered && p.unitAmount !== null && !p.isFree)
    .map((p) => {
      const other = usdById.get(p.id);
      const amounts = [formatMoney(p.unitAmount ?? 0, 'jpy', locale), other?.unitAmount != null ? formatMoney(other.unitAmount, 'usd', locale) : null].filter(Boolean).join(' / ');
      const per = p.interval ? ` / ${tInterval(p.interval, { count: p.intervalCount ?? 1 })}` : '';
      // A nickname that already names the product ("Team (monthly, per seat)") stands alone; another one follows it.
      const name = !p.nickname ? p.productName : p.nickname.includes(p.productName) ? p.nickname : `${p.productName} — ${p.nickname}`;
      return { id: p.id, label: locale === 'ja' ? `${name}（${amounts}${per}）` : `${name} (${amounts}${per})` };
    });
  const expiresOn = defaultExpiryDay();
  return (
    <>
      <PageHeader title={t('title')} description={t('lead')} />
      <QuoteBuilderForm
        attempt={randomUUID()}
        organizations={organizations.map((o) => ({ id: o.id, label: `${o.name}${o.currency ? ` (${o.currency.toUpperCase()})` : ''}` }))}
        prices={prices}
        defaultExpiresOn={expiresOn}
        labels={{
          forLabel: t('forLabel'),
          forOrganization: t('forOrganization'),
          forProspect: t('forProspect'),
          organization: t('organization'),
          chooseOrganization: t('chooseOrganization'),
          prospectName: t('prospectName'),
          prospectEmail: t('prospectEmail'),
          prospectCurrency: t('prospectCurrency'),
          locale: t('locale'),
          lines: t('lines'),
          price: t('price'),
          quantity: t('quantity'),
          addLine: t('addLine'),
          removeLine: t('removeLine'),
          promotionCode: t('promotionCode'),
          expiresOn: t('expiresOn'),
          header: t('header'),
          footer: t('footer'),
          collection: t('collection'),
          card: t('card'),
          bankTransfer: t('bankTransfer'),
          daysUntilDue: t('daysUntilDue'),
          withTrial: t('withTrial'),
          submit: t('submit'),
          busy: t('busy'),
          errors: {
            ...(Object.fromEntries(QUOTE_BUILDER_ERROR_CODES.map((code) => [code, t(`errors.${code}`)])) as Omit<QuoteBuilderErrorMessages, 'invalid'>),
            // Filled in the browser with the refused field's label.
            invalid: t.raw('errors.invalid') as string,
          },
          failed: tErrors('internal'),
        }}
      />
    </>
  );
}

// A quote as both operators and customers read it, from the mirror: validity, payment terms, lines, tax per rate,
// totals, what accepting bills now (the first invoice Stripe computed) and the recurring amount after, and the
// quote's header and footer texts.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import type { QuoteRecord } from '@/db/queries/quotes';
import { describeQuoteLine, type LineCatalog } from '@/lib/billing/invoices/line-description';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { recurringOf, upfrontOf } from '@/lib/quotes/quote-state';

/**
 * `timeZone`: the quote's organization's (lib/i18n/time-zones.ts), the reader's for a prospect's quote. `catalog`:
 * the lines' prices' catalogue texts (getPriceCatalogTexts), to name them in the reader's language.
 */
export async function QuoteSummary({ quote, timeZone, catalog }: { quote: QuoteRecord; timeZone: string; catalog: ReadonlyMap<string, LineCatalog> }) {
  const [t, tInterval, locale] = await Promise.all([getTranslations('quotes.detail'), getTranslations('interval'), getLocale()]);
  const currency = quote.currency ?? 'jpy';
  const money = (amount: number) => formatMoney(amount, currency, locale);
  const upfront = upfrontOf(quote);
  const recurring = recurringOf(quote);
  return (
    <>
      <section className="card mb-6">
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t('validUntil')}</dt>
            <dd data-testid="quote-valid-until">{formatDate(quote.expiresAt, locale, timeZone)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('collection')}</dt>
            <dd>{quote.collectionMethod === 'send_invoice' ? t('bankTransfer', { days: quote.daysUntilDue ?? 0 }) : t('card')}</dd>
          </div>
          {quote.trialPeriodDays ? (
            <div>
              <dt className="text-slate-500">{t('trial', { days: quote.trialPeriodDays })}</dt>
            </div>
          ) : null}
        </dl>
        {quote.header ? <p className="mt-4 whitespace-pre-line text-sm">{quote.header}</p> : null}
      </section>
      <section className="card mb-6 overflow-x-auto" aria-labelledby="quote-lines">
        <h2 id="quote-lines" className="card-title">
          {t('lines')}
        </h2>
        <table className="table" data-testid="quote-lines">
          <thead>
            <tr>
              <th scope="col">{t('description')}</th>
              <th scope="col" className="text-right">
                {t('quantity')}
              </th>
              <th scope="col" className="text-right">
                {t('unitPrice')}
              </th>
              <th scope="col" className="text-right">
                {t('amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {quote.lines.map((line) => (
              <tr key={line.id}>
                <td>
                  {describeQuoteLine(line, line.priceId ? (catalog.get(line.priceId) ?? null) : null, locale)}
                  {line.recurringInterval ? <span className="ml-1 text-slate-500">({t('perInterval', { interval: tInterval(line.recurringInterval, { count: 1 }) })})</span> : null}
                </td>
                <td className="text-right tabular-nums">{line.quantity}</td>
                <td className="text-right tabular-nums">{line.unitAmount === null ? '-' : money(line.unitAmount)}</td>
                <td className="text-right tabular-nums">{money(line.amountSubtotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="ml-auto mt-4 max-w-sm space-y-1 text-sm" data-testid="quote-totals">
          <div className="flex justify-between">
            <dt>{t('subtotal')}</dt>
            <dd className="tabular-nums">{money(quote.amountSubtotal)}</dd>
          </div>
          {quote.amountDiscount ? (
            <div className="flex justify-between">
              <dt>{t('discount')}</dt>
              <dd className="tabular-nums">{money(-quote.amountDiscount)}</dd>
            </div>
          ) : null}
          {quote.taxes.map((tax) => (
            <div key={`${tax.rateId}-${tax.percentage}`} className="flex justify-between">
              <dt>{tax.inclusive ? t('taxIncludedAt', { rate: tax.percentage }) : t('taxAt', { rate: tax.percentage })}</dt>
              <dd className="tabular-nums">{money(tax.amount)}</dd>
            </div>
          ))}
          <div className="flex justify-between border-t border-slate-200 pt-1 font-semibold">
            <dt>{t('total')}</dt>
            <dd className="tabular-nums" data-testid="quote-total">
              {money(quote.amountTotal)}
            </dd>
          </div>
        </dl>
      </section>
      <section className="card mb-6" aria-labelledby="quote-first-invoice">
        <h2 id="quote-first-invoice" className="card-title">
          {t('firstInvoice')}
        </h2>
        <p className="text-sm" data-testid="quote-first-invoice">
          {t('firstInvoiceLead', { amount: money(upfront.amountTotal), tax: money(upfront.amountTax) })}
          {recurring ? ` ${t('recurring', { amount: money(recurring.amountTotal), interval: tInterval(recurring.interval, { count: recurring.intervalCount }) })}` : ''}
        </p>
        {quote.footer ? <p className="mt-4 whitespace-pre-line text-sm text-slate-600">{quote.footer}</p> : null}
      </section>
    </>
  );
}

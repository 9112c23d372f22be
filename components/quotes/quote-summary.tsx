// A quote as both operators and customers read it, from the mirror: validity, payment terms, lines, tax per rate,
// totals, what accepting bills now (the first invoice Stripe computed) and the recurring amount after, and the
// quote's header and footer (its notes) texts.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import type { QuoteRecord } from '@/db/queries/quotes';
import { describeQuoteLine, type LineCatalog } from '@/lib/billing/invoices/line-description';
import { formatDate, formatMoney, formatQuantity } from '@/lib/i18n/format';
import { recurringOf, upfrontOf } from '@/lib/quotes/quote-state';

/**
 * `timeZone`: the quote's organization's (lib/i18n/time-zones.ts), the reader's for a prospect's quote. `catalog`:
 * the lines' prices' catalogue texts (getPriceCatalogTexts), to name them in the reader's language.
 */
export async function QuoteSummary({
  quote,
  timeZone,
  catalog,
  showFirstInvoice = true,
}: {
  quote: QuoteRecord;
  timeZone: string;
  catalog: ReadonlyMap<string, LineCatalog>;
  /** False where the quote can no longer be accepted: what accepting would bill is then beside the point. */
  showFirstInvoice?: boolean;
}) {
  const [t, tInterval, locale] = await Promise.all([getTranslations('quotes.detail'), getTranslations('interval'), getLocale()]);
  const currency = quote.currency ?? 'jpy';
  const money = (amount: number) => formatMoney(amount, currency, locale);
  const upfront = upfrontOf(quote);
  const recurring = recurringOf(quote);
  const per = (interval: string) => t('perInterval', { interval: tInterval(interval, { count: 1 }) });
  // Japanese sentences end in 。 and follow each other without a space.
  const sentences = (...parts: string[]) => parts.join(locale === 'ja' ? '' : ' ');
  return (
    <>
      <section className="card mb-6">
        <dl className="grid gap-3 text-sm sm:grid-cols-4">
          {quote.finalizedAt ? (
            <div>
              <dt className="text-slate-500">{t('issuedOn')}</dt>
              <dd data-testid="quote-issued-on">{formatDate(quote.finalizedAt, locale, timeZone)}</dd>
            </div>
          ) : null}
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
      <section className="card mb-6" aria-labelledby="quote-lines">
        <h2 id="quote-lines" className="card-title">
          {t('lines')}
        </h2>
        {/* On a phone the quantity and unit price go under the item, so the amount stays in view. */}
        <table className="table" data-testid="quote-lines">
          <thead>
            <tr>
              <th scope="col">{t('description')}</th>
              <th scope="col" className="hidden text-right sm:table-cell">
                {t('quantity')}
              </th>
              <th scope="col" className="hidden text-right sm:table-cell">
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
                <td className="whitespace-normal">
                  {describeQuoteLine(line, line.priceId ? (catalog.get(line.priceId) ?? null) : null, locale)}
                  {line.recurringInterval ? <span className="text-slate-500">{per(line.recurringInterval)}</span> : null}
                  <span className="block text-xs text-slate-500 tabular-nums sm:hidden">
                    {line.unitAmount === null ? line.quantity : `${formatQuantity(line.quantity, locale)} × ${money(line.unitAmount)}`}
                  </span>
                </td>
                <td className="hidden text-right tabular-nums sm:table-cell">{formatQuantity(line.quantity, locale)}</td>
                <td className="hidden text-right tabular-nums sm:table-cell">{line.unitAmount === null ? '-' : money(line.unitAmount)}</td>
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
      {showFirstInvoice ? (
        <section className="card mb-6" aria-labelledby="quote-first-invoice">
          <h2 id="quote-first-invoice" className="card-title">
            {t('firstInvoice')}
          </h2>
          <p className="text-sm" data-testid="quote-first-invoice">
            {sentences(
              t('firstInvoiceLead', { amount: money(upfront.amountTotal), tax: money(upfront.amountTax) }),
              recurring ? t('recurring', { amount: money(recurring.amountTotal), interval: tInterval(recurring.interval, { count: recurring.intervalCount }) }) : '',
            )}
          </p>
        </section>
      ) : null}
      {quote.footer ? (
        <section className="card mb-6" aria-labelledby="quote-notes">
          <h2 id="quote-notes" className="card-title">
            {t('notes')}
          </h2>
          <p className="whitespace-pre-line text-sm text-slate-700" data-testid="quote-footer">
            {quote.footer}
          </p>
        </section>
      ) : null}
    </>
  );
}

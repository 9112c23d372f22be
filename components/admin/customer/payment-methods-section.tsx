// The customer's saved cards with expiry warnings (expired, expires this month or next), default marked.
import { getTranslations } from '@/lib/i18n/server';
import type { OrganizationCard } from '@/db/queries/payment-methods';
import { expiryWarning } from '@/lib/customers/card-expiry';
import { wallClockIn } from '@/lib/i18n/zone-clock';

/** `timeZone`: the customer's; a card expires at the end of its month there. */
export async function PaymentMethodsSection({ cards, timeZone }: { cards: OrganizationCard[]; timeZone: string }) {
  const t = await getTranslations('backoffice.paymentMethods');
  const { year, month } = wallClockIn(new Date(), timeZone);
  return (
    <section className="card mt-6" aria-labelledby="pm-title" data-testid="customer-payment-methods">
      <h2 id="pm-title" className="card-title">
        {t('title')}
      </h2>
      {cards.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t('empty')}</p> : null}
      <ul className="mt-3 divide-y divide-slate-100">
        {cards.map((card) => {
          const warning = expiryWarning(card, { year, month });
          return (
            <li key={card.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <span className="capitalize">{card.brand ?? '—'}</span> •••• {card.last4 ?? '----'}
                {card.isDefault ? <span className="badge-blue ml-2">{t('default')}</span> : null}
              </span>
              <span className="flex items-center gap-2 text-slate-600">
                {card.expMonth && card.expYear ? t('expires', { month: card.expMonth, year: card.expYear }) : null}
                {warning ? (
                  <span className={warning === 'expired' ? 'badge-red' : 'badge-amber'} data-testid="card-expiry-warning">
                    {t(`warnings.${warning}`)}
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

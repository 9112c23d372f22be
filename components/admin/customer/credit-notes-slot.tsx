// SLOT: credit notes on the customer page. The credit-note mirror table comes from the credit-notes work
// (another branch); until it is merged this section says where they will appear. Replace the body with the
// list from that mirror once it exists.
import { getTranslations } from 'next-intl/server';

export async function CreditNotesSlot() {
  const t = await getTranslations('backoffice.creditNotes');
  return (
    <section className="card mt-6" aria-labelledby="cn-title" data-testid="customer-credit-notes">
      <h2 id="cn-title" className="card-title">
        {t('title')}
      </h2>
      <p className="mt-3 text-sm text-slate-600">{t('pending')}</p>
    </section>
  );
}

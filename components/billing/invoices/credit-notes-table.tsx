// An invoice's credit notes (operators and customers): number, date, reason, where the money went, amount,
// status, and the PDFs the caller's routes serve under the note's address: Seikyu's document (`/pdf`) and Stripe's
// original (`/stripe-pdf`). Server component; rows come from the mirror.
import { getTranslations } from '@/lib/i18n/server';
import type { CreditNoteRecord } from '@/db/queries/invoice-adjustments';
import { creditNoteSettlement } from '@/lib/back-office/credit-note-settlement';

export async function CreditNotesTable(props: {
  notes: CreditNoteRecord[];
  money: (n: number) => string;
  date: (d: Date) => string;
  /** The note's address under the caller's routes; its PDFs are `<address>/pdf` and `<address>/stripe-pdf`. */
  hrefOf: (note: CreditNoteRecord) => string;
  downloadLabel: string;
  /** The customer reads where the money went in their own terms; operators in the back-office's. */
  audience: 'customer' | 'operator';
  /** What an empty list says; the invoice pages' sentence by default. */
  emptyText?: string;
}) {
  const t = await getTranslations('backOffice.creditNotes');
  if (props.notes.length === 0) return <p className="mt-3 text-sm text-slate-600">{props.emptyText ?? t('none')}</p>;
  return (
    <div className="table-wrap mt-3" tabIndex={0} role="region" aria-label={t('title')}>
      <table className="table" data-testid="credit-notes">
        <thead>
          <tr>
            <th scope="col">{t('colNumber')}</th>
            <th scope="col">{t('colDate')}</th>
            <th scope="col">{t('colReason')}</th>
            <th scope="col">{t('colSettlement')}</th>
            <th scope="col" className="num">
              {t('colAmount')}
            </th>
            <th scope="col">PDF</th>
          </tr>
        </thead>
        <tbody>
          {props.notes.map((note) => (
            <tr key={note.id}>
              <td className="font-mono text-xs">
                {note.number}
                {note.status === 'void' ? <span className="badge-gray ml-2">{t('void')}</span> : null}
              </td>
              <td>{props.date(note.stripeCreated)}</td>
              <td>{note.reason ? t(`reasons.${note.reason}` as 'reasons.duplicate') : '—'}</td>
              <td>{t(`${props.audience === 'customer' ? 'customerSettlements' : 'settlements'}.${creditNoteSettlement(note)}`)}</td>
              <td className="num">{props.money(note.total)}</td>
              <td>
                <a href={`${props.hrefOf(note)}/pdf`} download className="block">
                  {props.downloadLabel}
                </a>
                <a href={`${props.hrefOf(note)}/stripe-pdf`} download className="block text-xs text-slate-600">
                  {t('stripeOriginal')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

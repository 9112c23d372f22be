// The moment an operator issues a credit note: the customer gets it by email, with Seikyu's document attached
// (返品・値引明細書 / 適格返還請求書: a qualified return invoice is to be handed to the customer, not only kept
// on a page). Called by the credit-note webhook handler after the mirror is synced; reads the note from the
// mirror. Idempotent through the dedupe key: a redelivered or replayed event enqueues nothing new.
import { getCreditNoteForNotification, getInvoiceForNotification, getNotificationAudience } from '@/db/queries/outbox';
import { creditNoteSettlement } from '@/lib/back-office/credit-note-settlement';
import { customerRecipient, enqueueNotification, type EnqueueOutcome } from './enqueue';
import { portalLinks } from './links';

export async function notifyCreditNoteIssued(creditNoteId: string): Promise<EnqueueOutcome | 'nothing'> {
  const note = await getCreditNoteForNotification({ creditNoteId });
  // A voided note, or one the mirror has not seen yet, is nothing to tell.
  if (!note || note.status !== 'issued') return 'nothing';
  const audience = await getNotificationAudience({ customerId: note.customerId });
  const to = audience ? customerRecipient(audience) : null;
  if (!audience || !to) return 'nothing';
  const invoice = await getInvoiceForNotification({ invoiceId: note.invoiceId });
  return enqueueNotification({
    kind: 'credit_note_issued',
    ...to,
    dedupeKey: `credit_note_issued:${note.id}`,
    payload: {
      creditNoteId: note.id,
      invoiceId: note.invoiceId,
      number: note.number,
      invoiceNumber: invoice?.number ?? null,
      amount: note.total,
      currency: note.currency,
      issuedAt: note.stripeCreated.toISOString(),
      settlement: creditNoteSettlement(note),
      invoiceUrl: portalLinks.invoice(audience.organizationId, note.invoiceId),
    },
  });
}

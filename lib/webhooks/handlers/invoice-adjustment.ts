// credit_note.*, invoice_payment.* — re-read the customer the note or payment belongs to: the convergent sync
// mirrors its invoices with their payments (payment records included) and its credit notes together. A new credit
// note is then emailed to the customer with its document (lib/notifications/credit-note-moments.ts).
import { reverseSaleForInvoice } from '@/lib/connect/reduce-sale';
import { notifyCreditNoteIssued } from '@/lib/notifications/credit-note-moments';
import { retrieveInvoice } from '@/lib/stripe/retrieve-invoice';
import { retrieveOrNull } from '@/lib/stripe-sync/context';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { ignored, type EventHandler } from '../types';

export const handleInvoiceAdjustmentEvent: EventHandler = async (event, { stripe }) => {
  const object = event.data.object as { customer?: unknown; invoice?: unknown };
  let customerId = typeof object.customer === 'string' ? object.customer : null;
  if (!customerId && typeof object.invoice === 'string') {
    const invoiceId = object.invoice;
    const invoice = await retrieveOrNull(() => retrieveInvoice(invoiceId, stripe));
    customerId = typeof invoice?.customer === 'string' ? invoice.customer : (invoice?.customer?.id ?? null);
  }
  // A credit note on a split sale's invoice takes the payees' shares back in proportion (idempotent).
  if (event.type.startsWith('credit_note.') && typeof object.invoice === 'string') await reverseSaleForInvoice(object.invoice, stripe);
  if (!customerId) return ignored;
  await syncStripeCustomer(customerId, undefined, { stripe });
  const noteId = (event.data.object as { id?: unknown }).id;
  if (event.type === 'credit_note.created' && typeof noteId === 'string') await notifyCreditNoteIssued(noteId);
  return { outcome: 'processed' };
};

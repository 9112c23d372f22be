// The credit note PDF for a customer (the note must be on one of the caller's organization's invoices: no row →
// 404) or an operator, then Stripe's `pdf` is fetched server-side and streamed as a download.
import 'server-only';
import { getCreditNoteForOrganization, listCreditNotesForOperator, type CreditNoteRecord } from '@/db/queries/invoice-adjustments';
import { AppError } from '@/lib/errors';
import { fetchStripeDocument } from '@/lib/stripe/fetch-stripe-document';
import { isPdf, requireInvoiceForDocument } from './invoice-document';
import { requireInvoiceForOperatorDocument } from './operator-invoice-document';

export async function creditNotePdfResponse(params: { organizationId: string; invoiceId: string; creditNoteId: string }): Promise<Response> {
  const invoice = await requireInvoiceForDocument(params);
  const note = await getCreditNoteForOrganization({ organizationId: params.organizationId, invoiceId: invoice.id, creditNoteId: params.creditNoteId });
  if (!note?.pdf) throw new AppError('not_found', `credit note ${params.creditNoteId} is not on ${invoice.id} of ${params.organizationId}`);
  return streamCreditNote({ ...note, pdf: note.pdf });
}

/** For operators (any organization): the caller must be an operator and the note on that invoice. */
export async function operatorCreditNotePdfResponse(params: { invoiceId: string; creditNoteId: string }): Promise<Response> {
  const invoice = await requireInvoiceForOperatorDocument(params);
  const note = (await listCreditNotesForOperator({ invoiceId: invoice.id })).find((n) => n.id === params.creditNoteId);
  if (!note?.pdf) throw new AppError('not_found', `credit note ${params.creditNoteId} is not on ${invoice.id}`);
  return streamCreditNote({ ...note, pdf: note.pdf });
}

async function streamCreditNote(note: CreditNoteRecord & { pdf: string }): Promise<Response> {
  const document = await fetchStripeDocument(note.pdf);
  if (!isPdf(document.contentType)) {
    await document.body.cancel();
    throw new AppError('stripe_error', `pdf of ${note.id} answered ${document.contentType}`);
  }
  return new Response(document.body, {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="CreditNote-${note.number.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

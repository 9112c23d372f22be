// A credit note's PDFs for a customer (the note must be on one of the caller's organization's invoices: no row →
// 404) or an operator: Seikyu's own document (返品・値引明細書 / credit note, lib/documents) drawn from the mirror,
// and Stripe's original `pdf`, fetched server-side, one link away.
import 'server-only';
import { getCreditNoteForOrganization, listCreditNotesForOperator } from '@/db/queries/invoice-adjustments';
import { loadCreditNoteDocument, loadCreditNoteDocumentForOperator } from '@/lib/documents/document-data';
import { renderCreditNotePdf } from '@/lib/documents/document-pdf';
import type { DocumentModel } from '@/lib/documents/document-model';
import { AppError } from '@/lib/errors';
import { creditNoteFilename } from './invoice-details';
import { pdfResponse, requireInvoiceForDocument, stripePdfResponse } from './invoice-document';
import { requireInvoiceForOperatorDocument } from './operator-invoice-document';

type Params = { invoiceId: string; creditNoteId: string };

/** Seikyu's credit note document, for a member of the organization whose invoice it credits. */
export async function creditNoteDocumentResponse(params: Params & { organizationId: string }): Promise<Response> {
  const invoice = await requireInvoiceForDocument(params);
  return documentResponse(await loadCreditNoteDocument({ ...params, invoiceId: invoice.id }), params.creditNoteId);
}

/** Seikyu's credit note document, for operators (any organization). */
export async function operatorCreditNoteDocumentResponse(params: Params): Promise<Response> {
  const invoice = await requireInvoiceForOperatorDocument(params);
  return documentResponse(await loadCreditNoteDocumentForOperator({ ...params, invoiceId: invoice.id }), params.creditNoteId);
}

/** Stripe's original PDF of the credit note, for a member of the organization whose invoice it credits. */
export async function creditNoteStripePdfResponse(params: Params & { organizationId: string }): Promise<Response> {
  const invoice = await requireInvoiceForDocument(params);
  const note = await getCreditNoteForOrganization({ organizationId: params.organizationId, invoiceId: invoice.id, creditNoteId: params.creditNoteId });
  if (!note?.pdf) throw new AppError('not_found', `credit note ${params.creditNoteId} is not on ${invoice.id} of ${params.organizationId}`);
  return stripePdfResponse(note.pdf, creditNoteFilename(note.number, 'stripe'), `pdf of ${note.id}`);
}

/** Stripe's original PDF of the credit note, for operators: the caller must be an operator and the note on that invoice. */
export async function operatorCreditNoteStripePdfResponse(params: Params): Promise<Response> {
  const invoice = await requireInvoiceForOperatorDocument(params);
  const note = (await listCreditNotesForOperator({ invoiceId: invoice.id })).find((n) => n.id === params.creditNoteId);
  if (!note?.pdf) throw new AppError('not_found', `credit note ${params.creditNoteId} is not on ${invoice.id}`);
  return stripePdfResponse(note.pdf, creditNoteFilename(note.number, 'stripe'), `pdf of ${note.id}`);
}

async function documentResponse(model: DocumentModel | null, creditNoteId: string): Promise<Response> {
  if (!model) throw new AppError('not_found', `credit note ${creditNoteId} is not on that invoice`);
  return pdfResponse(new Uint8Array(await renderCreditNotePdf(model)), creditNoteFilename(model.number));
}

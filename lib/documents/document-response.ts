// Seikyu's own invoice and receipt PDFs as downloads, shared by the customer's and the operator's routes once each
// has checked access. Stripe's original invoice PDF stays available through invoice-pdf-response.ts.
import 'server-only';
import type { InvoiceRecord } from '@/db/queries/invoices';
import { documentFilename } from '@/lib/billing/invoices/invoice-details';
import { pdfResponse } from '@/lib/billing/invoices/invoice-document';
import { AppError } from '@/lib/errors';
import { loadInvoiceDocument, loadInvoiceDocumentForOperator } from './document-data';
import { renderDocumentPdf } from './document-pdf';

type Kind = 'invoice' | 'receipt';

export async function invoiceDocumentResponse(invoice: InvoiceRecord, kind: Kind, scope: { organizationId: string } | 'operator'): Promise<Response> {
  const model =
    scope === 'operator'
      ? await loadInvoiceDocumentForOperator({ invoiceId: invoice.id, kind })
      : await loadInvoiceDocument({ organizationId: scope.organizationId, invoiceId: invoice.id, kind });
  if (!model) throw new AppError('not_found', `invoice ${invoice.id} has no ${kind} document`);
  const bytes = await renderDocumentPdf(model);
  return pdfResponse(new Uint8Array(bytes), documentFilename(kind, invoice));
}

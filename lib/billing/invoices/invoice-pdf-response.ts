// The invoice PDF as a download: fetched from Stripe's `invoice_pdf` server-side (the browser never sees
// Stripe's URL). Shared by the customer's and the operator's document routes once each has checked access.
import 'server-only';
import type { InvoiceRecord } from '@/db/queries/invoices';
import { AppError } from '@/lib/errors';
import { fetchStripeDocument } from '@/lib/stripe/fetch-stripe-document';
import { isPdf, pdfResponse } from './invoice-document';

export async function invoicePdfResponse(invoice: InvoiceRecord): Promise<Response> {
  if (!invoice.invoicePdf) throw new AppError('not_found', `invoice ${invoice.id} has no PDF yet`);
  const document = await fetchStripeDocument(invoice.invoicePdf);
  if (!isPdf(document.contentType)) {
    await document.body.cancel();
    throw new AppError('stripe_error', `invoice_pdf of ${invoice.id} answered ${document.contentType}`);
  }
  return pdfResponse(document.body, 'invoice', invoice);
}

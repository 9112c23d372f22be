// The document routes' shared steps: who is asking, whether the invoice is theirs (organization in the WHERE
// clause: no row → 404), and the PDF response. Route handlers stay thin.
import 'server-only';
import { getInvoiceForOrganization, type InvoiceRecord } from '@/db/queries/invoices';
import { getOrganizationForMember } from '@/db/queries/organizations';
import { getCurrentUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { fetchStripeDocument } from '@/lib/stripe/fetch-stripe-document';
import { can } from '@/lib/permissions';

/** The invoice when the signed-in user is a member of the organization that owns it; otherwise an AppError. */
export async function requireInvoiceForDocument(params: { organizationId: string; invoiceId: string }): Promise<InvoiceRecord> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthenticated', 'document requested without a session');
  const organization = await getOrganizationForMember({ organizationId: params.organizationId, userId: user.id });
  // Not a member and no such invoice look the same: another organization's documents are not even confirmed.
  if (!organization || !can(organization.role, 'invoices:read')) {
    throw new AppError('not_found', `user ${user.id} may not read invoices of ${params.organizationId}`);
  }
  const invoice = await getInvoiceForOrganization({ organizationId: organization.id, invoiceId: params.invoiceId });
  if (!invoice) throw new AppError('not_found', `invoice ${params.invoiceId} is not ${organization.id}'s`);
  return invoice;
}

/** A PDF as a download named `filename`: private to the caller, never cached (invoices, receipts, credit notes, quotes). */
export function pdfResponse(body: BodyInit, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

function isPdf(contentType: string): boolean {
  return contentType.split(';')[0]!.trim().toLowerCase() === 'application/pdf';
}

/**
 * A PDF Stripe hosts (an invoice's `invoice_pdf`, a credit note's `pdf`), fetched server-side and passed on as a
 * download; an answer that is not a PDF is a Stripe error (`what` names the document in it).
 */
export async function stripePdfResponse(url: string, filename: string, what: string): Promise<Response> {
  const document = await fetchStripeDocument(url);
  if (!isPdf(document.contentType)) {
    await document.body.cancel();
    throw new AppError('stripe_error', `${what} answered ${document.contentType}`);
  }
  return pdfResponse(document.body, filename);
}

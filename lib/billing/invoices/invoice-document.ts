// The document routes' shared steps: who is asking, whether the invoice is theirs (organization in the WHERE
// clause: no row → 404), and the PDF response. Route handlers stay thin.
import 'server-only';
import { getInvoiceForOrganization, type InvoiceRecord } from '@/db/queries/invoices';
import { getOrganizationForMember } from '@/db/queries/organizations';
import { getCurrentUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { documentFilename } from './invoice-details';

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

export function pdfResponse(body: ReadableStream<Uint8Array>, kind: 'invoice' | 'receipt', invoice: InvoiceRecord): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${documentFilename(kind, invoice)}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export function isPdf(contentType: string): boolean {
  return contentType.split(';')[0]!.trim().toLowerCase() === 'application/pdf';
}

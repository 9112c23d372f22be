// The operators' document route's check: a signed-in operator (checked here, not by the admin layout, which
// does not guard route handlers) and an invoice that exists in the mirror; anything else is an AppError.
import 'server-only';
import { getInvoiceForOperator, type InvoiceRecord } from '@/db/queries/invoices';
import { getCurrentUser, getOperatorRoleFor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';

export async function requireInvoiceForOperatorDocument(params: { invoiceId: string }): Promise<InvoiceRecord> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthenticated', 'operator document requested without a session');
  // A customer gets the same 404 as for an unknown invoice: the admin section is not even confirmed to exist.
  if (!(await getOperatorRoleFor(user.id))) throw new AppError('not_found', `user ${user.id} is not an operator`);
  const found = await getInvoiceForOperator({ invoiceId: params.invoiceId });
  if (!found) throw new AppError('not_found', `invoice ${params.invoiceId} is not in the mirror`);
  return found.invoice;
}

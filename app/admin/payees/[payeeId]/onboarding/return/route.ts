// GET /admin/payees/[payeeId]/onboarding/return — where Stripe sends the browser after onboarding: re-reads the
// account into the payee mirror (account.updated does the same when it arrives) and goes back to the payee list.
import { redirect } from 'next/navigation';
import { getPayee } from '@/db/queries/payees';
import { requireOperatorForRoute, routeErrorResponse } from '@/lib/admin/operator-route';
import { syncPayeeAccount } from '@/lib/connect/sync-payee-account';
import { toAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ payeeId: string }> }): Promise<Response> {
  try {
    await requireOperatorForRoute('admin:read');
    const { payeeId } = await params;
    const payee = /^[0-9a-f-]{36}$/.test(payeeId) ? await getPayee({ payeeId }) : null;
    if (payee) await syncPayeeAccount(payee.stripeAccountId);
  } catch (error) {
    return routeErrorResponse(toAppError(error));
  }
  redirect('/admin/payees');
}

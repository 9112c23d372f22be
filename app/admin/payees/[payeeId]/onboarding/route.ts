// GET /admin/payees/[payeeId]/onboarding — makes a fresh onboarding link for the payee and redirects to it (admin
// operators; also the link's refresh URL, so an expired link leads to a new one). Audited.
import { redirect } from 'next/navigation';
import { getPayee } from '@/db/queries/payees';
import { requireOperatorForRoute, routeErrorResponse } from '@/lib/admin/operator-route';
import { recordAudit } from '@/lib/audit/record-audit';
import { createPayeeOnboardingLink } from '@/lib/connect/onboarding-link';
import { toAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ payeeId: string }> }): Promise<Response> {
  let url: string;
  try {
    const { userId } = await requireOperatorForRoute('admin:connect:manage');
    const { payeeId } = await params;
    const payee = /^[0-9a-f-]{36}$/.test(payeeId) ? await getPayee({ payeeId }) : null;
    if (!payee) return new Response('not_found', { status: 404 });
    const path = `/admin/payees/${payee.id}/onboarding`;
    url = await createPayeeOnboardingLink({ payee, refreshPath: path, returnPath: `${path}/return` });
    await recordAudit({
      organizationId: null,
      actor: { type: 'operator', id: userId },
      action: 'payee.onboarding_link_created',
      target: { type: 'payee', id: payee.id },
      data: { stripeAccountId: payee.stripeAccountId },
    });
  } catch (error) {
    return routeErrorResponse(toAppError(error));
  }
  redirect(url);
}

// GET /payee/onboarding/return — where Stripe sends the payee after onboarding: re-reads their account into the
// mirror (account.updated does the same when it arrives), then back to their page.
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { payeeOfUser } from '@/lib/connect/current-payee';
import { syncPayeeAccount } from '@/lib/connect/sync-payee-account';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  const payee = user ? await payeeOfUser(user) : null;
  if (payee) await syncPayeeAccount(payee.stripeAccountId);
  redirect('/payee');
}

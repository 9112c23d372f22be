// GET /payee/onboarding — a fresh onboarding link for the signed-in payee's own account, then a redirect to it
// (also the link's refresh URL). Only the payee whose sign-in email it is; anyone else gets 404.
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { createPayeeOnboardingLink } from '@/lib/connect/onboarding-link';
import { payeeOfUser } from '@/lib/connect/current-payee';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=%2Fpayee');
  const payee = await payeeOfUser(user);
  if (!payee) return new Response('not_found', { status: 404 });
  const url = await createPayeeOnboardingLink({ payee, refreshPath: '/payee/onboarding', returnPath: '/payee/onboarding/return' });
  redirect(url);
}

// GET /payee/onboarding — a fresh onboarding link for the signed-in payee's own account, then a redirect to it
// (also the link's refresh URL). A page rather than a route handler so that anyone who is not a payee gets the
// app's translated 404 page (status 404), not a bare body; the gate is checked here, not only by the layout.
// Nothing renders for a payee: the link is made when it is about to be followed (links are single-use).
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requirePayee } from '@/lib/connect/current-payee';
import { createPayeeOnboardingLink } from '@/lib/connect/onboarding-link';

// The gate for the title too: a refused visitor's 404 carries the 404's title (app/payee/page.tsx says why).
export async function generateMetadata(): Promise<Metadata> {
  await requirePayee();
  return {};
}

export default async function PayeeOnboardingPage(): Promise<never> {
  const { payee } = await requirePayee();
  const url = await createPayeeOnboardingLink({ payee, refreshPath: '/payee/onboarding', returnPath: '/payee/onboarding/return' });
  redirect(url);
}

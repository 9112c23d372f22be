// GET /app — sends a signed-in person to their organization; without one, operators to the back-office, payees
// (doctors, partner clinics paid through Connect) to their payouts page, and everyone else to onboarding.
import { redirect } from 'next/navigation';
import { listOrganizationsForUser } from '@/db/queries/organizations';
import { getOperatorRoleFor, requireUser } from '@/lib/auth/session';
import { payeeOfUser } from '@/lib/connect/current-payee';

export default async function AppEntryPage() {
  const user = await requireUser({ callbackUrl: '/app' });
  const [first] = await listOrganizationsForUser({ userId: user.id });
  if (first) redirect(`/orgs/${first.id}`);
  if (await getOperatorRoleFor(user.id)) redirect('/admin/customers');
  redirect((await payeeOfUser(user)) ? '/payee' : '/onboarding');
}

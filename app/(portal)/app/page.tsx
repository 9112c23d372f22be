// GET /app — sends a signed-in person to their organization; without one, operators to the back-office and
// everyone else to onboarding.
import { redirect } from 'next/navigation';
import { listOrganizationsForUser } from '@/db/queries/organizations';
import { getOperatorRoleFor, requireUser } from '@/lib/auth/session';

export default async function AppEntryPage() {
  const user = await requireUser({ callbackUrl: '/app' });
  const [first] = await listOrganizationsForUser({ userId: user.id });
  if (first) redirect(`/orgs/${first.id}`);
  redirect((await getOperatorRoleFor(user.id)) ? '/admin/customers' : '/onboarding');
}

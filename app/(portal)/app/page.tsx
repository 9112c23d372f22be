// GET /app — sends a signed-in person to their organization, or to onboarding when they have none.
import { redirect } from 'next/navigation';
import { listOrganizationsForUser } from '@/db/queries/organizations';
import { requireUser } from '@/lib/auth/session';

export default async function AppEntryPage() {
  const user = await requireUser({ callbackUrl: '/app' });
  const [first] = await listOrganizationsForUser({ userId: user.id });
  redirect(first ? `/orgs/${first.id}` : '/onboarding');
}

// The payee the signed-in person is: matched by their sign-in email (verified by the magic link). A person who
// is not a payee gets null, and the payee pages a 404: nobody sees another payee's page.
import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getPayeeByEmail, type Payee } from '@/db/queries/payees';
import type { User } from '@/db/queries/users';
import { requireUser } from '@/lib/auth/session';

/** Read once per request, however many of the layout, its title and the page ask. */
const payeeByEmail = cache((email: string) => getPayeeByEmail({ email }));

export async function payeeOfUser(user: Pick<User, 'email'>): Promise<Payee | null> {
  return user.email ? payeeByEmail(user.email) : null;
}

/** The payee pages' gate: visitors go to sign-in (back to /payee), anyone who is not a payee gets the 404. */
export async function requirePayee(): Promise<{ user: User; payee: Payee }> {
  const user = await requireUser({ callbackUrl: '/payee' });
  const payee = await payeeOfUser(user);
  if (!payee) notFound();
  return { user, payee };
}

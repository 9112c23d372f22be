// The payee the signed-in person is: matched by their sign-in email (verified by the magic link). A person who
// is not a payee gets null, and the payee pages a 404: nobody sees another payee's page.
import 'server-only';
import { cache } from 'react';
import { getPayeeByEmail, type Payee } from '@/db/queries/payees';
import type { User } from '@/db/queries/users';

/** Read once per request, however many of the layout, its title and the page ask. */
const payeeByEmail = cache((email: string) => getPayeeByEmail({ email }));

export async function payeeOfUser(user: Pick<User, 'email'>): Promise<Payee | null> {
  return user.email ? payeeByEmail(user.email) : null;
}

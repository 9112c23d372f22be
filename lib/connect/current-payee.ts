// The payee the signed-in person is: matched by their sign-in email (verified by the magic link). A person who
// is not a payee gets null, and the payee pages a 404: nobody sees another payee's page.
import 'server-only';
import { getPayeeByEmail, type Payee } from '@/db/queries/payees';
import type { User } from '@/db/queries/users';

export async function payeeOfUser(user: Pick<User, 'email'>): Promise<Payee | null> {
  return user.email ? getPayeeByEmail({ email: user.email }) : null;
}

'use server';
// Ends the database session and returns to the landing page.
import { signOut } from '@/lib/auth/auth';
import { actionClient } from './safe-action';

export const signOutAction = actionClient.metadata({ actionName: 'signOut' }).action(async () => {
  await signOut({ redirectTo: '/' });
});

/** The header's sign-out button: a plain form, so it needs no client component and works without scripts. */
export async function signOutFromForm(): Promise<void> {
  await signOutAction();
}

'use server';
// Ends the database session and returns to the landing page.
import { signOut } from '@/lib/auth/auth';
import { actionClient } from './safe-action';

export const signOutAction = actionClient.metadata({ actionName: 'signOut' }).action(async () => {
  await signOut({ redirectTo: '/' });
});

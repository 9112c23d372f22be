'use server';
// Sends a magic link, then shows "check your email". next-auth would send the browser to its own
// /api/auth/verify-request route, which a client-side navigation after a server action cannot follow, so we
// take the URL it returns and redirect to our page ourselves.
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth/auth';
import { AppError } from '@/lib/errors';
import { actionClient } from './safe-action';
import { signInWithEmailSchema } from './schemas';

export const signInWithEmailAction = actionClient
  .metadata({ actionName: 'signInWithEmail' })
  .inputSchema(signInWithEmailSchema)
  .action(async ({ parsedInput }) => {
    const next = await signIn('email', { email: parsedInput.email, redirectTo: parsedInput.callbackUrl, redirect: false });
    if (typeof next !== 'string' || new URL(next, 'http://x').searchParams.has('error')) {
      throw new AppError('internal', `magic link for ${parsedInput.email} was not sent: ${String(next)}`);
    }
    redirect('/sign-in/check-email');
  });

'use server';
// Sends a magic link, then shows "check your email". next-auth would send the browser to its own
// /api/auth/verify-request route, which a client-side navigation after a server action cannot follow, so we
// take the URL it returns and redirect to our page ourselves.
import { redirect } from 'next/navigation';
import { countSignInLinksIssuedSince } from '@/db/queries/users';
import { MAGIC_LINK_MAX_AGE_SECONDS, signIn } from '@/lib/auth/auth';
import { AppError } from '@/lib/errors';
import { actionClient } from './safe-action';
import { signInWithEmailSchema } from '@/lib/auth/auth-schemas';

/** At most this many links per address per window, so the form cannot be used to flood someone's inbox. */
const MAX_LINKS_PER_WINDOW = 5;
const WINDOW_MS = 15 * 60 * 1000;

export const signInWithEmailAction = actionClient
  .metadata({ actionName: 'signInWithEmail' })
  .inputSchema(signInWithEmailSchema)
  .action(async ({ parsedInput }) => {
    const recent = await countSignInLinksIssuedSince({
      email: parsedInput.email,
      since: new Date(Date.now() - WINDOW_MS),
      maxAgeSeconds: MAGIC_LINK_MAX_AGE_SECONDS,
    });
    if (recent >= MAX_LINKS_PER_WINDOW) {
      // A link stops counting WINDOW_MS after it was sent: the user is told that longest wait, not "a moment".
      throw new AppError('rate_limited', `${recent} sign-in links for ${parsedInput.email} in the last 15 minutes`, {
        reason: 'sign_in_links',
        userMessageKey: { key: 'signIn.rateLimited', values: { minutes: String(WINDOW_MS / 60_000) } },
      });
    }
    const next = await signIn('email', { email: parsedInput.email, redirectTo: parsedInput.callbackUrl, redirect: false });
    if (typeof next !== 'string' || new URL(next, 'http://x').searchParams.has('error')) {
      throw new AppError('internal', `magic link for ${parsedInput.email} was not sent: ${String(next)}`);
    }
    redirect('/sign-in/check-email');
  });

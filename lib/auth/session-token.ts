// next-auth's database sessions, read without next-auth: which cookie carries the token and when a session slides
// forward. The same rules next-auth applies in `auth()`, so lib/auth/session.ts can answer "who is asking" with
// one statement (session, user and operator role) instead of three. next-auth still creates and deletes sessions.

/** Sessions last 30 days from the last renewal; a session is renewed at most once a day. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

/** next-auth v5's cookie: `__Secure-` prefixed when the app is served over https (a browser only keeps it there). */
export const SESSION_COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

export function sessionTokenFrom(readCookie: (name: string) => string | undefined): string | null {
  for (const name of SESSION_COOKIE_NAMES) {
    const value = readCookie(name);
    if (value) return value;
  }
  return null;
}

/**
 * The session's new expiry when it is due for renewal (its last renewal is more than `updateAge` ago), else null.
 * An expired session is never renewed: the visitor is signed out.
 */
export function sessionRenewal(expires: Date, now: Date): Date | null {
  if (expires.getTime() <= now.getTime()) return null;
  const renewedAt = expires.getTime() - SESSION_MAX_AGE_SECONDS * 1000;
  if (renewedAt + SESSION_UPDATE_AGE_SECONDS * 1000 > now.getTime()) return null;
  return new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
}

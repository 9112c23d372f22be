// next-auth v5: email magic links (through lib/mail), GitHub and Google when configured, database sessions
// in the tables of db/schema/auth.ts. Operators listed in OPERATOR_EMAILS get their operators row on sign-in.
import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { PgDatabase } from 'drizzle-orm/pg-core';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import type { EmailConfig } from 'next-auth/providers/email';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { headers } from 'next/headers';
import { db } from '@/db';
import { ensureOperator, updateUserLocale } from '@/db/queries/users';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { env } from '@/lib/env';
import { sendMail } from '@/lib/mail/send-mail';
import { buildMagicLinkEmail } from './magic-link-email';
import { magicLinkOnAppOrigin } from './magic-link-url';
import { operatorRoleFromConfig } from './operator-emails';
import { localeFromRequestHeaders } from './request-locale';
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from './session-token';
import { acceptInvitationsOnSignIn } from '@/lib/billing/members/accept-invitations';

/** Fixed secret for development and tests only; production refuses to start without AUTH_SECRET (lib/env). */
const DEV_AUTH_SECRET = 'seikyu-development-secret-not-for-production';
export const MAGIC_LINK_MAX_AGE_SECONDS = 24 * 60 * 60;

// `db` is a lazy proxy; the adapter recognises drizzle databases by prototype, so present the pg one.
const adapterDb = new Proxy(db, { getPrototypeOf: () => PgDatabase.prototype });

const emailProvider: EmailConfig = {
  id: 'email',
  type: 'email',
  name: 'Email',
  maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
  async sendVerificationRequest({ identifier, url, request }) {
    const link = magicLinkOnAppOrigin(url, env.APP_URL);
    const { host } = new URL(env.APP_URL);
    const locale = localeFromRequestHeaders(request.headers);
    const message = buildMagicLinkEmail({ url: link, host, locale, expiresInHours: MAGIC_LINK_MAX_AGE_SECONDS / 3600 });
    await sendMail({ to: identifier, ...message });
  },
};

type OAuthProviderId = 'github' | 'google';

/**
 * PKCE (S256 code challenge) and state on every OAuth sign-in, both checked on the callback against the values
 * kept in the sign-in's own cookies: an intercepted code is useless without the verifier, and a forged callback
 * fails the state. Auth.js defaults to PKCE only; state is named here so it never depends on that default.
 */
const OAUTH_CHECKS: ('pkce' | 'state')[] = ['pkce', 'state'];

/** GitHub and Google, each only when its id and secret are configured. */
function oauthProviders(): { id: OAuthProviderId; provider: NextAuthConfig['providers'][number] }[] {
  const providers: { id: OAuthProviderId; provider: NextAuthConfig['providers'][number] }[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push({ id: 'github', provider: GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET, checks: OAUTH_CHECKS }) });
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push({ id: 'google', provider: Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET, checks: OAUTH_CHECKS }) });
  }
  return providers;
}

/** Which sign-in buttons the sign-in page shows besides email. */
export function enabledOAuthProviders(): { id: OAuthProviderId }[] {
  return oauthProviders().map(({ id }) => ({ id }));
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: DrizzleAdapter(adapterDb, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  secret: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
  // The host is only used for callback URLs of the request itself; emailed links are pinned to APP_URL above.
  trustHost: true,
  session: { strategy: 'database', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in' },
  providers: [emailProvider, ...oauthProviders().map((p) => p.provider)],
  callbacks: {
    session({ session, user }) {
      session.user.id = user.id;
      return session;
    },
  },
  events: {
    async createUser({ user }) {
      // A new account starts in the language the visitor was using, so a Japanese visitor stays in Japanese.
      if (!user.id) return;
      await updateUserLocale({ userId: user.id, locale: localeFromRequestHeaders(await headers()) });
    },
    async signIn({ user }) {
      const configuredRole = user.email ? operatorRoleFromConfig(user.email, env) : null;
      if (user.id && configuredRole) await ensureOperator({ userId: user.id, role: configuredRole });
      // Invitations to this address become memberships the moment its owner signs in.
      if (user.id && user.email) await acceptInvitationsOnSignIn({ userId: user.id, email: user.email });
    },
  },
});

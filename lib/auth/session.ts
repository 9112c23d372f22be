// Who is asking. Pages call the require* helpers (redirect or 404); server actions and route handlers get the
// same answers through lib/actions/safe-action.ts, so a layout is never the only check.
import 'server-only';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getOrganizationForMemberPage, type MembershipRole, type OrganizationForMember } from '@/db/queries/organizations';
import type { PaymentProblem } from '@/db/queries/subscriptions';
import { findSessionUser, getOperatorRole, renewSession, type OperatorRole, type User } from '@/db/queries/users';
import { AppError } from '@/lib/errors';
import { operatorCan, type OperatorPermission } from '@/lib/permissions';
import { sessionRenewal, sessionTokenFrom } from './session-token';

/**
 * Who is asking, read once per request in one statement: the database session next-auth created, its user and
 * the user's operator role (lib/auth/session-token.ts has next-auth's rules this follows). Null when signed out
 * or the session expired.
 */
const getCurrentSession = cache(async (): Promise<{ user: User; operatorRole: OperatorRole | null } | null> => {
  const jar = await cookies();
  const sessionToken = sessionTokenFrom((name) => jar.get(name)?.value);
  if (!sessionToken) return null;
  const found = await findSessionUser({ sessionToken });
  const now = new Date();
  if (!found || found.expires.getTime() <= now.getTime()) return null;
  const renewed = sessionRenewal(found.expires, now);
  if (renewed) await renewSession({ sessionToken, expires: renewed });
  return { user: found.user, operatorRole: found.operatorRole };
});

/** The signed-in user, read once per request; null when signed out or the session expired. */
export const getCurrentUser = cache(async (): Promise<User | null> => (await getCurrentSession())?.user ?? null);

/**
 * One membership lookup per request, however many layouts and pages ask; it brings the failed-payment banner's
 * problem along (the portal's layout shows it), so a page view reads both in one statement.
 */
const getMembership = cache((organizationId: string, userId: string) => getOrganizationForMemberPage({ organizationId, userId }));

export async function requireUser(options: { callbackUrl?: string } = {}): Promise<User> {
  const user = await getCurrentUser();
  if (!user) {
    const query = options.callbackUrl ? `?callbackUrl=${encodeURIComponent(options.callbackUrl)}` : '';
    redirect(`/sign-in${query}`);
  }
  return user;
}

/**
 * The organization, if the signed-in user is a member with one of `roles` (any role when omitted).
 * Anything else is a 404: another organization's pages must not even be confirmed to exist.
 */
export async function requireMembership(
  organizationId: string,
  roles?: readonly MembershipRole[],
): Promise<{ user: User; organization: OrganizationForMember; paymentProblem: PaymentProblem | null }> {
  const user = await requireUser({ callbackUrl: `/orgs/${organizationId}` });
  const membership = await getMembership(organizationId, user.id);
  if (!membership || (roles && !roles.includes(membership.organization.role))) notFound();
  return { user, ...membership };
}

/** The signed-in user's role comes with the session; anyone else's is looked up. */
export const getOperatorRoleFor = cache(async (userId: string): Promise<OperatorRole | null> => {
  const session = await getCurrentSession();
  return session && session.user.id === userId ? session.operatorRole : getOperatorRole({ userId });
});

/**
 * Operators with one permission. Non-operators get the 404 of requireOperator; an operator whose role lacks the
 * permission gets a `forbidden` AppError (pages show it through the error boundary, actions as their error).
 */
export async function requireOperatorPermission(permission: OperatorPermission): Promise<{ user: User; role: OperatorRole }> {
  const operator = await requireOperator();
  if (!operatorCan(operator.role, permission)) throw new AppError('forbidden', `operator role ${operator.role} lacks ${permission}`);
  return operator;
}

/** Operators only; a signed-in customer gets the same 404 as for a page that does not exist. */
export async function requireOperator(): Promise<{ user: User; role: OperatorRole }> {
  const user = await requireUser({ callbackUrl: '/admin' });
  const role = await getOperatorRoleFor(user.id);
  if (!role) notFound();
  return { user, role };
}

// Organizations and memberships. Reads for customers always join the membership: authorization lives in the
// WHERE clause, so a user who is not a member gets no row (and the page a 404).
import { and, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { memberships, organizations } from '@/db/schema';
import { qualified } from './columns';
import { paymentProblemOf, toPaymentProblem, type PaymentProblem } from './subscriptions';

export type Organization = typeof organizations.$inferSelect;
export type MembershipRole = (typeof memberships.$inferSelect)['role'];
export type OrganizationForMember = Organization & { role: MembershipRole };

export async function getOrganizationForMember(
  params: { organizationId: string; userId: string },
  tx: Tx = db,
): Promise<OrganizationForMember | null> {
  const [row] = await selectOrganizationForMember(params, tx);
  return row ? { ...row.organization, role: row.role } : null;
}

/** The organization and the user's role in it, with `extra` columns; no row unless the user is a member. */
function organizationForMemberRow<Extra extends Record<string, SQL>>(tx: Tx, extra: Extra) {
  return tx
    .select({ organization: organizations, role: memberships.role, ...extra })
    .from(organizations)
    .innerJoin(memberships, eq(memberships.organizationId, organizations.id))
    .where(and(eq(organizations.id, sql.placeholder('organizationId')), eq(memberships.userId, sql.placeholder('userId'))))
    .limit(1);
}

const selectOrganizationForMember = preparedQuery('organization_for_member', (tx) => organizationForMemberRow(tx, {}));

/**
 * The same membership for a portal page, with what the failed-payment banner shows (db/queries/subscriptions.ts
 * `paymentProblemOf`): one statement where the page view would otherwise make two.
 */
export async function getOrganizationForMemberPage(
  params: { organizationId: string; userId: string },
  tx: Tx = db,
): Promise<{ organization: OrganizationForMember; paymentProblem: PaymentProblem | null } | null> {
  const [row] = await selectOrganizationForMemberPage(params, tx);
  return row ? { organization: { ...row.organization, role: row.role }, paymentProblem: toPaymentProblem(row.paymentProblem) } : null;
}

const selectOrganizationForMemberPage = preparedQuery('organization_for_member_page', (tx) =>
  organizationForMemberRow(tx, { paymentProblem: paymentProblemOf(qualified(organizations.id)) }),
);

/** The user's organizations, oldest membership first (the first one is where `/app` goes). */
export async function listOrganizationsForUser(
  params: { userId: string },
  tx: Tx = db,
): Promise<{ id: string; name: string; role: MembershipRole }[]> {
  return tx
    .select({ id: organizations.id, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, params.userId))
    .orderBy(asc(memberships.createdAt), asc(organizations.name));
}

/** For operators and internal jobs only: no membership check. */
export async function getOrganizationById(params: { organizationId: string }, tx: Tx = db): Promise<Organization | null> {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, params.organizationId)).limit(1);
  return row ?? null;
}

export async function insertOrganization(
  params: { name: string; currency: string; billingEmail: string; timeZone?: string },
  tx: Tx = db,
): Promise<Organization> {
  // Days in usage summaries are the organization's days: Japan time for organizations billed in yen.
  const timeZone = params.timeZone ?? (params.currency.toLowerCase() === 'jpy' ? 'Asia/Tokyo' : 'UTC');
  const [row] = await tx.insert(organizations).values({ ...params, timeZone }).returning();
  return row!;
}

export async function insertMembership(
  params: { organizationId: string; userId: string; role: MembershipRole },
  tx: Tx = db,
): Promise<void> {
  await tx.insert(memberships).values(params);
}

/** Links the Stripe customer once; a second call with another id is refused by the WHERE clause. */
export async function setOrganizationStripeCustomer(
  params: { organizationId: string; stripeCustomerId: string },
  tx: Tx = db,
): Promise<boolean> {
  const rows = await tx
    .update(organizations)
    .set({ stripeCustomerId: params.stripeCustomerId, updatedAt: new Date() })
    .where(
      and(
        eq(organizations.id, params.organizationId),
        or(isNull(organizations.stripeCustomerId), eq(organizations.stripeCustomerId, params.stripeCustomerId)),
      ),
    )
    .returning({ id: organizations.id });
  return rows.length === 1;
}

/**
 * Sets the organization's time zone (its dates on pages and in emails; days in usage summaries), locking the row
 * so the zone it had is the one replaced. Returns that zone, or null when the organization does not exist.
 */
export async function updateOrganizationTimeZone(
  params: { organizationId: string; timeZone: string },
  tx: Tx = db,
): Promise<{ before: string } | null> {
  const [row] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, params.organizationId)).for('update').limit(1);
  if (!row) return null;
  if (row.timeZone !== params.timeZone) {
    await tx.update(organizations).set({ timeZone: params.timeZone, updatedAt: new Date() }).where(eq(organizations.id, params.organizationId));
  }
  return { before: row.timeZone };
}

/** Serializes onboarding per user until the transaction ends, so a double submit creates one organization. */
export async function lockUserOnboarding(params: { userId: string }, tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`onboarding:${params.userId}`}, 0))`);
}

/** Every organization with a Stripe customer, by name: whom an operator can bill a split sale or address a quote to. */
export async function listBillableOrganizationsForOperator(
  params: { limit?: number } = {},
  tx: Tx = db,
): Promise<{ id: string; name: string; currency: string | null }[]> {
  return tx
    .select({ id: organizations.id, name: organizations.name, currency: organizations.currency })
    .from(organizations)
    .where(sql`${organizations.stripeCustomerId} is not null`)
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(params.limit ?? 500);
}

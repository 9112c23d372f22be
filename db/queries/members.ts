// Memberships and invitations of one organization. Every query is scoped by organization; the last-owner rule
// is enforced here, inside a transaction that locks the organization's owner rows, so two concurrent changes
// cannot leave an organization without an owner.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { invitations, memberships, users } from '@/db/schema';

export type MemberRole = (typeof memberships.$inferSelect)['role'];
export type Member = { userId: string; email: string; name: string | null; role: MemberRole; joinedAt: Date };
export type PendingInvitation = { id: string; email: string; role: MemberRole; invitedAt: Date };

/** The members page and the operators' customer page read this on every view: built once (db/prepared-query.ts). */
const selectMembers = preparedQuery('members', (tx) =>
  tx
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, sql.placeholder('organizationId')))
    .orderBy(asc(memberships.createdAt), asc(users.email)),
);

export async function listMembers(params: { organizationId: string }, tx: Tx = db): Promise<Member[]> {
  return selectMembers({ organizationId: params.organizationId }, tx);
}

export async function listPendingInvitations(params: { organizationId: string }, tx: Tx = db): Promise<PendingInvitation[]> {
  return tx
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, invitedAt: invitations.createdAt })
    .from(invitations)
    .where(and(eq(invitations.organizationId, params.organizationId), isNull(invitations.acceptedAt)))
    .orderBy(asc(invitations.createdAt));
}

export async function isMemberByEmail(params: { organizationId: string; email: string }, tx: Tx = db): Promise<boolean> {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, params.organizationId), eq(users.email, params.email)))
    .limit(1);
  return Boolean(row);
}

/** Creates the invitation, or renews a pending or accepted-then-removed one with the new role. Idempotent. */
export async function upsertInvitation(
  params: { organizationId: string; email: string; role: MemberRole; invitedByUserId: string },
  tx: Tx = db,
): Promise<PendingInvitation> {
  const [row] = await tx
    .insert(invitations)
    .values(params)
    .onConflictDoUpdate({
      target: [invitations.organizationId, invitations.email],
      set: { role: params.role, invitedByUserId: params.invitedByUserId, acceptedAt: null, createdAt: new Date() },
    })
    .returning({ id: invitations.id, email: invitations.email, role: invitations.role, invitedAt: invitations.createdAt });
  return row!;
}

export async function deleteInvitation(params: { organizationId: string; invitationId: string }, tx: Tx = db): Promise<PendingInvitation | null> {
  const [row] = await tx
    .delete(invitations)
    .where(and(eq(invitations.organizationId, params.organizationId), eq(invitations.id, params.invitationId), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id, email: invitations.email, role: invitations.role, invitedAt: invitations.createdAt });
  return row ?? null;
}

/** Locks the organization's owner memberships until the transaction ends and returns how many there are. */
async function lockOwners(organizationId: string, tx: Tx): Promise<number> {
  const rows = await tx.execute<{ user_id: string }>(
    sql`select user_id from memberships where organization_id = ${organizationId} and role = 'owner' for update`,
  );
  return rows.length;
}

export type MembershipChange = { outcome: 'changed'; previousRole: MemberRole } | { outcome: 'not_found' } | { outcome: 'last_owner' };

/** Changes a member's role; refuses to demote the last owner. Runs in its own transaction. */
export async function changeMemberRole(params: { organizationId: string; userId: string; role: MemberRole }): Promise<MembershipChange> {
  return db.transaction(async (tx) => {
    const owners = await lockOwners(params.organizationId, tx);
    const [current] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organizationId, params.organizationId), eq(memberships.userId, params.userId)))
      .limit(1);
    if (!current) return { outcome: 'not_found' } as const;
    if (current.role === 'owner' && params.role !== 'owner' && owners <= 1) return { outcome: 'last_owner' } as const;
    await tx
      .update(memberships)
      .set({ role: params.role })
      .where(and(eq(memberships.organizationId, params.organizationId), eq(memberships.userId, params.userId)));
    return { outcome: 'changed', previousRole: current.role } as const;
  });
}

/** Removes a member; refuses to remove the last owner. Runs in its own transaction. */
export async function removeMember(params: { organizationId: string; userId: string }): Promise<MembershipChange> {
  return db.transaction(async (tx) => {
    const owners = await lockOwners(params.organizationId, tx);
    const where = and(eq(memberships.organizationId, params.organizationId), eq(memberships.userId, params.userId));
    const [current] = await tx.select({ role: memberships.role }).from(memberships).where(where).limit(1);
    if (!current) return { outcome: 'not_found' } as const;
    if (current.role === 'owner' && owners <= 1) return { outcome: 'last_owner' } as const;
    await tx.delete(memberships).where(where);
    return { outcome: 'changed', previousRole: current.role } as const;
  });
}

/**
 * Turns the pending invitations addressed to `email` into memberships (called when that person signs in).
 * Returns the organizations joined. Idempotent: an existing membership keeps its role.
 */
export async function acceptInvitationsForUser(params: { userId: string; email: string }): Promise<{ organizationId: string; role: MemberRole }[]> {
  const email = params.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const pending = await tx
      .select({ id: invitations.id, organizationId: invitations.organizationId, role: invitations.role })
      .from(invitations)
      .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt)));
    const joined: { organizationId: string; role: MemberRole }[] = [];
    for (const invitation of pending) {
      const inserted = await tx
        .insert(memberships)
        .values({ organizationId: invitation.organizationId, userId: params.userId, role: invitation.role })
        .onConflictDoNothing()
        .returning({ organizationId: memberships.organizationId });
      await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
      if (inserted.length > 0) joined.push({ organizationId: invitation.organizationId, role: invitation.role });
    }
    return joined;
  });
}

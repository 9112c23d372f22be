// Setting the organization's time zone: an owner or billing manager may, a member may not, a zone outside the
// server's list is refused, and only a real change is saved and audited (with the zone before and after).
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, memberships, organizations } from '@/db/schema';
import type { User } from '@/db/queries/users';
import { closeTestDb, insertTestUser, resetDatabase, testDb, uniqueSuffix } from '@/test/integration/helpers';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next-intl/server', () => ({
  getLocale: async () => 'en',
}));
vi.mock('@/lib/i18n/server', () => ({ getTranslations: async () => Object.assign((key: string) => `t:${key}`, { has: () => true }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { setOrganizationTimeZoneAction } = await import('./set-time-zone');

async function organizationWith(people: { user: User; role: 'owner' | 'billing' | 'member' }[]): Promise<string> {
  const [org] = await testDb().insert(organizations).values({ name: `Org ${uniqueSuffix()}`, currency: 'usd' }).returning();
  await testDb().insert(memberships).values(people.map(({ user, role }) => ({ organizationId: org!.id, userId: user.id, role })));
  return org!.id;
}

async function state(organizationId: string) {
  const [org] = await testDb().select().from(organizations).where(eq(organizations.id, organizationId));
  const audit = await testDb().select().from(auditLog).where(eq(auditLog.organizationId, organizationId));
  return { timeZone: org!.timeZone, audit: audit.map((entry) => ({ action: entry.action, actorId: entry.actorId, data: entry.data })) };
}

describe('setOrganizationTimeZoneAction', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('lets an owner change the zone once, audited with before and after', async () => {
    const owner = await insertTestUser('owner');
    const organizationId = await organizationWith([{ user: owner, role: 'owner' }]);
    session.user = owner;

    const result = await setOrganizationTimeZoneAction({ organizationId, timeZone: 'Asia/Tokyo' });
    expect(result.data).toEqual({ timeZone: 'Asia/Tokyo', changed: true });
    expect(await state(organizationId)).toEqual({
      timeZone: 'Asia/Tokyo',
      audit: [{ action: 'organization.time_zone_changed', actorId: owner.id, data: { from: 'UTC', to: 'Asia/Tokyo' } }],
    });

    // Saving the same zone again is no change: nothing more in the audit log.
    expect((await setOrganizationTimeZoneAction({ organizationId, timeZone: 'Asia/Tokyo' })).data).toEqual({ timeZone: 'Asia/Tokyo', changed: false });
    expect((await state(organizationId)).audit).toHaveLength(1);

    // Back to UTC (which ICU lists only as an alias) is allowed.
    expect((await setOrganizationTimeZoneAction({ organizationId, timeZone: 'UTC' })).data?.changed).toBe(true);
    expect((await state(organizationId)).timeZone).toBe('UTC');
  });

  it('refuses a member, an unknown zone and another organization, changing nothing', async () => {
    const owner = await insertTestUser('owner');
    const member = await insertTestUser('member');
    const organizationId = await organizationWith([
      { user: owner, role: 'owner' },
      { user: member, role: 'member' },
    ]);
    const outsider = await insertTestUser('outsider');
    const before = await state(organizationId);

    session.user = member;
    expect((await setOrganizationTimeZoneAction({ organizationId, timeZone: 'Asia/Tokyo' })).serverError?.code).toBe('forbidden');
    session.user = owner;
    for (const timeZone of ['Mars/Olympus_Mons', 'asia/tokyo', 'GMT+9']) {
      const refused = await setOrganizationTimeZoneAction({ organizationId, timeZone });
      expect(refused.serverError).toEqual({ code: 'invalid_input', error: 't:organizationTimeZone.unknown' });
    }
    session.user = outsider;
    expect((await setOrganizationTimeZoneAction({ organizationId, timeZone: 'Asia/Tokyo' })).serverError?.code).toBe('not_found');

    expect(await state(organizationId)).toEqual(before);
  });
});

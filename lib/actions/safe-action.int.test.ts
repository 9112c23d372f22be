// The action clients re-check identity, membership and permission on the server whatever the page showed:
// a signed-out caller, a non-member and a member without the permission each get a clear error and the action
// body never runs.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { memberships, operators, organizations, users } from '@/db/schema';
import type { User } from '@/db/queries/users';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('@/lib/i18n/server', () => ({ getTranslations: async () => (key: string) => `t:${key}` }));

const { authActionClient, operatorActionClient, orgActionClient } = await import('./safe-action');

const ran: string[] = [];
const whoAmI = authActionClient.metadata({ actionName: 'test.whoAmI' }).action(async ({ ctx }) => ctx.user.email);
const manageBilling = orgActionClient
  .metadata({ actionName: 'test.manageBilling', permission: 'billing:manage' })
  .inputSchema(z.object({ organizationId: z.string(), note: z.string().min(1) }))
  .action(async ({ ctx }) => {
    ran.push(ctx.organization.id);
    return { organizationId: ctx.organization.id, role: ctx.organization.role };
  });
const readBilling = orgActionClient
  .metadata({ actionName: 'test.readBilling', permission: 'billing:read' })
  .inputSchema(z.object({ organizationId: z.string() }))
  .action(async ({ ctx }) => ctx.organization.name);
const adminOnly = operatorActionClient.metadata({ actionName: 'test.adminOnly', operatorPermission: 'admin:invoices:manage' }).action(async () => 'ok');

async function user(email: string) {
  const [row] = await testDb().insert(users).values({ email }).returning();
  return row!;
}

describe('safe-action clients', () => {
  beforeEach(async () => {
    await resetDatabase();
    session.user = null;
    ran.length = 0;
  });
  afterAll(closeTestDb);

  it('refuses a signed-out caller', async () => {
    expect(await whoAmI()).toEqual({ serverError: { code: 'unauthenticated', error: 't:unauthenticated' } });
  });

  it('checks membership of the organization in the input, and the permission named in the metadata', async () => {
    const owner = await user('owner@example.com');
    const member = await user('member@example.com');
    const stranger = await user('stranger@example.com');
    const [org] = await testDb().insert(organizations).values({ name: 'Acme KK' }).returning();
    await testDb().insert(memberships).values([
      { organizationId: org!.id, userId: owner.id, role: 'owner' },
      { organizationId: org!.id, userId: member.id, role: 'member' },
    ]);

    session.user = stranger;
    expect((await manageBilling({ organizationId: org!.id, note: 'x' })).serverError?.code).toBe('not_found');

    session.user = member;
    expect((await manageBilling({ organizationId: org!.id, note: 'x' })).serverError?.code).toBe('forbidden');
    expect(await readBilling({ organizationId: org!.id })).toEqual({ data: 'Acme KK' });

    session.user = owner;
    expect((await manageBilling({ organizationId: org!.id, note: '' })).validationErrors).toBeTruthy();
    expect((await manageBilling({ organizationId: org!.id, note: 'x' })).data).toEqual({ organizationId: org!.id, role: 'owner' });
    expect(ran).toEqual([org!.id]);
  });

  it('reads the organization id from FormData too, and refuses input without one', async () => {
    const owner = await user('owner@example.com');
    const [org] = await testDb().insert(organizations).values({ name: 'Form KK' }).returning();
    await testDb().insert(memberships).values({ organizationId: org!.id, userId: owner.id, role: 'owner' });
    session.user = owner;
    expect((await readBilling({} as { organizationId: string })).serverError?.code).toBe('invalid_input');
    const form = new FormData();
    form.set('organizationId', org!.id);
    expect((await orgActionClient.metadata({ actionName: 'test.form' }).action(async ({ ctx }) => ctx.organization.id)(form as never)).data).toBe(org!.id);
  });

  it('lets only operators through the operator client, by operator permission', async () => {
    const customer = await user('customer@example.com');
    const support = await user('support@example.com');
    const admin = await user('admin@example.com');
    await testDb().insert(operators).values([
      { userId: support.id, role: 'support' },
      { userId: admin.id, role: 'admin' },
    ]);
    session.user = customer;
    expect((await adminOnly()).serverError?.code).toBe('not_found');
    session.user = support;
    expect((await adminOnly()).serverError?.code).toBe('forbidden');
    session.user = admin;
    expect((await adminOnly()).data).toBe('ok');
  });
});

// Sign-up's second half: the organization, its owner and the audit entry in one transaction, then billing.
// A user gets one organization here: a repeated submit (double click, back button) returns the first one and
// finishes its billing set-up if that was interrupted.
import 'server-only';
import { db } from '@/db';
import {
  getOrganizationById,
  insertMembership,
  insertOrganization,
  listOrganizationsForUser,
  lockUserOnboarding,
  type Organization,
} from '@/db/queries/organizations';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import type { OrganizationCurrency } from './currencies';
import { provisionOrganizationBilling } from './provision-billing';

export async function createOrganization(params: {
  user: { id: string; email: string };
  name: string;
  currency: OrganizationCurrency;
  locale: Locale;
}): Promise<Organization> {
  const { organization, owner } = await db.transaction(async (tx) => {
    await lockUserOnboarding({ userId: params.user.id }, tx);
    const [existing] = await listOrganizationsForUser({ userId: params.user.id }, tx);
    if (existing) {
      const found = await getOrganizationById({ organizationId: existing.id }, tx);
      if (!found) throw new AppError('internal', `membership without organization ${existing.id}`);
      return { organization: found, owner: existing.role === 'owner' };
    }
    const created = await insertOrganization({ name: params.name, currency: params.currency, billingEmail: params.user.email }, tx);
    await insertMembership({ organizationId: created.id, userId: params.user.id, role: 'owner' }, tx);
    await recordAudit(
      {
        organizationId: created.id,
        actor: { type: 'user', id: params.user.id },
        action: 'organization.created',
        target: { type: 'organization', id: created.id },
        data: { name: created.name, currency: created.currency },
      },
      tx,
    );
    return { organization: created, owner: true };
  });
  // Also on a repeated submit: provisioning is idempotent and finishes whatever an earlier attempt left undone.
  if (owner) await provisionOrganizationBilling({ organizationId: organization.id, email: params.user.email, locale: params.locale });
  return organization;
}

'use server';
// Retries billing provisioning for an organization whose Stripe customer or free plan could not be created at
// sign-up (Stripe unreachable, say). Idempotent: the provisioning steps carry intent-derived keys.
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/config';
import { provisionOrganizationBilling } from '@/lib/organizations/provision-billing';
import { orgActionClient } from './safe-action';
import { organizationIdSchema } from '@/lib/organizations/organization-schemas';

export const finishOrganizationSetupAction = orgActionClient
  .metadata({ actionName: 'finishOrganizationSetup', permission: 'billing:manage' })
  .inputSchema(organizationIdSchema)
  .action(async ({ ctx }) => {
    const locale = await getLocale();
    await provisionOrganizationBilling({
      organizationId: ctx.organization.id,
      email: ctx.organization.billingEmail ?? ctx.user.email,
      locale: isLocale(locale) ? locale : 'en',
    });
    revalidatePath(`/orgs/${ctx.organization.id}`, 'layout');
    redirect(`/orgs/${ctx.organization.id}`);
  });

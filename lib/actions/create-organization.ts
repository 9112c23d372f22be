'use server';
// Onboarding: the first organization of a signed-in user without one, on the free tier, then its overview.
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { createOrganization } from '@/lib/organizations/create-organization';
import { isLocale } from '@/lib/i18n/config';
import { authActionClient } from './safe-action';
import { createOrganizationSchema } from '@/lib/organizations/organization-schemas';

export const createOrganizationAction = authActionClient
  .metadata({ actionName: 'createOrganization' })
  .inputSchema(createOrganizationSchema)
  .action(async ({ parsedInput, ctx }) => {
    const locale = await getLocale();
    const organization = await createOrganization({
      user: { id: ctx.user.id, email: ctx.user.email },
      name: parsedInput.name,
      currency: parsedInput.currency,
      locale: isLocale(locale) ? locale : 'en',
    });
    revalidatePath('/', 'layout');
    redirect(`/orgs/${organization.id}`);
  });

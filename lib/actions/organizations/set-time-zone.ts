'use server';
// An owner or billing manager sets the organization's time zone from the billing-details page. The zone is checked
// against the server's list (lib/i18n/time-zones.ts); an unknown one changes nothing.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { setOrganizationTimeZone } from '@/lib/organizations/set-time-zone';
import { orgActionClient } from '../safe-action';

export const setOrganizationTimeZoneAction = orgActionClient
  .metadata({ actionName: 'setOrganizationTimeZone', permission: 'organization:update' })
  .inputSchema(z.object({ organizationId: z.string().min(1), timeZone: z.string().min(1).max(100) }))
  .action(async ({ ctx, parsedInput }) => {
    const { changed } = await setOrganizationTimeZone({ organizationId: ctx.organization.id, timeZone: parsedInput.timeZone, actor: { type: 'user', id: ctx.user.id } });
    // Every page of the organization shows dates in this zone.
    if (changed) revalidatePath(`/orgs/${ctx.organization.id}`, 'layout');
    return { timeZone: parsedInput.timeZone, changed };
  });

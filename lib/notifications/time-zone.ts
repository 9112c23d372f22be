// The zone an email's dates are in: the organization's when the notification has one (a Japanese company's staff
// reading English mail see the due date their billing means), else the reader's language's, as before.
import { db, type Tx } from '@/db';
import { getOrganizationById } from '@/db/queries/organizations';
import type { Locale } from '@/lib/i18n/config';
import { displayTimeZone } from '@/lib/i18n/time-zones';

export async function notificationTimeZone(params: { organizationId: string | null; locale: Locale }, tx: Tx = db): Promise<string> {
  const organization = params.organizationId ? await getOrganizationById({ organizationId: params.organizationId }, tx) : null;
  return displayTimeZone(params.locale, organization);
}

// GET /admin/notifications/preview?kind=…&locale=… (a template with sample facts) or ?id=… (an outbox row as it
// would be sent now) — the email's HTML, or its plain-text part with &format=text. Operators only.
import { z } from 'zod';
import { getOperatorRole } from '@/db/queries/users';
import { getCurrentUser } from '@/lib/auth/session';
import { locales } from '@/lib/i18n/config';
import { composeNotificationEmail } from '@/lib/notifications/deliver';
import { NOTIFICATION_KINDS } from '@/lib/notifications/kinds';
import { getNotificationForOperator } from '@/lib/notifications/operator-actions';
import { renderNotificationEmail } from '@/lib/notifications/render';
import { samplePayload } from '@/lib/notifications/samples';
import { getBrandingSettings } from '@/lib/notifications/settings';
import { displayTimeZone } from '@/lib/i18n/time-zones';

const querySchema = z.object({
  id: z.string().min(1).max(100).optional(),
  kind: z.enum(NOTIFICATION_KINDS).optional(),
  locale: z.enum(locales).default('en'),
  format: z.enum(['html', 'text']).default('html'),
});

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user || !(await getOperatorRole({ userId: user.id }))) return new Response('Not found', { status: 404 });
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success || (!query.data.id && !query.data.kind)) return new Response('Bad request', { status: 400 });
  let email: { html: string; text: string };
  if (query.data.id) {
    const row = await getNotificationForOperator({ id: query.data.id });
    if (!row) return new Response('Not found', { status: 404 });
    email = await composeNotificationEmail(row, { attachments: false });
  } else {
    const kind = query.data.kind!;
    // A sample belongs to no organization: its dates are in the reader's language's zone.
    const timeZone = displayTimeZone(query.data.locale, null);
    const branding = await getBrandingSettings();
    const payload = samplePayload(kind, query.data.locale, { bankDetails: branding.bankDetails });
    email = await renderNotificationEmail({ kind, payload: payload as never, locale: query.data.locale, timeZone, branding });
  }
  const text = query.data.format === 'text';
  return new Response(text ? email.text : email.html, {
    headers: { 'content-type': `${text ? 'text/plain' : 'text/html'}; charset=utf-8`, 'cache-control': 'no-store' },
  });
}

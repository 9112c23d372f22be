// GET /dev/mailbox/api/latest?to=<email>[&subject=<prefix>] — the newest message for a recipient (whose subject
// starts with the prefix, when given), as JSON (used by e2e tests to follow magic links and read notifications). 404 when the dev mailbox is disabled (production without DEV_MAILBOX_ENABLED).
import { NextResponse, type NextRequest } from 'next/server';
import { listMailboxMessages } from '@/db/queries/mailbox';
import { isDevMailboxEnabled } from '@/lib/mail/dev-mailbox';
import { extractLinks } from '@/lib/mail/extract-links';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest) {
  if (!isDevMailboxEnabled()) return NextResponse.json({ error: 'not found' }, { status: 404 });
  const to = request.nextUrl.searchParams.get('to')?.trim().toLowerCase();
  if (!to || !to.includes('@')) return NextResponse.json({ error: 'query parameter `to` must be an email address' }, { status: 400 });
  const subject = request.nextUrl.searchParams.get('subject') || undefined;
  const [message] = await listMailboxMessages({ to, subjectStartsWith: subject, limit: 1 });
  if (!message) return NextResponse.json({ error: `no message for ${to}` }, { status: 404 });
  return NextResponse.json(
    {
      id: message.id,
      to: message.to,
      from: message.from,
      subject: message.subject,
      text: message.text,
      html: message.html,
      links: extractLinks(message.text),
      createdAt: message.createdAt.toISOString(),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

// The built-in development mailbox: where mail goes when no SMTP_URL is configured.
import { desc, eq } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { devMailbox } from '@/db/schema';

export type MailboxMessage = typeof devMailbox.$inferSelect;

export async function insertMailboxMessage(
  params: { to: string; from: string; subject: string; text: string; html: string | null },
  tx: Tx = db,
): Promise<MailboxMessage> {
  const [row] = await tx.insert(devMailbox).values(params).returning();
  return row!;
}

/** Newest first; `to` filters by exact recipient (addresses are stored lower-cased). */
export async function listMailboxMessages(params: { to?: string; limit?: number }, tx: Tx = db): Promise<MailboxMessage[]> {
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 200);
  const query = tx.select().from(devMailbox);
  const filtered = params.to ? query.where(eq(devMailbox.to, params.to.trim().toLowerCase())) : query;
  return filtered.orderBy(desc(devMailbox.createdAt), desc(devMailbox.id)).limit(limit);
}

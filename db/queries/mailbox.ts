// The built-in development mailbox: where mail goes when no SMTP_URL is configured.
import { and, desc, eq, sql } from 'drizzle-orm';
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

/**
 * Newest first; `to` filters by exact recipient (addresses are stored lower-cased), `subjectStartsWith` by the
 * subject's beginning (so a test can wait for one kind of mail while others arrive for the same person).
 */
export async function listMailboxMessages(
  params: { to?: string; subjectStartsWith?: string; limit?: number },
  tx: Tx = db,
): Promise<MailboxMessage[]> {
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 200);
  const conditions = [
    params.to ? eq(devMailbox.to, params.to.trim().toLowerCase()) : undefined,
    params.subjectStartsWith ? sql`starts_with(${devMailbox.subject}, ${params.subjectStartsWith})` : undefined,
  ].filter((c) => c !== undefined);
  return tx
    .select()
    .from(devMailbox)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
    .limit(limit);
}

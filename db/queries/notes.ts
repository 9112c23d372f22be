// Operators' notes about one customer (organization), scoped by organization like every customer query.
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { customerNotes, users } from '@/db/schema';

export type CustomerNoteRecord = typeof customerNotes.$inferSelect;
export type CustomerNoteView = CustomerNoteRecord & { authorEmail: string | null; updatedByEmail: string | null };

export const NOTE_MAX_LENGTH = 5000;

/** The operators' customer page reads this on every view: built once (db/prepared-query.ts). */
const selectCustomerNotes = preparedQuery('customer_notes', (tx) => {
  const editor = alias(users, 'editor');
  return tx
    .select({ note: customerNotes, authorEmail: users.email, updatedByEmail: editor.email })
    .from(customerNotes)
    .leftJoin(users, eq(users.id, customerNotes.authorId))
    .leftJoin(editor, eq(editor.id, customerNotes.updatedById))
    .where(eq(customerNotes.organizationId, sql.placeholder('organizationId')))
    .orderBy(desc(customerNotes.createdAt), desc(customerNotes.id));
});

export async function listCustomerNotes(params: { organizationId: string }, tx: Tx = db): Promise<CustomerNoteView[]> {
  const rows = await selectCustomerNotes({ organizationId: params.organizationId }, tx);
  return rows.map((r) => ({ ...r.note, authorEmail: r.authorEmail, updatedByEmail: r.updatedByEmail }));
}

export async function getCustomerNote(params: { organizationId: string; noteId: string }, tx: Tx = db): Promise<CustomerNoteRecord | null> {
  const [row] = await tx
    .select()
    .from(customerNotes)
    .where(and(eq(customerNotes.organizationId, params.organizationId), eq(customerNotes.id, params.noteId)))
    .limit(1);
  return row ?? null;
}

/** `authorId` is the portal user who wrote it; `authorLabel` names an author outside the portal (the Stripe App). */
export async function insertCustomerNote(
  params: { organizationId: string; body: string; authorId: string | null; authorLabel?: string | null },
  tx: Tx = db,
): Promise<CustomerNoteRecord> {
  const [row] = await tx
    .insert(customerNotes)
    .values({ organizationId: params.organizationId, body: params.body, authorId: params.authorId, authorLabel: params.authorLabel ?? null, updatedById: params.authorId })
    .returning();
  return row!;
}

export async function updateCustomerNote(
  params: { organizationId: string; noteId: string; body: string; updatedById: string },
  tx: Tx = db,
): Promise<CustomerNoteRecord | null> {
  const [row] = await tx
    .update(customerNotes)
    .set({ body: params.body, updatedById: params.updatedById, updatedAt: new Date() })
    .where(and(eq(customerNotes.organizationId, params.organizationId), eq(customerNotes.id, params.noteId)))
    .returning();
  return row ?? null;
}

export async function deleteCustomerNote(params: { organizationId: string; noteId: string }, tx: Tx = db): Promise<CustomerNoteRecord | null> {
  const [row] = await tx
    .delete(customerNotes)
    .where(and(eq(customerNotes.organizationId, params.organizationId), eq(customerNotes.id, params.noteId)))
    .returning();
  return row ?? null;
}

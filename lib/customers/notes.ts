// Operators' notes on a customer: add, edit, delete. Each change and its audit entry (text before and
// after) are written in one transaction, so the log never disagrees with the notes.
import { db } from '@/db';
import { deleteCustomerNote, getCustomerNote, insertCustomerNote, NOTE_MAX_LENGTH, updateCustomerNote, type CustomerNoteRecord } from '@/db/queries/notes';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { AppError } from '@/lib/errors';

type Actor = Extract<AuditActor, { type: 'operator' }>;
/** Who may add a note: an operator, or a Stripe Dashboard user through the Stripe App (lib/stripe-app). */
type NoteAuthor = Actor | Extract<AuditActor, { type: 'stripe' }>;

function cleanBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed) throw new AppError('invalid_input', 'a note needs text');
  if (trimmed.length > NOTE_MAX_LENGTH) throw new AppError('invalid_input', `a note is at most ${NOTE_MAX_LENGTH} characters`);
  return trimmed;
}

export async function addCustomerNote(params: { organizationId: string; body: string; actor: NoteAuthor }): Promise<CustomerNoteRecord> {
  const body = cleanBody(params.body);
  const author = params.actor.type === 'operator' ? { authorId: params.actor.id } : { authorId: null, authorLabel: params.actor.id };
  return db.transaction(async (tx) => {
    const note = await insertCustomerNote({ organizationId: params.organizationId, body, ...author }, tx);
    await recordAudit(
      { organizationId: params.organizationId, actor: params.actor, action: 'note.created', target: { type: 'note', id: note.id }, data: { before: null, after: body } },
      tx,
    );
    return note;
  });
}

export async function editCustomerNote(params: { organizationId: string; noteId: string; body: string; actor: Actor }): Promise<CustomerNoteRecord> {
  const body = cleanBody(params.body);
  return db.transaction(async (tx) => {
    const before = await getCustomerNote({ organizationId: params.organizationId, noteId: params.noteId }, tx);
    if (!before) throw new AppError('not_found', `note ${params.noteId} not found for ${params.organizationId}`);
    if (before.body === body) return before;
    const note = await updateCustomerNote({ organizationId: params.organizationId, noteId: params.noteId, body, updatedById: params.actor.id }, tx);
    await recordAudit(
      { organizationId: params.organizationId, actor: params.actor, action: 'note.updated', target: { type: 'note', id: params.noteId }, data: { before: before.body, after: body } },
      tx,
    );
    return note!;
  });
}

export async function removeCustomerNote(params: { organizationId: string; noteId: string; actor: Actor }): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await deleteCustomerNote({ organizationId: params.organizationId, noteId: params.noteId }, tx);
    if (!removed) throw new AppError('not_found', `note ${params.noteId} not found for ${params.organizationId}`);
    await recordAudit(
      { organizationId: params.organizationId, actor: params.actor, action: 'note.deleted', target: { type: 'note', id: params.noteId }, data: { before: removed.body, after: null } },
      tx,
    );
  });
}

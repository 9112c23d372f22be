'use server';
// Operators' notes on a customer (support may write them): add, edit, delete. Audited with before/after.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getCustomerForOperator } from '@/db/queries/customers';
import { NOTE_MAX_LENGTH } from '@/db/queries/notes';
import { addCustomerNote, editCustomerNote, removeCustomerNote } from '@/lib/customers/notes';
import { AppError } from '@/lib/errors';
import { operatorActionClient } from '../safe-action';

const organizationId = z.string().min(1).max(100);
const body = z.string().trim().min(1).max(NOTE_MAX_LENGTH);

async function requireCustomer(id: string): Promise<void> {
  if (!(await getCustomerForOperator({ organizationId: id }))) throw new AppError('not_found', `organization ${id} not found`);
}

export const addCustomerNoteAction = operatorActionClient
  .metadata({ actionName: 'addCustomerNote', operatorPermission: 'admin:notes:write' })
  .inputSchema(z.object({ organizationId, body }))
  .action(async ({ ctx, parsedInput }) => {
    await requireCustomer(parsedInput.organizationId);
    const note = await addCustomerNote({ ...parsedInput, actor: { type: 'operator', id: ctx.user.id } });
    revalidatePath(`/admin/customers/${parsedInput.organizationId}`);
    return { noteId: note.id };
  });

export const editCustomerNoteAction = operatorActionClient
  .metadata({ actionName: 'editCustomerNote', operatorPermission: 'admin:notes:write' })
  .inputSchema(z.object({ organizationId, noteId: z.string().min(1).max(100), body }))
  .action(async ({ ctx, parsedInput }) => {
    await editCustomerNote({ ...parsedInput, actor: { type: 'operator', id: ctx.user.id } });
    revalidatePath(`/admin/customers/${parsedInput.organizationId}`);
    return { noteId: parsedInput.noteId };
  });

export const deleteCustomerNoteAction = operatorActionClient
  .metadata({ actionName: 'deleteCustomerNote', operatorPermission: 'admin:notes:write' })
  .inputSchema(z.object({ organizationId, noteId: z.string().min(1).max(100) }))
  .action(async ({ ctx, parsedInput }) => {
    await removeCustomerNote({ ...parsedInput, actor: { type: 'operator', id: ctx.user.id } });
    revalidatePath(`/admin/customers/${parsedInput.organizationId}`);
    return { deleted: true };
  });

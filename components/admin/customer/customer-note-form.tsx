'use client';
// Add a note, or edit or delete one in place (operators with admin:notes:write). The server re-checks the permission.
// Deleting asks first, in the page's language like every other confirmation (not the browser's own dialog).
import { useAction } from 'next-safe-action/hooks';
import { useState } from 'react';
import { addCustomerNoteAction, deleteCustomerNoteAction, editCustomerNoteAction } from '@/lib/actions/customers/customer-notes';
import { ConfirmStep, useConfirmStep } from '@/components/ui/confirm-step';
import { useHydrated } from '@/components/ui/use-hydrated';

export type NoteLabels = {
  add: string;
  body: string;
  save: string;
  edit: string;
  cancel: string;
  delete: string;
  /** The delete step: its question, its two buttons, and the confirm button's text while the note is deleted. */
  confirmDelete: string;
  confirmDeleteYes: string;
  confirmDeleteKeep: string;
  deleting: string;
};

function ServerError({ error }: { error?: { error: string } }) {
  return error ? (
    <p className="field-error" role="alert">
      {error.error}
    </p>
  ) : null;
}

export function AddNoteForm({ organizationId, labels }: { organizationId: string; labels: NoteLabels }) {
  const [body, setBody] = useState('');
  const { execute, isPending, result } = useAction(addCustomerNoteAction, { onSuccess: () => setBody('') });
  const hydrated = useHydrated();
  return (
    <form
      className="mt-3 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        execute({ organizationId, body });
      }}
    >
      <label className="block text-sm font-medium text-slate-700" htmlFor="new-note">
        {labels.body}
      </label>
      <textarea id="new-note" className="input w-full" rows={3} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} required />
      <button type="submit" className="btn-primary" disabled={isPending || !body.trim() || !hydrated}>
        {labels.add}
      </button>
      <ServerError error={result.serverError} />
    </form>
  );
}

export function NoteActions({ organizationId, noteId, body, labels }: { organizationId: string; noteId: string; body: string; labels: NoteLabels }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(body);
  const edit = useAction(editCustomerNoteAction, { onSuccess: () => setEditing(false) });
  const step = useConfirmStep();
  const remove = useAction(deleteCustomerNoteAction, { onSettled: () => step.close() });
  const hydrated = useHydrated();
  if (editing) {
    return (
      <form
        className="mt-2 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          edit.execute({ organizationId, noteId, body: draft });
        }}
      >
        <textarea aria-label={labels.body} className="input w-full" rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={5000} required />
        <div className="flex gap-2">
          <button type="submit" className="btn-primary py-1" disabled={edit.isPending || !draft.trim()}>
            {labels.save}
          </button>
          <button type="button" className="btn-secondary py-1" onClick={() => setEditing(false)}>
            {labels.cancel}
          </button>
        </div>
        <ServerError error={edit.result.serverError} />
      </form>
    );
  }
  if (step.asking) {
    return (
      <div className="mt-1">
        <ConfirmStep
          inline
          tone="danger"
          question={labels.confirmDelete}
          confirmLabel={labels.confirmDeleteYes}
          pendingLabel={labels.deleting}
          backLabel={labels.confirmDeleteKeep}
          pending={remove.isPending}
          onConfirm={() => remove.execute({ organizationId, noteId })}
          onBack={step.close}
        />
      </div>
    );
  }
  return (
    <div className="mt-1 flex gap-3 text-xs">
      <button type="button" className="text-blue-700 underline" disabled={!hydrated} onClick={() => setEditing(true)}>
        {labels.edit}
      </button>
      <button
        type="button"
        ref={step.openerRef()}
        className="text-red-700 underline"
        disabled={remove.isPending || !hydrated}
        onClick={() => {
          remove.reset();
          step.ask();
        }}
      >
        {labels.delete}
      </button>
      <ServerError error={remove.result.serverError} />
    </div>
  );
}

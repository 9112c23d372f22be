// @vitest-environment jsdom
// Deleting a customer's note asks in the page's language, in the page (the browser's own dialog spoke the browser's
// language and looked like no other confirmation here); keeping the note deletes nothing.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ja from '@/messages/ja.json';
import { NoteActions, type NoteLabels } from './customer-note-form';

const deleteNote = vi.hoisted(() => vi.fn(async (_input: { organizationId: string; noteId: string }) => ({ data: { ok: true } })));
vi.mock('@/lib/actions/customers/customer-notes', () => ({
  addCustomerNoteAction: async () => ({}),
  editCustomerNoteAction: async () => ({}),
  deleteCustomerNoteAction: deleteNote,
}));

afterEach(() => {
  cleanup();
  deleteNote.mockClear();
  vi.restoreAllMocks();
});

const m = ja.backoffice.notes;
const labels: NoteLabels = {
  add: m.add,
  body: m.body,
  save: m.save,
  edit: m.edit,
  cancel: m.cancel,
  delete: m.delete,
  confirmDelete: m.confirmDelete,
  confirmDeleteYes: m.confirmDeleteYes,
  confirmDeleteKeep: m.confirmDeleteKeep,
  deleting: m.deleting,
};

describe('NoteActions', () => {
  it('[admin] asks before deleting, in Japanese and without the browser’s dialog; keeping the note deletes nothing', () => {
    const nativeConfirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    render(<NoteActions organizationId="org_1" noteId="note_1" body="25日払い" labels={labels} />);
    fireEvent.click(screen.getByRole('button', { name: '削除' }));
    expect(screen.getByRole('group', { name: 'このメモを削除しますか？内容は監査ログに残ります。' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '削除する' }));
    expect(screen.queryByRole('button', { name: '編集' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '削除しない' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '削除' }));
    expect(deleteNote).not.toHaveBeenCalled();
    expect(nativeConfirm).not.toHaveBeenCalled();
  });

  it('[admin] deletes the note once it is confirmed', async () => {
    const nativeConfirm = vi.spyOn(window, 'confirm');
    render(<NoteActions organizationId="org_1" noteId="note_1" body="25日払い" labels={labels} />);
    fireEvent.click(screen.getByRole('button', { name: '削除' }));
    fireEvent.click(screen.getByRole('button', { name: '削除する' }));
    await waitFor(() => expect(deleteNote).toHaveBeenCalledTimes(1));
    expect(deleteNote.mock.calls[0]![0]).toEqual({ organizationId: 'org_1', noteId: 'note_1' });
    await waitFor(() => expect(screen.queryByRole('group')).toBeNull());
    expect(nativeConfirm).not.toHaveBeenCalled();
  });
});

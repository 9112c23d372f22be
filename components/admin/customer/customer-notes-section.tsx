// Operators' notes on the customer page: newest first, who wrote and last edited each and when; operators
// allowed to write notes (admin and support) can add, edit and delete them.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import type { CustomerNoteView } from '@/db/queries/notes';
import { formatDateTime } from '@/lib/i18n/format';
import { AddNoteForm, NoteActions, type NoteLabels } from './customer-note-form';

export async function CustomerNotesSection(props: { organizationId: string; notes: CustomerNoteView[]; canWrite: boolean; timeZone: string }) {
  const { organizationId, notes, canWrite, timeZone } = props;
  const [t, locale] = await Promise.all([getTranslations('backoffice.notes'), getLocale()]);
  const labels: NoteLabels = {
    add: t('add'),
    body: t('body'),
    save: t('save'),
    edit: t('edit'),
    cancel: t('cancel'),
    delete: t('delete'),
    confirmDelete: t('confirmDelete'),
    confirmDeleteYes: t('confirmDeleteYes'),
    confirmDeleteKeep: t('confirmDeleteKeep'),
    deleting: t('deleting'),
  };
  const when = (d: Date) => formatDateTime(d, locale, timeZone);
  return (
    <section className="card mt-6" aria-labelledby="notes-title" data-testid="customer-notes">
      <h2 id="notes-title" className="card-title">
        {t('title')}
      </h2>
      {notes.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t('empty')}</p> : null}
      <ul className="mt-3 divide-y divide-slate-100">
        {notes.map((note) => (
          <li key={note.id} className="py-2 text-sm" data-testid="customer-note">
            <p className="whitespace-pre-line text-slate-900">{note.body}</p>
            <p className="text-xs text-slate-600">
              {t('written', { who: note.authorEmail ?? note.authorLabel ?? '—', when: when(note.createdAt) })}
              {note.updatedAt.getTime() !== note.createdAt.getTime() ? ` · ${t('edited', { who: note.updatedByEmail ?? '—', when: when(note.updatedAt) })}` : ''}
            </p>
            {canWrite ? <NoteActions organizationId={organizationId} noteId={note.id} body={note.body} labels={labels} /> : null}
          </li>
        ))}
      </ul>
      {canWrite ? <AddNoteForm organizationId={organizationId} labels={labels} /> : null}
    </section>
  );
}

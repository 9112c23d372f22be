// The audit log's rows for operators. Fits a laptop's content width (872 px at 1280) without hiding anything: when
// and who share a column, what happened carries its action code and details under it, and long values (emails,
// ids, action codes) wrap instead of widening the table. The target is named where the catalogue or the customer
// knows it (a review hold's plan, the organization itself), with its type and id under the name. At phone width the
// table keeps a minimum width and scrolls in its own box.
import Link from 'next/link';
import type { AuditSearchRow } from '@/db/queries/audit-search';
import { describeActivity, type RootTranslate } from '@/lib/audit/describe-activity';
import { formatDateTime } from '@/lib/i18n/format';

export type AuditTableLabels = { title: string; whenWho: string; what: string; customer: string; target: string };

/** The name an entry's target goes by: a catalogue product or price (`names`), or the entry's own organization. */
export function auditTargetName(row: Pick<AuditSearchRow, 'targetType' | 'targetId' | 'organizationId' | 'organizationName'>, names: ReadonlyMap<string, string>): string | null {
  if (!row.targetId) return null;
  if (row.targetType === 'organization' && row.targetId === row.organizationId) return row.organizationName;
  return names.get(row.targetId) ?? null;
}

const wrapAnywhere = '[overflow-wrap:anywhere]';

export function AuditEntriesTable(props: {
  rows: readonly AuditSearchRow[];
  /** Catalogue names by product or price id (db/queries/catalog getCatalogNames). */
  targetNames: ReadonlyMap<string, string>;
  labels: AuditTableLabels;
  t: RootTranslate;
  locale: string;
  timeZone: string;
}) {
  const { labels, locale, timeZone } = props;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={labels.title}>
      <table className="table w-full min-w-[40rem] table-fixed" data-testid="audit-entries">
        <colgroup>
          <col className="w-[11rem]" />
          <col />
          <col className="w-[9rem]" />
          <col className="w-[10rem]" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="whitespace-normal">
              {labels.whenWho}
            </th>
            <th scope="col">{labels.what}</th>
            <th scope="col">{labels.customer}</th>
            <th scope="col">{labels.target}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const { who, what, details } = describeActivity(row, { t: props.t, locale, timeZone });
            const targetName = auditTargetName(row, props.targetNames);
            return (
              <tr key={row.id} data-testid="audit-entry" data-action={row.action} className="align-top">
                <td className="whitespace-normal">
                  <time dateTime={row.createdAt.toISOString()} className="block">
                    {formatDateTime(row.createdAt, locale, timeZone)}
                  </time>
                  <span className={`block text-xs text-slate-600 ${wrapAnywhere}`} data-testid="audit-who">
                    {who}
                  </span>
                </td>
                <td className="whitespace-normal">
                  <span className="font-medium">{what}</span>
                  <span className={`block font-mono text-xs text-slate-500 ${wrapAnywhere}`}>{row.action}</span>
                  {details.length > 0 ? (
                    <span className={`block text-xs text-slate-600 ${wrapAnywhere}`} data-testid="audit-details">
                      {details.join(' · ')}
                    </span>
                  ) : null}
                </td>
                <td className={`whitespace-normal ${wrapAnywhere}`}>
                  {row.organizationId ? <Link href={`/admin/customers/${row.organizationId}`}>{row.organizationName ?? row.organizationId}</Link> : '—'}
                </td>
                <td className={`whitespace-normal ${wrapAnywhere}`} data-testid="audit-target">
                  {row.targetId ? (
                    <>
                      {targetName ? <span className="block">{targetName}</span> : null}
                      <span className="block font-mono text-xs text-slate-600">{`${row.targetType ?? ''} ${row.targetId}`.trim()}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

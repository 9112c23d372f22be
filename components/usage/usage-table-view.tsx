'use client';
// The usage table's markup (components/usage/usage-table.tsx formats its rows on the server). A client component so
// a page view sends the table once, as rows of text, rather than every cell twice (in the HTML and again in the RSC
// payload). It has no state and nothing to do in the browser.

/** One day as shown: its date, this period's value (null: the day has not come yet), the previous period's. */
export type UsageTableRow = { day: number; date: string; current: string | null; previous: string };

export function UsageTableView(props: { id: string; caption: string; labels: { date: string; current: string; previous: string; notYet: string }; rows: UsageTableRow[] }) {
  return (
    <div className="max-h-72 overflow-y-auto rounded-md border border-slate-200" tabIndex={0} role="region" aria-labelledby={`${props.id}-caption`}>
      <table className="w-full text-sm" data-testid={`${props.id}-table`}>
        <caption id={`${props.id}-caption`} className="sr-only">
          {props.caption}
        </caption>
        <thead className="sticky top-0 bg-slate-50 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {props.labels.date}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {props.labels.current}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {props.labels.previous}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {props.rows.map((row) => (
            <tr key={row.day}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal text-slate-800">
                {row.date}
              </th>
              <td className="px-3 py-1.5 text-right tabular-nums">{row.current === null ? <span className="text-slate-500">{props.labels.notYet}</span> : row.current}</td>
              <td className="px-3 py-1.5 text-right tabular-nums text-slate-700">{row.previous}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

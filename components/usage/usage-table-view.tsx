'use client';
// The usage table's markup (components/usage/usage-table.tsx formats its rows on the server). A client component so
// a page view sends the table once, as rows of text, rather than every cell twice (in the HTML and again in the RSC
// payload). It has no state and nothing to do in the browser.

/** One day as shown: its date, this period's value (null: the day has not come yet), the previous period's. */
export type UsageTableRow = { day: number; date: string; current: string | null; previous: string };

export function UsageTableView(props: { id: string; caption: string; labels: { date: string; current: string; previous: string | null; notYet: string }; rows: UsageTableRow[] }) {
  const compared = props.labels.previous !== null;
  return (
    <div className="max-h-72 overflow-y-auto rounded-md border border-slate-200" tabIndex={0} role="region" aria-labelledby={`${props.id}-caption`}>
      <table className="day-table" data-testid={`${props.id}-table`}>
        <caption id={`${props.id}-caption`} className="sr-only">
          {props.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{props.labels.date}</th>
            <th scope="col">{props.labels.current}</th>
            {compared ? <th scope="col">{props.labels.previous}</th> : null}
          </tr>
        </thead>
        {/* Cells carry no classes: app/globals.css styles .day-table's (sixty-odd cells per table). */}
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.day}>
              <th scope="row">{row.date}</th>
              <td>{row.current === null ? <span className="text-slate-500">{props.labels.notYet}</span> : row.current}</td>
              {compared ? <td>{row.previous}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

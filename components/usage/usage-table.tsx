// The numbers behind a usage chart, as a table (the accessible twin of the chart, readable in both languages).
import type { DayComparison } from '@/lib/usage/period';

export function UsageTable(props: {
  id: string;
  days: DayComparison[];
  caption: string;
  labels: { date: string; current: string; previous: string; notYet: string };
  dayLabel: (date: Date) => string;
  number: (value: number) => string;
}) {
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
          {props.days.map((d) => (
            <tr key={d.day}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal text-slate-800">
                {props.dayLabel(d.date)}
              </th>
              <td className="px-3 py-1.5 text-right tabular-nums">{d.current === null ? <span className="text-slate-500">{props.labels.notYet}</span> : props.number(d.current)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums text-slate-700">{d.previous === null ? '—' : props.number(d.previous)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

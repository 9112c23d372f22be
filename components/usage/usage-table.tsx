// The numbers behind a usage chart, as a table (the accessible twin of the chart, readable in both languages). This
// part formats the rows on the server; the markup is components/usage/usage-table-view.tsx.
import type { DayComparison } from '@/lib/usage/period';
import { UsageTableView } from './usage-table-view';

export function UsageTable(props: {
  id: string;
  days: DayComparison[];
  caption: string;
  /** `previous`: null when there is no previous period (a plan's first): the column is left out. */
  labels: { date: string; current: string; previous: string | null; notYet: string };
  dayLabel: (date: Date) => string;
  number: (value: number) => string;
}) {
  const rows = props.days.map((d) => ({
    day: d.day,
    date: props.dayLabel(d.date),
    current: d.current === null ? null : props.number(d.current),
    previous: d.previous === null ? '—' : props.number(d.previous),
  }));
  return <UsageTableView id={props.id} caption={props.caption} labels={props.labels} rows={rows} />;
}

// A meter's days as an SVG bar chart, drawn on the server (no chart JavaScript reaches the browser): this period's
// days (solid) beside the previous period's same days (pale), y ticks from d3-scale. The numbers are in the data
// table beside it (usage-table.tsx); the SVG is an image with a text summary for screen readers.
import { scaleBand, scaleLinear } from 'd3-scale';
import type { DayComparison } from '@/lib/usage/period';

// A small viewBox: the chart is drawn at about 300–360 px wide (a phone, or beside its table), where 11-unit text
// reads at about 10 px.
const WIDTH = 360;
const HEIGHT = 200;
const MARGIN = { top: 10, right: 4, bottom: 24, left: 36 };

export function UsageChart(props: {
  id: string;
  days: DayComparison[];
  title: string;
  summary: string;
  dayLabel: (date: Date) => string;
  number: (value: number) => string;
  legend: { current: string; previous: string };
}) {
  const max = Math.max(1, ...props.days.map((d) => Math.max(d.current ?? 0, d.previous ?? 0)));
  const y = scaleLinear().domain([0, max]).nice(4).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const x = scaleBand<number>()
    .domain(props.days.map((d) => d.day))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const half = x.bandwidth() / 2;
  // A label every few days keeps a 31-day month readable on a phone.
  const labelEvery = Math.max(1, Math.ceil(props.days.length / 5));
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  return (
    <figure className="min-w-0">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="h-auto w-full" data-testid={`${props.id}-svg`}>
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.summary}</desc>
        {y.ticks(4).map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={MARGIN.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" fontSize="11" fill="#475569">
              {props.number(tick)}
            </text>
          </g>
        ))}
        {props.days.map((d) => {
          const left = x(d.day) ?? 0;
          return (
            <g key={d.day}>
              {d.previous !== null ? (
                <rect x={left} y={y(d.previous)} width={half} height={y(0) - y(d.previous)} fill="#cbd5e1" />
              ) : null}
              {d.current !== null ? <rect x={left + half} y={y(d.current)} width={half} height={y(0) - y(d.current)} fill="#4f46e5" /> : null}
              {(d.day - 1) % labelEvery === 0 ? (
                <text x={left + half} y={HEIGHT - MARGIN.bottom + 15} textAnchor="middle" fontSize="11" fill="#475569">
                  {props.dayLabel(d.date)}
                </text>
              ) : null}
            </g>
          );
        })}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke="#94a3b8" />
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-700">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm bg-indigo-600" />
          {props.legend.current}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm bg-slate-300" />
          {props.legend.previous}
        </span>
      </figcaption>
    </figure>
  );
}

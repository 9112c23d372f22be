// A meter's days as an SVG bar chart, laid out on the server (no chart JavaScript reaches the browser): this
// period's days (solid) beside the previous period's same days (pale), y ticks from d3-scale. The numbers are in the
// data table beside it (usage-table.tsx); the SVG is an image with a text summary for screen readers. This part
// computes the geometry; the markup is components/usage/usage-chart-view.tsx.
import { scaleBand, scaleLinear } from 'd3-scale';
import type { DayComparison } from '@/lib/usage/period';
import { UsageChartView, type UsageChartGeometry } from './usage-chart-view';

// A small viewBox: the chart is drawn at about 300–360 px wide (a phone, or beside its table), where 11-unit text
// reads at about 10 px.
const WIDTH = 360;
const HEIGHT = 200;
const MARGIN = { top: 10, right: 4, bottom: 24, left: 36 };

/** Coordinates to a hundredth of a unit: invisible at this size, and a third of the digits d3 gives. */
const round = (value: number) => Math.round(value * 100) / 100;

/** The chart's gridlines, bars and labels in viewBox units. */
export function usageChartGeometry(days: DayComparison[], format: { dayLabel: (date: Date) => string; number: (value: number) => string }): UsageChartGeometry {
  const max = Math.max(1, ...days.map((d) => Math.max(d.current ?? 0, d.previous ?? 0)));
  const y = scaleLinear().domain([0, max]).nice(4).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const x = scaleBand<number>()
    .domain(days.map((d) => d.day))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  // Two bars share a day's band: the previous period's, then this one's.
  const barWidth = round(x.bandwidth() / 2);
  // A label every few days keeps a 31-day month readable on a phone.
  const labelEvery = Math.max(1, Math.ceil(days.length / 5));
  // One closed rectangle per day with a value above zero, from the value down to the baseline.
  const bars = (value: (d: DayComparison) => number | null, offset: number) =>
    days
      .flatMap((d) => {
        const v = value(d);
        if (v === null || v <= 0) return [];
        const top = round(y(v));
        return [`M${round((x(d.day) ?? 0) + offset)} ${top}h${barWidth}v${round(y(0) - top)}h${-barWidth}z`];
      })
      .join('');
  return {
    width: WIDTH,
    height: HEIGHT,
    left: MARGIN.left,
    right: WIDTH - MARGIN.right,
    baseline: round(y(0)),
    labelY: HEIGHT - MARGIN.bottom + 15,
    ticks: y.ticks(4).map((tick) => ({ y: round(y(tick)), label: format.number(tick) })),
    previousBars: bars((d) => d.previous, 0),
    currentBars: bars((d) => d.current, barWidth),
    labels: days
      .filter((d) => (d.day - 1) % labelEvery === 0)
      .map((d) => ({ x: round((x(d.day) ?? 0) + barWidth), text: format.dayLabel(d.date) })),
  };
}

export function UsageChart(props: {
  id: string;
  days: DayComparison[];
  title: string;
  summary: string;
  dayLabel: (date: Date) => string;
  number: (value: number) => string;
  /** `previous`: null when there is no previous period (a plan's first), and no pale bars. */
  legend: { current: string; previous: string | null };
}) {
  return (
    <UsageChartView
      id={props.id}
      title={props.title}
      summary={props.summary}
      legend={props.legend}
      geometry={usageChartGeometry(props.days, { dayLabel: props.dayLabel, number: props.number })}
    />
  );
}

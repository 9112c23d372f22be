'use client';
// The usage chart's markup (components/usage/usage-chart.tsx computes its geometry on the server, with d3-scale,
// which never reaches the browser). A client component so a page view sends the chart once, as a short list of
// numbers, rather than every SVG element twice (in the HTML and again in the RSC payload): two meters' charts were
// most of the usage page's 100 kB. It has no state and nothing to do in the browser.
/** A label under the x axis (every few days). */
export type UsageChartLabel = { x: number; text: string };

export type UsageChartGeometry = {
  width: number;
  height: number;
  /** Left and right ends of the gridlines, the baseline's height, the x-axis labels' baseline. */
  left: number;
  right: number;
  baseline: number;
  labelY: number;
  ticks: { y: number; label: string }[];
  /**
   * Each series' bars as one SVG path (a closed rectangle per day that has a value): two elements per chart
   * rather than one per bar, and the same picture.
   */
  previousBars: string;
  currentBars: string;
  labels: UsageChartLabel[];
};

export function UsageChartView(props: {
  id: string;
  title: string;
  summary: string;
  legend: { current: string; previous: string | null };
  geometry: UsageChartGeometry;
}) {
  const g = props.geometry;
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  return (
    <figure className="min-w-0">
      <svg viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="h-auto w-full" data-testid={`${props.id}-svg`}>
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.summary}</desc>
        {g.ticks.map((tick) => (
          <g key={tick.label}>
            <line x1={g.left} x2={g.right} y1={tick.y} y2={tick.y} stroke="#e2e8f0" />
            <text x={g.left - 6} y={tick.y} textAnchor="end" dominantBaseline="middle" fontSize="11" fill="#475569">
              {tick.label}
            </text>
          </g>
        ))}
        <path d={g.previousBars} fill="#cbd5e1" />
        <path d={g.currentBars} fill="#4f46e5" />
        {g.labels.map((label) => (
          <text key={label.x} x={label.x} y={g.labelY} textAnchor="middle" fontSize="11" fill="#475569">
            {label.text}
          </text>
        ))}
        <line x1={g.left} x2={g.right} y1={g.baseline} y2={g.baseline} stroke="#94a3b8" />
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-700">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm bg-indigo-600" />
          {props.legend.current}
        </span>
        {props.legend.previous !== null ? (
          <span className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm bg-slate-300" />
            {props.legend.previous}
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}

/**
 * Charts drawn by Observable Plot into a server-side DOM (linkedom) and serialised as static SVG when the report
 * is written: the page needs no chart library and no script to show them. Plot was chosen over Vega-Lite with
 * vega's SVG renderer because, for the same bar chart, it writes less than half the SVG (9 KB against 22 KB for
 * 40 bars), renders about 2.5 times faster (10 ms against 25 ms after warm-up), pulls in fewer packages
 * (56 against 79, 16 MB against 25 MB installed), and has no expression language evaluated at run time (vega's
 * is where its past cross-site-scripting advisories were). docs/report.md has the comparison.
 *
 * Every chart comes with the table it was drawn from (see the sections), so colour is never the only signal and
 * a screen reader reads the numbers.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * A DOM that Plot can draw into; one per report, as creating it is the slow part. Held as `unknown`: Plot's and
 * linkedom's types speak of the browser's DOM types, which a Node library does not compile against.
 */
export interface ChartDocument {
  readonly dom: unknown;
}

export function chartDocument(): ChartDocument {
  return { dom: (parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: unknown }).document };
}

/** Plot's entry point, seen as returning the unknown node it builds (see {@link ChartDocument}). */
const plot = Plot.plot as unknown as (options: Plot.PlotOptions) => unknown;

/** Colours that stay apart for readers with a red-green colour vision deficiency (Okabe and Ito). */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
] as const;

interface ChartElement {
  outerHTML: string;
  tagName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selector: string): Iterable<ChartElement>;
}

/**
 * The chart as markup. Plot names each mark's group with `aria-label` ("bar", "tick", "dot"); a name on an SVG
 * group without a role is not allowed by ARIA, so the groups get `role="group"` and the chart itself
 * `role="img"`-like naming stays on the outer `svg` (which Plot already labels with the chart's title).
 */
function serialise(node: unknown): string {
  const root = node as ChartElement;
  for (const element of root.querySelectorAll('[aria-label]')) {
    if (element.getAttribute('role') === null)
      element.setAttribute('role', element.tagName.toLowerCase() === 'svg' ? 'img' : 'group');
  }
  if (root.tagName.toLowerCase() === 'svg' && root.getAttribute('role') === null) root.setAttribute('role', 'img');
  return root.outerHTML;
}

/** Horizontal bars, one per row, longest first, the value written at the end of each bar. */
export function barChart(
  document: ChartDocument,
  rows: readonly { label: string; value: number }[],
  options: {
    title: string;
    format: (value: number) => string;
    axisFormat: (value: number) => string;
    axisLabel: string;
  },
): string {
  const longest = Math.max(0, ...rows.map((row) => row.label.length));
  // About 7 pixels a character at 12 px: less cut the start off long names ("European Regional Development Fund").
  const marginLeft = Math.min(320, 12 + longest * 7.2);
  const chart = plot({
    document: document.dom as never,
    ariaLabel: options.title,
    width: 900,
    height: 40 + rows.length * 26,
    marginLeft,
    marginRight: 90,
    style: { fontSize: '12px' },
    x: { label: options.axisLabel, grid: true, ticks: 5, tickFormat: (value: number) => options.axisFormat(value) },
    y: { label: null, domain: rows.map((row) => row.label) },
    marks: [
      Plot.barX(rows, {
        x: 'value',
        y: 'label',
        fill: PALETTE[0],
        title: (row: { label: string; value: number }) => `${row.label}: ${options.format(row.value)}`,
      }),
      Plot.text(rows, {
        x: 'value',
        y: 'label',
        text: (row: { value: number }) => options.format(row.value),
        textAnchor: 'start',
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  });
  return serialise(chart);
}

/**
 * Stacked horizontal bars: one bar per `group`, split by `part`, with a legend of the parts. Each part's value is
 * written inside it, unless it is narrower than `minLabelShare` of the longest bar (its text would spill over its
 * neighbours; the table under the chart has every number).
 */
export function stackedBarChart(
  document: ChartDocument,
  rows: readonly { group: string; part: string; value: number }[],
  options: {
    title: string;
    parts: readonly string[];
    axisLabel: string;
    format: (value: number) => string;
    axisFormat?: (value: number) => string;
    minLabelShare?: number;
    width?: number;
  },
): string {
  const groups = [...new Set(rows.map((row) => row.group))];
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.group, (totals.get(row.group) ?? 0) + row.value);
  const smallest = Math.max(0, ...totals.values()) * (options.minLabelShare ?? 0);
  const axisFormat = options.axisFormat ?? options.format;
  const chart = plot({
    document: document.dom as never,
    ariaLabel: options.title,
    width: options.width ?? 760,
    height: 70 + groups.length * 36,
    // Room for the axis label on a line of its own: else it runs into the last tick's text (450 k€).
    marginBottom: 40,
    marginLeft: Math.max(60, Math.min(320, 12 + Math.max(0, ...groups.map((group) => group.length)) * 7.2)),
    style: { fontSize: '12px' },
    color: { domain: [...options.parts], range: PALETTE.slice(0, options.parts.length), legend: true },
    x: { label: options.axisLabel, grid: true, tickFormat: (value: number) => axisFormat(value) },
    y: { label: null, domain: groups },
    marks: [
      Plot.barX(
        rows,
        Plot.stackX({
          x: 'value',
          y: 'group',
          fill: 'part',
          order: options.parts as string[],
          title: (row: { group: string; part: string; value: number }) =>
            `${row.group}, ${row.part}: ${options.format(row.value)}`,
        }),
      ),
      Plot.text(
        rows,
        Plot.stackX({
          x: 'value',
          y: 'group',
          z: 'part',
          order: options.parts as string[],
          text: (row: { value: number }) => (row.value > 0 && row.value >= smallest ? options.format(row.value) : ''),
          fill: 'white',
          fontWeight: 'bold',
        }),
      ),
      Plot.ruleX([0]),
    ],
  });
  return serialise(chart);
}

/** One bar of the timeline. */
export interface TimelineBar {
  readonly label: string;
  /** Dates when the plan has a calendar, else wave numbers (a bar from `index - 1` to `index`). */
  readonly start: Date | number;
  readonly end: Date | number;
  readonly group: string;
  /** A deadline to mark on the bar's row, and whether the bar misses it. */
  readonly deadline: Date | null;
  readonly missed: boolean;
  /** What to write beside a missed bar, when not `missedText`. */
  readonly missedText?: string | undefined;
}

/**
 * A Gantt-like timeline: one row per step, its bar over its wave, the bars coloured by wave, each deadline a
 * tick on its row, and a missed deadline marked by a cross and the word `missedText` (not by colour alone).
 */
export function timelineChart(
  document: ChartDocument,
  bars: readonly TimelineBar[],
  options: { title: string; groups: readonly string[]; missedText: string; axisLabel: string; locale: string },
): string {
  const deadlines = bars.filter((bar) => bar.deadline !== null);
  const missed = bars.filter((bar) => bar.missed);
  const dates = new Intl.DateTimeFormat(options.locale, { year: 'numeric', month: 'numeric', timeZone: 'UTC' });
  const dated = bars.some((bar) => bar.start instanceof Date);
  const chart = plot({
    document: document.dom as never,
    ariaLabel: options.title,
    width: 1200,
    height: 70 + bars.length * 22,
    marginLeft: Math.min(460, 12 + Math.max(0, ...bars.map((bar) => bar.label.length)) * 6.4),
    marginRight: 90,
    style: { fontSize: '12px' },
    color: {
      domain: [...options.groups],
      range: options.groups.map((_, index) => PALETTE[index % 6] as string),
      legend: true,
    },
    x: dated
      ? {
          type: 'utc',
          label: options.axisLabel,
          grid: true,
          ticks: 8,
          tickFormat: (value: Date) => dates.format(value),
        }
      : {
          label: options.axisLabel,
          grid: true,
          ticks: Math.max(1, ...bars.map((bar) => Number(bar.end))),
          tickFormat: (value: number) => String(value),
        },
    y: { label: null, domain: bars.map((bar) => bar.label) },
    marks: [
      Plot.barX(bars, {
        x1: 'start',
        x2: 'end',
        y: 'label',
        fill: 'group',
        title: (bar: TimelineBar) => `${bar.label}: ${bar.group}`,
      }),
      Plot.tickX(deadlines, { x: 'deadline', y: 'label', stroke: 'black', strokeWidth: 3 }),
      Plot.dot(missed, { x: 'end', y: 'label', symbol: 'times', r: 6, stroke: '#D55E00', strokeWidth: 3 }),
      Plot.text(missed, {
        x: 'end',
        y: 'label',
        text: (bar: TimelineBar) => bar.missedText ?? options.missedText,
        textAnchor: 'start',
        dx: 10,
        fill: '#a23c00',
        fontWeight: 'bold',
      }),
    ],
  });
  return serialise(chart);
}

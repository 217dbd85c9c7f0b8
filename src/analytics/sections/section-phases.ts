import { duration, number } from "../format-figures.js";
import { axisMonthNames, monthName } from "../month.js";
import type { Summary } from "../stats.js";
import type { TrendEntry } from "../types.js";
import { type Block, chartBlock, tableBlock } from "./blocks.js";
import type { ReportView } from "./report-view.js";

/** The phases the trend draws, each in a colour of its own. */
const TREND_LINES = [
  { key: "medianTtd", name: "to detect", colour: "#0969da" },
  { key: "medianTta", name: "to acknowledge", colour: "#8250df" },
  { key: "medianTtm", name: "to mitigate", colour: "#bf8700" },
  { key: "medianTtr", name: "to resolve", colour: "#cf222e" },
] as const;

/** Median, p90 and mean of each phase, then the 12-month trend of their medians. */
export function phasesSection(view: ReportView): Block[] {
  const { minutes } = view.result.figures;
  return [
    "## Detection and recovery",
    tableBlock(
      ["", "Median", "p90", "Mean"],
      [
        ["Time to detect", ...summaryCells(minutes.ttd)],
        ["Time to acknowledge", ...summaryCells(minutes.tta)],
        ["Time to mitigate", ...summaryCells(minutes.ttm)],
        ["Time to resolve", ...summaryCells(minutes.ttr)],
        ["Length", ...summaryCells(minutes.length)],
      ],
      [1, 2, 3],
    ),
    "Time to detect runs from Started to Detected; to acknowledge, to mitigate and to resolve from Detected to Acknowledged, Mitigated and Resolved. p90 is the nearest rank (the ⌈0.9·n⌉-th smallest value).",
    ...trendBlocks(view),
  ];
}

function trendBlocks(view: ReportView): Block[] {
  const { trend } = view.result.figures;
  const first = trend[0]?.month ?? view.period.key;
  const last = trend.at(-1)?.month ?? view.period.key;
  const labels = axisMonthNames(trend.map((entry) => entry.month));
  const charts = TREND_LINES.flatMap((line) => {
    const present = trend.filter((entry) => entry[line.key] !== null);
    const names = axisMonthNames(present.map((entry) => entry.month));
    const points = present.map(
      (entry, index) => [names[index] ?? "", entry[line.key] ?? 0] as const,
    );
    return points.length === 0
      ? []
      : [
          chartBlock({
            type: "line",
            title: `Median minutes ${line.name}, by month`,
            axis: "Minutes",
            points,
            colour: line.colour,
          }),
        ];
  });
  return [
    `### Monthly medians, ${monthName(first)} to ${monthName(last)}`,
    ...(charts.length === 0
      ? ["No detection or recovery times in these twelve months."]
      : [...charts, "A month without a value is left out of its line."]),
    trendTable(trend, labels),
  ];
}

function trendTable(trend: readonly TrendEntry[], labels: readonly string[]): Block {
  return tableBlock(
    [
      "Month",
      "Disruptions",
      "Median time to detect (min)",
      "Median time to acknowledge (min)",
      "Median time to mitigate (min)",
      "Median time to resolve (min)",
    ],
    trend.map((entry, index) => [
      labels[index] ?? entry.month,
      String(entry.disruptions),
      number(entry.medianTtd),
      number(entry.medianTta),
      number(entry.medianTtm),
      number(entry.medianTtr),
    ]),
    [1, 2, 3, 4, 5],
  );
}

function summaryCells(summary: Summary | null): [string, string, string] {
  if (!summary) return ["—", "—", "—"];
  return [duration(summary.median), duration(summary.p90), duration(summary.mean)];
}

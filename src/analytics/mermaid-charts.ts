/**
 * Mermaid charts as GitHub renders them in a ```mermaid block. Each caller places a table with the
 * same numbers beside its chart: a reader or renderer without Mermaid loses nothing.
 */
import type { ChartSpec } from "./chart-spec.js";

/** The Mermaid block of a chart. */
export function mermaidChart(spec: ChartSpec): string {
  if (spec.type === "bar") return barChart(spec.title, spec.axis, spec.points);
  if (spec.type === "pie") return pieChart(spec.title, spec.points, spec.colours);
  return lineChart(spec.title, spec.axis, spec.points, spec.colour);
}

/** Labels go inside double quotes; Mermaid has no escape for a quote in them, so it becomes `'`. */
function label(text: string): string {
  return `"${text.replace(/["\n\r]/g, (char) => (char === '"' ? "'" : " ")).replace(/[[\]]/g, "")}"`;
}

function fence(lines: readonly string[]): string {
  return ["```mermaid", ...lines, "```"].join("\n");
}

/**
 * The top of a count axis. xychart places its ticks with d3's `ticks()`, ten or so over the range:
 * from a top of 10 on they fall on whole numbers (0, 1, 2 … or 0, 2, 4 …), below it on halves.
 */
function countAxisTop(values: readonly number[]): number {
  const max = Math.max(0, ...values);
  return max <= 10 ? 10 : Math.ceil(max * 1.1);
}

/** The top of a minutes axis: a little above the highest value, at least 1. */
function axisTop(values: readonly number[]): number {
  const max = Math.max(1, ...values);
  return max <= 10 ? Math.ceil(max) : Math.ceil(max * 1.1);
}

/**
 * A vertical bar chart of counts (`xychart-beta`), ticks on whole numbers.
 *
 * @example barChart("Disruptions by service", "Disruptions", [["api", 4], ["web", 2]])
 */
function barChart(
  title: string,
  axis: string,
  bars: readonly (readonly [string, number])[],
): string {
  return fence([
    "xychart-beta",
    `  title ${label(title)}`,
    `  x-axis [${bars.map(([name]) => label(name)).join(", ")}]`,
    `  y-axis ${label(axis)} 0 --> ${countAxisTop(bars.map(([, value]) => value))}`,
    `  bar [${bars.map(([, value]) => value).join(", ")}]`,
  ]);
}

/**
 * A pie chart with its values shown; slices of 0 are left out (Mermaid cannot draw them). With
 * `colours` (one per slice, same order), each slice keeps its colour whichever others are
 * missing: Mermaid gives `pie1`, `pie2` … to the slices in the order written.
 */
function pieChart(
  title: string,
  slices: readonly (readonly [string, number])[],
  colours?: readonly string[],
): string {
  const shown = slices
    .map((slice, index) => ({ slice, colour: colours?.[index] }))
    .filter(({ slice }) => slice[1] > 0);
  const theme = shown
    .map(({ colour }, index) => (colour ? `"pie${index + 1}": "${colour}"` : ""))
    .filter(Boolean);
  return fence([
    ...(theme.length > 0 ? [`%%{init: {"themeVariables": {${theme.join(", ")}}}}%%`] : []),
    "pie showData",
    `  title ${title.replace(/[\n\r]/g, " ")}`,
    ...shown.map(({ slice: [name, value] }) => `  ${label(name)} : ${value}`),
  ]);
}

/**
 * A line chart (`xychart-beta`) of one series in a colour. xychart cannot leave a gap, so the
 * caller passes only the points that have a value: a month without data is left out, never drawn
 * at 0.
 */
function lineChart(
  title: string,
  axis: string,
  points: readonly (readonly [string, number])[],
  colour: string,
): string {
  return fence([
    `%%{init: {"xyChart": {"height": 260}, "themeVariables": {"xyChart": {"plotColorPalette": "${colour}"}}}}%%`,
    "xychart-beta",
    `  title ${label(title)}`,
    `  x-axis [${points.map(([name]) => label(name)).join(", ")}]`,
    `  y-axis ${label(axis)} 0 --> ${axisTop(points.map(([, value]) => value))}`,
    `  line [${points.map(([, value]) => value).join(", ")}]`,
  ]);
}

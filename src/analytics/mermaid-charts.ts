/**
 * Mermaid charts as GitHub renders them in a ```mermaid block. Each caller places a table with the
 * same numbers beside its chart: a reader or renderer without Mermaid loses nothing.
 */

/** Labels go inside double quotes; Mermaid has no escape for a quote in them, so it becomes `'`. */
function label(text: string): string {
  return `"${text.replace(/["\n\r]/g, (char) => (char === '"' ? "'" : " ")).replace(/[[\]]/g, "")}"`;
}

function fence(lines: readonly string[]): string {
  return ["```mermaid", ...lines, "```"].join("\n");
}

/** The top of a y-axis: at least 1, so an all-zero series still draws an axis. */
function axisTop(values: readonly number[]): number {
  const max = Math.max(1, ...values);
  return max <= 10 ? Math.ceil(max) : Math.ceil(max * 1.1);
}

/**
 * A vertical bar chart (`xychart-beta`).
 *
 * @example barChart("Disruptions by service", "Disruptions", [["api", 4], ["web", 2]])
 */
export function barChart(
  title: string,
  axis: string,
  bars: readonly (readonly [string, number])[],
): string {
  return fence([
    "xychart-beta",
    `  title ${label(title)}`,
    `  x-axis [${bars.map(([name]) => label(name)).join(", ")}]`,
    `  y-axis ${label(axis)} 0 --> ${axisTop(bars.map(([, value]) => value))}`,
    `  bar [${bars.map(([, value]) => value).join(", ")}]`,
  ]);
}

/** A pie chart with its values shown; slices of 0 are left out (Mermaid cannot draw them). */
export function pieChart(title: string, slices: readonly (readonly [string, number])[]): string {
  return fence([
    "pie showData",
    `  title ${title.replace(/[\n\r]/g, " ")}`,
    ...slices
      .filter(([, value]) => value > 0)
      .map(([name, value]) => `  ${label(name)} : ${value}`),
  ]);
}

/**
 * A line chart (`xychart-beta`) of one or more series over the same x labels, in the given
 * colours (xychart draws no legend, so the caller names the colours in the title). Missing values
 * are drawn at 0: xychart cannot leave a gap.
 */
export function lineChart(
  title: string,
  axis: string,
  xLabels: readonly string[],
  series: readonly { values: readonly (number | null)[]; colour: string }[],
): string {
  const all = series.flatMap((line) => line.values.map((value) => value ?? 0));
  const palette = series.map((line) => line.colour).join(", ");
  return fence([
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    "xychart-beta",
    `  title ${label(title)}`,
    `  x-axis [${xLabels.map(label).join(", ")}]`,
    `  y-axis ${label(axis)} 0 --> ${axisTop(all)}`,
    ...series.map((line) => `  line [${line.values.map((value) => value ?? 0).join(", ")}]`),
  ]);
}

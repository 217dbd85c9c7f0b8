import type { ChartSpec } from "../chart-spec.js";
import { table } from "../markdown-text.js";
import { mermaidChart } from "../mermaid-charts.js";

/**
 * What a section of the report is made of: markdown (a heading, a paragraph, a chart), or a table
 * that may be folded under a one-line summary and may be split between the issue and its
 * continuation comments (see `split-report.ts`).
 */
export type Block = string | TableBlock | ChartBlock;

/** A chart: a Mermaid block in the issue, inline SVG in the HTML page. */
export interface ChartBlock {
  kind: "chart";
  spec: ChartSpec;
}

export function chartBlock(spec: ChartSpec): ChartBlock {
  return { kind: "chart", spec };
}

export interface TableBlock {
  kind: "table";
  /** One line; when given, the table is folded in a `<details>` block under it. */
  summary: string | null;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns (by index) aligned right: numbers. */
  right?: readonly number[];
}

/** A table shown as it is. */
export function tableBlock(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly number[] = [],
): TableBlock {
  return { kind: "table", summary: null, headers, rows, right };
}

/** A table folded under a one-line summary: the page stays short, the rows are a click away. */
export function foldedTable(
  summary: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly number[] = [],
): TableBlock {
  return { kind: "table", summary, headers, rows, right };
}

/** The markdown of a block. */
export function blockMarkdown(block: Block): string {
  if (typeof block === "string") return block;
  if (block.kind === "chart") return mermaidChart(block.spec);
  const text = table(block.headers, block.rows, block.right ?? []);
  return block.summary === null ? text : folded(block.summary, text);
}

/** `<details>` with a summary line; blank lines around the markdown so GitHub renders it. */
export function folded(summary: string, markdown: string): string {
  return `<details><summary>${summary}</summary>\n\n${markdown}\n\n</details>`;
}

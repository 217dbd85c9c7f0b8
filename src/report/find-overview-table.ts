import type { Root, RootContent, Table, TableCell } from "mdast";
import { endOffset, normalizeNewlines, plainText, startOffset } from "./markdown.js";
import { readTable } from "./read-table.js";
import { stripInlineMarkup } from "./read-values.js";
import type { ScannedRun } from "./scan-blocks.js";

/**
 * The Overview table: the first paragraph at the top level or in a quote (the document parse
 * leaves tables as paragraphs) that holds a table with two columns headed `Field` and `Value`
 * and starts at an offset `accept`s (under the Overview heading).
 */
export function findOverviewTable(
  body: string,
  root: Root,
  accept: (offset: number) => boolean,
): Table | null {
  const search = (nodes: readonly RootContent[], depth: number): Table | null => {
    for (const node of nodes) {
      if (node.type === "blockquote") {
        const found = search(node.children, depth + 1);
        if (found) return found;
      }
      if (node.type !== "paragraph") continue;
      const start = startOffset(node);
      const end = endOffset(node);
      if (!mayHoldOverview(body, start, end)) continue;
      const table = overviewTableIn(body, start, end, depth);
      if (table && accept(startOffset(table))) return table;
    }
    return null;
  };
  return search(root.children, 0);
}

/**
 * The same table found from the line scanner's runs of paragraph lines, without the document
 * parse; undefined when a run that may hold it is not certainly one paragraph (the caller then
 * parses the document).
 */
export function findOverviewTableInRuns(
  body: string,
  runs: readonly ScannedRun[],
  accept: (offset: number) => boolean,
): Table | null | undefined {
  for (const run of runs) {
    // A run wholly outside the Overview section cannot hold its table, whatever it is.
    if (!accept(run.start)) continue;
    if (!mayHoldOverview(body, run.start, run.end)) continue;
    if (!run.paragraph) return undefined;
    const table = overviewTableIn(body, run.start, run.end);
    if (table && accept(startOffset(table))) return table;
  }
  return null;
}

/** True when a line of the slice reads `| Field | Value |` (any case, outer pipes optional). */
function mayHoldOverview(body: string, start: number, end: number): boolean {
  // Line by line in place (`\r\n`, `\r` and `\n` end a line), stopping at the first header line:
  // the Overview table's header is its run's first line, so its other rows are never copied out.
  let lineStart = start;
  // The next pipe at or after `lineStart`, found once for all the lines before it (linear).
  let pipe = body.indexOf("|", start);
  for (let index = start; index <= end; index += 1) {
    if (pipe === -1 || pipe >= end) return false;
    const code = index < end ? body.charCodeAt(index) : 10;
    if (code !== 10 && code !== 13) continue;
    if (pipe < index && isOverviewHeaderLine(body.slice(lineStart, index))) return true;
    if (code === 13 && index + 1 < end && body.charCodeAt(index + 1) === 10) index += 1;
    lineStart = index + 1;
    if (pipe < lineStart) pipe = body.indexOf("|", lineStart);
  }
  return false;
}

function isOverviewHeaderLine(line: string): boolean {
  if (line.length > 200 || !line.includes("|")) return false;
  // Quote markers are stripped: a table in a quote is read too (see `findOverviewTable`).
  const cells = line
    .replace(/^(?:[ \t]*>)*/, "")
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|");
  return (
    cells.length === 2 &&
    stripInlineMarkup(cells[0] ?? "").toLowerCase() === "field" &&
    stripInlineMarkup(cells[1] ?? "").toLowerCase() === "value"
  );
}

function overviewTableIn(body: string, start: number, end: number, quoteDepth = 0): Table | null {
  const table = readTable(body, start, end, quoteDepth);
  return table && isOverviewTable(table) ? table : null;
}

function isOverviewTable(node: Root["children"][number]): node is Table {
  if (node.type !== "table") return false;
  const header = node.children[0];
  if (header?.children.length !== 2) return false;
  const [first, second] = header.children;
  return (
    plainText(first as TableCell)
      .trim()
      .toLowerCase() === "field" &&
    plainText(second as TableCell)
      .trim()
      .toLowerCase() === "value"
  );
}

/** The markdown inside a table cell, with `<br>` read as a line break and `\|` as a pipe. */
export function cellSource(body: string, cell: TableCell): string {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  if (!first || !last) return "";
  return normalizeNewlines(body.slice(startOffset(first), endOffset(last)))
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/\\\|/g, "|")
    .trim();
}

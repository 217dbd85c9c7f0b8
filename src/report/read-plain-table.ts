import type { Table, TableCell, TableRow, Text } from "mdast";
import { offsetSpan } from "./offset-span.js";

/**
 * Characters that can make a table cell more than plain text: escapes, code, emphasis,
 * strikethrough, HTML, character references, links and images. A table without any of them is
 * split by its pipes exactly as the GFM table parser splits it.
 */
const MARKUP = /[\\`*_~<>&[\]!\t]/;
const DELIMITER = /^\|\s*:?-+:?\s*\|\s*:?-+:?\s*\|$/;

/**
 * Reads a two-column table written without any inline markup (`| Started | 2026-11-20 14:05 UTC |`
 * rows, every line starting and ending with a pipe) into the same mdast nodes, with the same
 * positions, that mdast-util-gfm-table gives, without running the parser: the Overview table the
 * app writes is such a table, and parsing it is most of the cost of reading a report. Returns null
 * for anything else (the caller then parses it).
 */
export function readPlainTable(body: string, start: number, end: number): Table | null {
  const lines: { start: number; end: number }[] = [];
  let lineStart = start;
  for (let i = start; i <= end; i += 1) {
    const char = i < end ? body.charCodeAt(i) : -1;
    if (char !== -1 && char !== 10 && char !== 13) continue;
    lines.push({ start: lineStart, end: i });
    if (char === 13 && body.charCodeAt(i + 1) === 10) i += 1;
    lineStart = i + 1;
  }
  if (lines.length < 2) return null;
  const rows: TableRow[] = [];
  for (const [index, line] of lines.entries()) {
    const text = body.slice(line.start, line.end);
    if (MARKUP.test(text) || !text.startsWith("|") || !text.endsWith("|") || text.length < 2)
      return null;
    if (index === 1) {
      if (!DELIMITER.test(text)) return null;
      continue;
    }
    const row = readRow(body, line.start, line.end);
    if (!row) return null;
    rows.push(row);
  }
  const first = lines[0] as { start: number };
  const last = lines[lines.length - 1] as { end: number };
  return {
    type: "table",
    align: [null, null],
    children: rows,
    position: offsetSpan(first.start, last.end),
  };
}

/** A row of exactly two cells: `| name | value |`. */
function readRow(body: string, start: number, end: number): TableRow | null {
  const pipes: number[] = [];
  for (let i = start; i < end; i += 1) if (body.charCodeAt(i) === 124) pipes.push(i);
  if (pipes.length !== 3) return null;
  const [open, middle, close] = pipes as [number, number, number];
  const cells = [cell(body, open, middle, middle), cell(body, middle, close, close + 1)];
  return { type: "tableRow", children: cells, position: offsetSpan(start, end) };
}

/** A cell from its opening pipe to `cellEnd`; its text is what lies between the pipes, trimmed. */
function cell(body: string, pipe: number, nextPipe: number, cellEnd: number): TableCell {
  let from = pipe + 1;
  let to = nextPipe;
  while (from < to && body.charCodeAt(from) === 32) from += 1;
  while (to > from && body.charCodeAt(to - 1) === 32) to -= 1;
  const children: Text[] =
    from < to
      ? [{ type: "text", value: body.slice(from, to), position: offsetSpan(from, to) }]
      : [];
  return { type: "tableCell", children, position: offsetSpan(pipe, cellEnd) };
}

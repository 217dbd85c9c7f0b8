import type { Table, TableCell, TableRow, Text } from "mdast";
import { offsetSpan } from "./offset-span.js";
import { stripInlineMarkup } from "./read-values.js";

/** Tables wider than this are not the Overview table: their rows are not split further. */
const MAX_COLUMNS = 16;

interface Line {
  /** Offset of the line's text after its container prefix (`> ` in a quote). */
  start: number;
  /** Offset of its end, before the line ending and trailing whitespace. */
  end: number;
}

/**
 * Reads the first GFM table in a paragraph, as GitHub's renderer does: a header row, then a
 * delimiter row with as many cells (`| --- | :-: |`), then every further line of the paragraph as a
 * row; lines before the header stay text. Cells are split at every pipe not escaped by a backslash
 * (inside code spans too, as GitHub does); a row with fewer cells than the header gets empty ones,
 * one with more has the extra ones dropped (a short row keeps only the cells it has). `quoteDepth` is how many `>` markers each line of the
 * paragraph carries (a table inside a quote). Each cell holds one text node: its `value` is the
 * cell's text without markup, its position the cell's source, trimmed. Linear in the slice.
 */
export function readTable(body: string, start: number, end: number, quoteDepth = 0): Table | null {
  const lines = splitLines(body, start, end, quoteDepth);
  for (let index = 0; index + 1 < lines.length; index += 1) {
    if (!hasPipe(body, lines[index] as Line) || !hasPipe(body, lines[index + 1] as Line)) continue;
    const header = cellSpans(body, lines[index] as Line);
    const delimiter = cellSpans(body, lines[index + 1] as Line);
    if (header.length === 0 || header.length > MAX_COLUMNS) continue;
    if (header.length !== delimiter.length) continue;
    if (!delimiter.every((span) => isDelimiterCell(body.slice(span.from, span.to)))) continue;
    const width = header.length;
    const rows = [lines[index] as Line, ...lines.slice(index + 2)].map((line) =>
      toRow(body, line, width),
    );
    const first = lines[index] as Line;
    const last = lines[lines.length - 1] as Line;
    return {
      type: "table",
      align: delimiter.map(() => null),
      children: rows,
      position: offsetSpan(first.start, last.end),
    };
  }
  return null;
}

function splitLines(body: string, start: number, end: number, quoteDepth: number): Line[] {
  const lines: Line[] = [];
  let lineStart = start;
  for (let index = start; index <= end; index += 1) {
    const code = index < end ? body.charCodeAt(index) : -1;
    if (code !== -1 && code !== 10 && code !== 13) continue;
    let from = lineStart === start ? lineStart : skipQuotes(body, lineStart, index, quoteDepth);
    while (from < index && isSpace(body.charCodeAt(from))) from += 1;
    let to = index;
    while (to > from && isSpace(body.charCodeAt(to - 1))) to -= 1;
    lines.push({ start: from, end: to });
    if (code === 13 && body.charCodeAt(index + 1) === 10) index += 1;
    lineStart = index + 1;
  }
  return lines;
}

/** Past up to `depth` quote markers (`>`, with up to three spaces before and one after each). */
function skipQuotes(body: string, start: number, end: number, depth: number): number {
  let at = start;
  for (let level = 0; level < depth; level += 1) {
    let probe = at;
    while (probe < end && probe - at < 3 && body.charCodeAt(probe) === 32) probe += 1;
    if (body.charCodeAt(probe) !== 62) break;
    at = probe + 1;
    if (body.charCodeAt(at) === 32) at += 1;
  }
  return at;
}

interface Span {
  /** Offset of the cell's opening pipe (or of the line's start, for a first cell without one). */
  open: number;
  /** Offset of the pipe that closes it (or the line's end). */
  close: number;
  /** The cell's text, trimmed. */
  from: number;
  to: number;
}

/**
 * The cells of a line, split at unescaped pipes; outer pipes are optional. At most `max` cells are
 * split off (and one more to tell that there are more), so a row of thousands of pipes costs no
 * more than its length.
 */
function cellSpans(body: string, line: Line, max = MAX_COLUMNS): Span[] {
  const pipes: number[] = [];
  for (let index = line.start; index < line.end && pipes.length <= max + 1; index += 1) {
    const code = body.charCodeAt(index);
    if (code === 92) index += 1;
    else if (code === 124) pipes.push(index);
  }
  if (pipes.length === 0) {
    if (line.start === line.end) return [];
    return [{ open: line.start, close: line.end, from: line.start, to: line.end }];
  }
  // The pipes become the cells' bounds in place (the array is this call's own).
  const bounds = pipes;
  if (bounds[0] !== line.start) bounds.unshift(line.start - 1);
  const closed = bounds[bounds.length - 1] === line.end - 1;
  if (!closed) bounds.push(line.end);
  const spans: Span[] = [];
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    const open = Math.max(line.start, bounds[index] as number);
    const close = bounds[index + 1] as number;
    let from = (bounds[index] as number) + 1;
    let to = close;
    while (from < to && isSpace(body.charCodeAt(from))) from += 1;
    while (to > from && isSpace(body.charCodeAt(to - 1))) to -= 1;
    spans.push({ open, close, from, to });
  }
  return spans;
}

function isDelimiterCell(text: string): boolean {
  const trimmed = text.trim();
  let index = trimmed.startsWith(":") ? 1 : 0;
  const dashes = index;
  while (trimmed.charCodeAt(index) === 45) index += 1;
  if (index === dashes) return false;
  if (trimmed.charCodeAt(index) === 58) index += 1;
  return index === trimmed.length;
}

function toRow(body: string, line: Line, width: number): TableRow {
  const split = cellSpans(body, line, width);
  const spans = split.length > width ? split.slice(0, width) : split;
  const cells = spans.map((span, index): TableCell => {
    // The last cell takes the closing pipe, as mdast-util-gfm-table's positions do.
    const last = index === spans.length - 1 && span.close < line.end;
    const children: Text[] =
      span.from < span.to
        ? [
            {
              type: "text",
              value: plainCell(body.slice(span.from, span.to)),
              position: offsetSpan(span.from, span.to),
            },
          ]
        : [];
    return {
      type: "tableCell",
      children,
      position: offsetSpan(span.open, last ? span.close + 1 : span.close),
    };
  });
  return { type: "tableRow", children: cells, position: offsetSpan(line.start, line.end) };
}

/** A cell's text without markup around it and without backslash escapes: how a row name reads. */
function plainCell(source: string): string {
  // Most cells hold no backslash: the same text without a pass of the expression over it.
  const unescaped = source.includes("\\") ? source.replace(/\\([!-/:-@[-`{-~])/g, "$1") : source;
  return stripInlineMarkup(unescaped);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

function hasPipe(body: string, line: Line): boolean {
  const at = body.indexOf("|", line.start);
  return at !== -1 && at < line.end;
}

/**
 * What a row's line holds before the row: the quote markers (and indentation) of a table inside a
 * quote, which a row added after it must repeat to stay in the table.
 */
export function rowPrefix(body: string, row: TableRow): string {
  const start = row.position?.start.offset ?? 0;
  let lineStart = start;
  while (
    lineStart > 0 &&
    body.charCodeAt(lineStart - 1) !== 10 &&
    body.charCodeAt(lineStart - 1) !== 13
  ) {
    lineStart -= 1;
  }
  return body.slice(lineStart, start);
}

/**
 * The end of the line a row ends on, past its trailing spaces and tabs (a row's position stops
 * before them): where a row added after it goes, so the author's line keeps every character.
 */
export function rowLineEnd(body: string, offset: number): number {
  let end = offset;
  while (end < body.length && isSpace(body.charCodeAt(end))) end += 1;
  return end;
}

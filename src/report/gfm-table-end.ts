/**
 * Where GitHub's renderer ends a table that the CommonMark block parser kept inside a paragraph.
 * CommonMark has no tables: it reads a table as a paragraph, which a `---` or `===` line under it
 * turns into a setext heading, and which an indented line or a `2.` line merely continues. GFM's
 * table, once its header and delimiter rows are read, takes every further line as a row until a
 * blank line or a line that opens another block: a quote, a heading, a fence, an HTML block, a
 * thematic break (`---`), a list item (`2. x`, an empty `-`) or indented code. So `===` is a row,
 * `---` a rule below the table, and the rest is read as blocks of its own.
 */

/** A line of the body: its offsets, before its line ending. */
export interface BodyLine {
  start: number;
  end: number;
}

/** HTML block starts that end a table (CommonMark's HTML blocks 1 to 6; 7 does not interrupt). */
const HTML_BLOCK =
  /^<(?:(?:script|pre|style|textarea)(?:\s|>|$)|!--|\?|![A-Za-z]|!\[CDATA\[|\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|\/?>|$))/i;
/** A line that opens a block of its own after up to three spaces (the HTML case is `HTML_BLOCK`). */
const BLOCK_START =
  /^(?:>|#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$)/;

/**
 * The index of the first line, among the lines of one CommonMark paragraph (or setext heading,
 * its underline included), that GitHub's renderer does not take into the table the lines hold:
 * `lines.length` when the table takes every line, null when they hold no table. `lines` are the body's lines as
 * written; each is read only up to 200 characters, so the cost is linear in their number.
 */
export function gfmTableEnd(body: string, lines: readonly BodyLine[]): number | null {
  for (let index = 0; index + 1 < lines.length; index += 1) {
    const header = cellCount(lineText(body, lines[index] as BodyLine));
    if (header === 0) continue;
    const delimiter = lineText(body, lines[index + 1] as BodyLine);
    if (!isDelimiterRow(delimiter) || cellCount(delimiter) !== header) continue;
    return index + 2 + rowsOf(body, lines.slice(index + 2));
  }
  return null;
}

/** How many of the lines, read under a table's rows, GitHub still takes as rows (all, or up to the first that opens a block). */
export function rowsOf(body: string, lines: readonly BodyLine[]): number {
  const stop = lines.findIndex((line) => endsTable(lineText(body, line)));
  return stop === -1 ? lines.length : stop;
}

function lineText(body: string, line: BodyLine): string {
  return body.slice(line.start, Math.min(line.end, line.start + 200));
}

/** True when the line, read after a table row, opens a block: the table ends above it. */
function endsTable(line: string): boolean {
  let indent = 0;
  while (line.charCodeAt(indent) === 32) indent += 1;
  if (indent >= 4 || line.charCodeAt(indent) === 9) return line.trim() !== "";
  const text = line.slice(indent);
  return BLOCK_START.test(text) || HTML_BLOCK.test(text);
}

/** The cells of a row with a pipe in it (outer pipes optional), or 0 for a line without one. */
function cellCount(line: string): number {
  let pipes = 0;
  for (let index = 0; index < line.length; index += 1) {
    const code = line.charCodeAt(index);
    if (code === 92) index += 1;
    else if (code === 124) pipes += 1;
  }
  if (pipes === 0) return 0;
  const text = line.trim();
  const outer = (text.startsWith("|") ? 1 : 0) + (text.endsWith("|") && text.length > 1 ? 1 : 0);
  return pipes + 1 - outer;
}

function isDelimiterRow(line: string): boolean {
  const text = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return text.includes("-") && text.split("|").every((cell) => /^\s*:?-+:?\s*$/.test(cell));
}

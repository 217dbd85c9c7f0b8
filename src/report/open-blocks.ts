/**
 * How far a fenced code block or an HTML block may run, for the split of a body at its headings
 * (see `splitAtHeadings`): a heading line inside one is the block's text, not a heading.
 */
import type { Lines } from "./parser-lines.js";
import { runOf } from "./scan-blocks.js";

/**
 * CommonMark's HTML blocks that end at a marker, as the reference parser opens and ends them
 * (commonmark.js, `reHtmlBlockOpen` and `reHtmlBlockClose`); any other HTML block ends before a
 * blank line.
 */
const MARKED_HTML: [RegExp, RegExp][] = [
  [/^<(?:script|pre|textarea|style)(?:\s|>|$)/i, /<\/(?:script|pre|textarea|style)>/gi],
  [/^<!--/, /-->/g],
  [/^<[?]/, /\?>/g],
  [/^<![A-Za-z]/, />/g],
  [/^<!\[CDATA\[/, /\]\]>/g],
];

/**
 * The last line (0-based) of the fenced code block or HTML block that line `index` may open at
 * the top level, looked for from line `after` on, or -1 when it opens none. Never before the
 * block's real end: any run of three backticks or tildes, or a `<`, after up to three spaces
 * counts (the parser may read the line as text, or as part of a list item, which a line at the
 * margin closes anyway), and the end is looked for only after the block's opening and from
 * `after` (the caller skips the lines it already holds, so every line is looked at once).
 */
export function openBlockEnd(body: string, lines: Lines, index: number, after: number): number {
  const start = lines.starts[index] as number;
  const end = lines.ends[index] as number;
  let at = start;
  while (at < end && at - start < 4 && body.charCodeAt(at) === 0x20) at += 1;
  if (at - start > 3 || at >= end) return -1;
  const code = body.charCodeAt(at);
  if (code === 0x60 || code === 0x7e) return fenceEnd(body, lines, at, end, after);
  if (code === 0x3c) return htmlEnd(body, lines, [index, at], after);
  return -1;
}

/** The line of the fence that closes the one opened at `at`, or the last line; -1 for no fence. */
function fenceEnd(body: string, lines: Lines, at: number, end: number, after: number): number {
  const char = body.charCodeAt(at);
  const length = runOf(body, at, end);
  if (length < 3) return -1;
  const count = lines.starts.length;
  for (let line = after; line < count; line += 1) {
    const start = lines.starts[line] as number;
    const end = lines.ends[line] as number;
    let from = start;
    while (from < end && from - start < 4 && body.charCodeAt(from) === 0x20) from += 1;
    if (from - start > 3 || body.charCodeAt(from) !== char) continue;
    const run = runOf(body, from, end);
    if (run >= length && isSpacesAndTabs(body, from + run, end)) return line;
  }
  return count - 1;
}

/** The last line of the HTML block opened at `at`: its end marker's line, or the line before a blank one. */
function htmlEnd(body: string, lines: Lines, [index, at]: [number, number], after: number): number {
  const count = lines.starts.length;
  const text = body.slice(at, lines.ends[index] as number);
  for (const [open, close] of MARKED_HTML) {
    const opened = open.exec(text);
    if (!opened) continue;
    close.lastIndex = Math.max(at + opened[0].length, lines.starts[after] ?? body.length);
    const found = close.exec(body);
    if (!found) return count - 1;
    // The close lies at or after line `after` (the search starts there): walking from the opening
    // line instead made each line inside a held region walk to its end, quadratic in the body.
    let line = Math.max(index, after - 1);
    while (line < count - 1 && (lines.ends[line] as number) < found.index) line += 1;
    return line;
  }
  for (let line = after; line < count; line += 1) {
    if (isSpacesAndTabs(body, lines.starts[line] as number, lines.ends[line] as number))
      return line;
  }
  return count - 1;
}

function isSpacesAndTabs(body: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    const code = body.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return true;
}

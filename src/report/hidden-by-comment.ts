import type { Table } from "mdast";
import { endOffset } from "./markdown.js";
import type { Problem } from "./types.js";

/** At most this many lines after the comment are looked at: a problem message needs no more. */
const MAX_LINES = 64;

/**
 * A commented-out Overview row (`<!-- | Severity | SEV1 | -->` on a line of its own) ends the
 * table on GitHub: an HTML comment at the start of a line opens an HTML block, and the rows under
 * it are shown as plain text. The commented row is the author's note and is not read; the rows
 * after it are not read either (GitHub does not show them as rows), and this says so, with what
 * to do. Null when no row follows such a comment. Linear in the lines it looks at.
 */
export function rowsAfterComment(body: string, table: Table | null): Problem | null {
  if (!table) return null;
  const lines = linesAfter(body, endOffset(table));
  if (!opensComment(lines[0])) return null;
  let index = 0;
  while (index < lines.length && !(lines[index] as string).includes("-->")) index += 1;
  const rows = lines.slice(index + 1).findIndex((line) => !line.includes("|"));
  const count = rows === -1 ? lines.length - index - 1 : rows;
  if (count <= 0) return null;
  return {
    field: "Overview",
    message: `The Overview table ends at the HTML comment under its last row: GitHub shows the ${count === 1 ? "row" : `${count} rows`} after the comment as text, so ${count === 1 ? "it is" : "they are"} not read. Move the comment below the table.`,
  };
}

/**
 * True when the line under the Overview table opens an HTML comment: the lines `rowsAfterComment`
 * then counts may run past the Overview, into the blocks after it.
 */
export function commentUnderTable(body: string, table: Table | null): boolean {
  return table !== null && opensComment(linesAfter(body, endOffset(table))[0]);
}

function opensComment(line: string | undefined): boolean {
  return (line?.replace(/^(?:[ \t]*>)*[ \t]*/, "") ?? "").startsWith("<!--");
}

/** The lines after the one `offset` ends, up to the first blank line. */
function linesAfter(body: string, offset: number): string[] {
  const text = body.slice(offset, offset + MAX_LINES * 200);
  const lines = text.split(/\r\n|\r|\n/).slice(1, MAX_LINES + 1);
  const blank = lines.findIndex((line) => line.trim() === "");
  return blank === -1 ? lines : lines.slice(0, blank);
}

/**
 * An HTML comment (`<!--`) the body never closes hides everything after it on GitHub: the
 * sections and action items below it are not shown, and not read. Null when the body does not end
 * inside one (`closer` is what `closerFor` gives for the last block).
 */
export function unclosedComment(closer: string, title: string): Problem | null {
  if (closer !== "-->") return null;
  return {
    field: title,
    message: `An HTML comment (\`<!--\`) under ${title} is never closed: GitHub hides everything after it, so nothing there is read. Close it with \`-->\` where your note ends.`,
  };
}

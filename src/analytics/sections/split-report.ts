import { table } from "../markdown-text.js";
import { type Block, blockMarkdown, folded, type TableBlock } from "./blocks.js";

/** Room each part keeps for its marker and the line saying where it continues. */
const PART_HEADROOM = 400;

/**
 * Packs the blocks into parts of at most `limit` characters (GitHub's 65,536 for an issue body
 * and for a comment): the first is the issue body, the others its continuation comments. Nothing
 * is cut: a table too long for the room left goes on in the next part under the same headers
 * (and summary, "continued"). `prefix(index, count)` opens each part (its hidden marker).
 */
export function splitReport(
  blocks: readonly Block[],
  limit: number,
  prefix: (index: number, count: number) => string,
): string[] {
  const room = limit - PART_HEADROOM;
  const parts: string[][] = [[]];
  let size = 0;
  const push = (markdown: string): void => {
    const current = parts.at(-1) as string[];
    if (current.length > 0 && size + markdown.length + 2 > room) {
      parts.push([markdown]);
      size = markdown.length + 2;
    } else {
      current.push(markdown);
      size += markdown.length + 2;
    }
  };
  const part = {
    used: () => size,
    push,
    next: () => {
      parts.push([]);
      size = 0;
    },
  };
  for (const block of blocks) {
    const markdown = blockMarkdown(block);
    if (typeof block === "string") {
      push(markdown);
      continue;
    }
    if (block.kind !== "table" || size + markdown.length + 2 <= room) push(markdown);
    else pushTable(block, room, part);
  }
  const count = parts.length;
  return parts.map((list, index) => {
    const next =
      index < count - 1
        ? `\n\n_Continued in the comment below (part ${index + 2} of ${count})._`
        : "";
    return `${prefix(index, count)}\n${list.join("\n\n")}${next}\n`;
  });
}

/** A table in pieces: as many rows as the part has room for, the rest in the next parts. */
function pushTable(
  block: TableBlock,
  room: number,
  part: { used: () => number; push: (markdown: string) => void; next: () => void },
): void {
  const render = (rows: readonly (readonly string[])[], continued: boolean): string => {
    const text = table(block.headers, rows, block.right ?? []);
    if (block.summary === null) return text;
    return folded(continued ? `${block.summary} (continued)` : block.summary, text);
  };
  let rows: (readonly string[])[] = [];
  let continued = false;
  let pieceSize = render([], false).length + 2;
  for (const row of block.rows) {
    const line = `| ${row.join(" | ")} |`.length + 1;
    if (rows.length > 0 && part.used() + pieceSize + line > room) {
      part.push(render(rows, continued));
      part.next();
      rows = [];
      continued = true;
      pieceSize = render([], true).length + 2;
    }
    rows.push(row);
    pieceSize += line;
  }
  if (rows.length > 0) part.push(render(rows, continued));
}

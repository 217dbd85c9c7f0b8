import type { List, ListItem } from "mdast";
import { lazySpan } from "./offset-span.js";

/** `- [ ] text` or `- [x] text`: a task item on one line, nothing that could nest or continue it. */
export const TASK_LINE = /^- \[([ xX])\] (?=\S)/;

/**
 * Reads a block that is nothing but a flat task list, one `- [ ] …` item per line (blank lines
 * between items allowed), into the list nodes `parseBlocks` gives (a paragraph holds no children),
 * with offsets into the body at `base`; without running the parser. Returns null for anything
 * else (the caller then parses it): another bullet, indentation, a continuation line, a comment,
 * text around it.
 */
export function readPlainTaskList(
  body: string,
  start: number,
  end: number,
  base = 0,
): List[] | null {
  // The last line first: a list followed by anything else is found out without reading it all.
  if (!endsInTask(body, start, end)) return null;
  const found = taskLines(body, start, end);
  if (!found) return null;
  const { lines, spread } = found;
  const items: ListItem[] = [];
  for (let index = 0; index < lines.length; index += 4) {
    const from = base + (lines[index] as number);
    const text = base + (lines[index + 1] as number);
    const to = base + (lines[index + 2] as number);
    items.push({
      type: "listItem",
      spread: false,
      checked: lines[index + 3] === 1,
      // As the parser's: the paragraph runs from the checkbox to the last character that is not
      // blank, the item to the end of the line.
      children: [{ type: "paragraph", children: [], position: lazySpan(from + 2, text) }],
      position: lazySpan(from, to),
    });
  }
  const first = base + (lines[0] as number);
  const last = base + (lines[lines.length - 2] as number);
  return [
    {
      type: "list",
      ordered: false,
      start: null,
      spread,
      children: items,
      position: lazySpan(first, last),
    },
  ];
}

/**
 * The task items of the block as numbers (each item's line start, its end before trailing
 * blanks, the line's end, 1 when checked), and whether a blank line separates two items; null when a line is
 * neither blank nor a task item. Nodes are built only once the whole block is known to be a list.
 */
function taskLines(
  body: string,
  start: number,
  end: number,
): { lines: number[]; spread: boolean } | null {
  const lines: number[] = [];
  let spread = false;
  let sawBlank = false;
  let lineStart = start;
  for (let i = start; i <= end; i += 1) {
    const char = i < end ? body.charCodeAt(i) : -1;
    if (char !== -1 && char !== 10 && char !== 13) continue;
    const line = body.slice(lineStart, i);
    const next = char === 13 && body.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    // Blank as CommonMark has it: spaces and tabs only (a no-break space continues the item).
    if (/^[ \t]*$/.test(line)) {
      if (lines.length > 0) sawBlank = true;
    } else {
      const match = TASK_LINE.exec(line);
      if (!match) return null;
      if (sawBlank) spread = true;
      sawBlank = false;
      lines.push(lineStart, lineStart + line.trimEnd().length, i, match[1] === " " ? 0 : 1);
    }
    lineStart = next;
    if (char === 13 && next === i + 2) i += 1;
  }
  return lines.length === 0 ? null : { lines, spread };
}

/** True when the last line of the block that is not spaces and tabs is a task item. */
function endsInTask(body: string, start: number, end: number): boolean {
  let last = end;
  while (last > start && " \t\r\n".includes(body.charAt(last - 1))) last -= 1;
  let first = last;
  while (first > start && body.charCodeAt(first - 1) !== 10 && body.charCodeAt(first - 1) !== 13) {
    first -= 1;
  }
  return TASK_LINE.test(body.slice(first, last));
}

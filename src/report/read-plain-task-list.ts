import type { List, ListItem, Paragraph, Text } from "mdast";
import { offsetSpan } from "./offset-span.js";

/** `- [ ] text` or `- [x] text`: a task item on one line, nothing that could nest or continue it. */
const TASK_LINE = /^- \[([ xX])\] (?=\S)/;

/**
 * Reads a block that is nothing but a flat task list, one `- [ ] …` item per line (blank lines
 * between items allowed), into the list nodes the GFM parser gives, with the offsets the action
 * items are read from; without running the parser. Returns null for anything else (the caller
 * then parses it): another bullet, indentation, a continuation line, a comment, text around it.
 */
export function readPlainTaskList(body: string, start: number, end: number): List[] | null {
  const items: ListItem[] = [];
  let blankBetween = false;
  let sawBlank = false;
  let lineStart = start;
  for (let i = start; i <= end; i += 1) {
    const char = i < end ? body.charCodeAt(i) : -1;
    if (char !== -1 && char !== 10 && char !== 13) continue;
    const line = body.slice(lineStart, i);
    const next = char === 13 && body.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    if (line.trim() === "") {
      if (items.length > 0) sawBlank = true;
    } else {
      const match = TASK_LINE.exec(line);
      if (!match) return null;
      if (sawBlank) blankBetween = true;
      sawBlank = false;
      items.push(item(body, lineStart, lineStart + line.trimEnd().length, match[1] !== " "));
    }
    lineStart = next;
    if (char === 13 && next === i + 2) i += 1;
  }
  if (items.length === 0) return null;
  const first = items[0] as ListItem;
  const last = items[items.length - 1] as ListItem;
  const list: List = {
    type: "list",
    ordered: false,
    start: null,
    spread: blankBetween,
    children: items,
    position: offsetSpan(first.position?.start.offset ?? start, last.position?.end.offset ?? end),
  };
  return [list];
}

/** An item from its `-` to the end of its text; its paragraph starts at the checkbox. */
function item(body: string, lineStart: number, lineEnd: number, checked: boolean): ListItem {
  const textStart = lineStart + 2;
  const text: Text = {
    type: "text",
    value: body.slice(textStart + 4, lineEnd),
    position: offsetSpan(textStart, lineEnd),
  };
  const paragraph: Paragraph = {
    type: "paragraph",
    children: [text],
    position: offsetSpan(textStart, lineEnd),
  };
  return {
    type: "listItem",
    spread: false,
    checked,
    children: [paragraph],
    position: offsetSpan(lineStart, lineEnd),
  };
}

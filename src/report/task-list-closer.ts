import type { Lines } from "./parser-lines.js";
import { TASK_LINE } from "./read-plain-task-list.js";

/**
 * Lines that, at the margin right after a task item, end its list and open a block of the top
 * level: what CommonMark lets interrupt a paragraph and the item cannot hold (its content is
 * indented). A quote, a code fence, a thematic break of `*` or `_` (not `-`, which may underline),
 * and the HTML blocks of kinds 1 to 6 (commonmark.js `reHtmlBlockOpen`; kind 7 cannot interrupt a
 * paragraph, so it would continue the item).
 */
const CLOSERS = [
  /^>/,
  /^`{3,}(?!.*`)|^~{3,}/,
  /^(?:\*[ \t]*){3,}$|^(?:_[ \t]*){3,}$/,
  /^<(?:script|pre|textarea|style)(?:\s|>|$)/i,
  /^<!--/,
  /^<[?]/,
  /^<![A-Za-z]/,
  /^<!\[CDATA\[/,
  /^<[/]?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[123456]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|section|search|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|[/]?[>]|$)/i,
];

/**
 * The line (0-based) that ends a flat task list opening the body, one `- [ ] …` item a line with
 * no blank line, when that line is one of {@link CLOSERS}; -1 otherwise. The parser then has no
 * block open but the one that line starts, as when it starts a body: the list reads as a list of
 * its own (`readPlainTaskList`) and the rest as a body of its own. A list of thousands of items
 * ended by `<div>` or a quote no longer costs the parser's nodes for every item.
 */
export function taskListCloser(body: string, lines: Lines): number {
  const count = lines.starts.length;
  let index = 0;
  while (index < count && isTaskLine(body, lines, index)) index += 1;
  if (index === 0 || index === count) return -1;
  const text = body.slice(lines.starts[index] as number, lines.ends[index] as number);
  return CLOSERS.some((closer) => closer.test(text)) ? index : -1;
}

function isTaskLine(body: string, lines: Lines, index: number): boolean {
  const start = lines.starts[index] as number;
  if (body.charCodeAt(start) !== 0x2d) return false;
  // The marker and the first character after it are all the pattern looks at.
  return TASK_LINE.test(body.slice(start, Math.min(lines.ends[index] as number, start + 7)));
}

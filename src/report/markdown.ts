import type { Nodes, Root, RootContent } from "mdast";
import { fromMarkdown, type Options } from "mdast-util-from-markdown";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { toString as mdastToString } from "mdast-util-to-string";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";

// Each parse reads only the GFM construct it needs: the other extensions (autolink literals,
// footnotes) cost more than the rest of the parse and change nothing the report reads. The
// extension objects are plain, stateless data, so they are built once and shared by every call.
const TASK_ITEMS: Options = {
  extensions: [gfmTaskListItem()],
  mdastExtensions: [gfmTaskListItemFromMarkdown()],
};
const TABLES: Options = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };
const STRIKETHROUGH: Options = {
  extensions: [gfmStrikethrough()],
  mdastExtensions: [gfmStrikethroughFromMarkdown()],
};

/**
 * Parses a whole report body for its structure: CommonMark with GFM task items. Tables are left
 * as paragraphs here (GFM table parsing costs more than all the rest on a timeline-heavy body, and
 * only the Overview table's cells are read; `findOverviewTable` parses that one with the table
 * extension). Block boundaries are the same: a GFM table ends where a paragraph would.
 */
export function parseDocument(body: string): Root {
  return fromMarkdown(body, TASK_ITEMS);
}

/** Parses a short piece of markdown with GFM strikethrough, to tell whether text is struck through. */
export function parseStrikethrough(markdown: string): Root {
  return fromMarkdown(markdown, STRIKETHROUGH);
}

/**
 * Parses a piece of the body that starts at the top level (a line after a blank line or a
 * heading) with GFM tables or GFM task items, with offsets that point into the whole body.
 */
export function parseSlice(
  body: string,
  start: number,
  end: number,
  read: "tables" | "task items",
): Root {
  const root = fromMarkdown(body.slice(start, end), read === "tables" ? TABLES : TASK_ITEMS);
  const shift = (node: Nodes): void => {
    if (node.position) {
      node.position.start.offset = (node.position.start.offset ?? 0) + start;
      node.position.end.offset = (node.position.end.offset ?? 0) + start;
    }
    if ("children" in node) for (const child of node.children) shift(child);
  };
  for (const child of root.children) shift(child);
  return root;
}

/** The text of a node with its markup removed. */
export function plainText(node: Nodes): string {
  return mdastToString(node, { includeHtml: false });
}

/** Normalises line endings: browsers send `\r\n` inside otherwise `\n` bodies. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** The source markdown that a run of sibling nodes was written as, `\n` line endings. */
export function sourceOf(body: string, nodes: readonly RootContent[]): string {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (!first || !last) return "";
  return normalizeNewlines(body.slice(startOffset(first), endOffset(last)));
}

/**
 * True when markdown holds nothing a person wrote: blank, only HTML comments (the filled report's
 * hints), the form's `_No response_` / `None`, or an empty code fence.
 */
export function isPlaceholder(markdown: string): boolean {
  const text = markdown
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/^\s*```[^\n`]*\n?\s*```\s*$/gm, "")
    .trim();
  return text === "" || text === "_No response_" || text === "None";
}

/** True when a section says nothing yet: a placeholder, or a table header without rows (a prefilled template). */
export function isEmptyContent(markdown: string): boolean {
  if (isPlaceholder(markdown)) return true;
  const lines = markdown
    .replace(/<!--[\s\S]*?-->/g, "")
    .trim()
    .split("\n")
    .map((line) => line.trim());
  return (
    lines.length === 2 && isTableHeaderRow(lines[0] ?? "") && isTableDelimiterRow(lines[1] ?? "")
  );
}

function isTableHeaderRow(line: string): boolean {
  return line.startsWith("|") && line.endsWith("|");
}

function isTableDelimiterRow(line: string): boolean {
  return /^\|?(\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*$/.test(line);
}

/**
 * The marker that closes a fenced code block or HTML block left open by the last top-level node
 * of a piece of the body, or "" when it is closed. Such a block runs to the end of the document,
 * so a piece moved into another body would swallow what follows it.
 */
export function closerFor(body: string, last: RootContent | undefined): string {
  if (!last) return "";
  const source = normalizeNewlines(body.slice(startOffset(last), endOffset(last)));
  if (last.type === "code") {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(source)?.[1];
    if (!fence) return "";
    const lines = source.split("\n");
    const closing = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    return lines.length > 1 && closing.test(lines[lines.length - 1] ?? "") ? "" : fence;
  }
  if (last.type === "html") {
    const text = source.trimStart().toLowerCase();
    const rules: [boolean, string, string][] = [
      [text.startsWith("<!--"), "-->", "-->"],
      [text.startsWith("<?"), "?>", "?>"],
      [text.startsWith("<![cdata["), "]]>", "]]>"],
      [/^<![a-z]/.test(text), ">", ">"],
    ];
    const tag = /^<(pre|script|style|textarea)[\s>]/.exec(text)?.[1];
    if (tag) rules.push([true, `</${tag}>`, `</${tag}>`]);
    for (const [applies, needle, closer] of rules) {
      if (!applies) continue;
      const after = text.slice(needle === ">" ? 2 : 4);
      return after.includes(needle) ? "" : closer;
    }
  }
  return "";
}

import type { Nodes, Root, RootContent } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import { parseBlocks } from "./parse-blocks.js";
import { HINTS } from "./section-hints.js";

/**
 * Parses a whole report body for its block structure: CommonMark with GFM task items (see
 * `parseBlocks`). Tables are left as paragraphs here (only the Overview table's cells are read;
 * `findOverviewTable` parses that one with the table extension). Block boundaries are the same: a
 * GFM table ends where a paragraph would.
 */
export function parseDocument(body: string): Root {
  return parseBlocks(body);
}

/**
 * Parses a piece of the body that starts at the top level (a line after a blank line or a
 * heading) for its blocks, with offsets that point into the whole body.
 */
export function parseSlice(body: string, start: number, end: number): Root {
  return parseBlocks(body.slice(start, end), start);
}

/** The text of a node with its markup removed. */
export function plainText(node: Nodes): string {
  // A table cell holds one text node (`readTable`): its value, as the general walk would give it,
  // without the walk's array and join (every Overview row's name is read this way on every edit).
  if ("children" in node && !("alt" in node) && node.children.length === 1) {
    const only = node.children[0];
    if (only?.type === "text") return only.value;
  }
  return mdastToString(node, { includeHtml: false });
}

/** Normalises line endings: browsers send `\r\n` inside otherwise `\n` bodies. */
export function normalizeNewlines(text: string): string {
  // Most texts have none: the expression is not run (a body of 32,768 blocks runs it per block).
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
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
  const uncommented = withoutComments(markdown);
  const text = (uncommented.includes("```") ? withoutEmptyFences(uncommented) : uncommented).trim();
  return text === "" || text === "_No response_" || text === "None";
}

/**
 * True when markdown holds nothing but placeholders the form or the app wrote: blank, the app's
 * own hints, the form's `_No response_` / `None`, or an empty code fence. A comment the author
 * wrote (`<!-- DRAFT … -->`) is the author's text: it is kept.
 */
export function isAppPlaceholder(markdown: string): boolean {
  const text = withoutHints(markdown);
  const rest = (text.includes("```") ? withoutEmptyFences(text) : text).trim();
  return rest === "" || rest === "_No response_" || rest === "None";
}

/** The text without the app's own hint comments (see `HINTS`). */
function withoutHints(text: string): string {
  if (!text.includes("<!--")) return text;
  let out = text;
  // A section holds one hint at most: the others are looked for, not split out (no copies made).
  for (const hint of HINT_COMMENTS) if (out.includes(hint)) out = out.split(hint).join("");
  return out;
}

const HINT_COMMENTS = Object.values(HINTS).map((hint) => `<!-- ${hint} -->`);

/** True when a section says nothing yet: a placeholder, or a table header without rows (a prefilled template). */
export function isEmptyContent(markdown: string): boolean {
  if (isPlaceholder(markdown)) return true;
  const lines = withoutComments(markdown)
    .trim()
    .split("\n")
    .map((line) => line.trim());
  return (
    lines.length === 2 && isTableHeaderRow(lines[0] ?? "") && isTableDelimiterRow(lines[1] ?? "")
  );
}

/**
 * The text with its HTML comments removed (an unclosed `<!--` is kept, with what follows it: it
 * hides nothing on GitHub that the author did not write). Linear in the text's length.
 */
export function withoutComments(text: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const open = text.indexOf("<!--", from);
    if (open === -1) break;
    const close = text.indexOf("-->", open + 4);
    if (close === -1) break;
    out += text.slice(from, open);
    from = close + 3;
  }
  return out + text.slice(from);
}

/** The text without code fences that hold nothing (a fence line, optional blank lines, a closing fence). */
function withoutEmptyFences(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? "").trim();
    if (/^```[^`]*$/.test(line)) {
      let next = index + 1;
      while (next < lines.length && (lines[next] ?? "").trim() === "") next += 1;
      if (next < lines.length && /^```\s*$/.test((lines[next] ?? "").trim())) {
        index = next;
        continue;
      }
    }
    kept.push(lines[index] ?? "");
  }
  return kept.join("\n");
}

function isTableHeaderRow(line: string): boolean {
  return line.startsWith("|") && line.endsWith("|");
}

/** `| --- | :-: |`: cells of dashes with optional colons, between pipes. */
export function isTableDelimiterRow(line: string): boolean {
  const text = line.trim();
  if (!text.includes("-")) return false;
  const inner = text.replace(/^\|/, "").replace(/\|$/, "");
  const cells = inner.split("|");
  if (cells.length < 1) return false;
  return cells.every((cell) => /^:?-+:?$/.test(cell.trim()));
}

/**
 * The marker that closes a fenced code block or HTML block left open by the last top-level node
 * of a piece of the body, or "" when it is closed. Such a block runs to the end of the document,
 * so a piece moved into another body would swallow what follows it.
 */
export function closerFor(body: string, last: RootContent | undefined): string {
  // Only code and HTML stay open; the type is looked at before the source is copied.
  if (!last || (last.type !== "code" && last.type !== "html")) return "";
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

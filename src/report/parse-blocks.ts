import { type Node as CmNode, Parser } from "commonmark";
import type { BlockContent, Heading, List, ListItem, Root, RootContent } from "mdast";
import { gfmTableEnd, rowsOf } from "./gfm-table-end.js";
import { headingTitle } from "./heading-title.js";
import { offsetSpan } from "./offset-span.js";

/**
 * Container prefixes (indentation, `>` and list markers at the start of a line) longer than this
 * are cut before parsing. The block parser walks every open container on every line, so a body
 * nested hundreds of levels deep costs time that grows with the cube of its depth; 64 characters
 * still allow 16–32 levels, which is more than any report has.
 */
const MAX_PREFIX = 64;

/** ATX heading lines longer than this are shortened before parsing (see `shortHeading`). */
const MAX_HEADING = 200;

const parser = new Parser();
// Only the block structure is read: inline parsing (links, emphasis) is where the reference
// parser's worst cases lie, and the report reads inline content itself.
(parser as unknown as { processInlines: () => void }).processInlines = () => {};

/**
 * Parses the block structure of markdown (CommonMark, as GitHub's renderer reads blocks) into mdast
 * nodes whose offsets point into `body` at `base`: headings (with their text as plain text),
 * paragraphs, lists (GFM task items marked `checked`), quotes, code, HTML and thematic breaks.
 * Tables stay paragraphs (see `findOverviewTable`); paragraphs and code hold no children. Linear in
 * the body's length, whatever it holds.
 */
export function parseBlocks(body: string, base = 0): Root {
  const lines = splitLines(body);
  // Most bodies need no line cut and no line ending changed: the parser reads them as they are.
  const asIs = !body.includes("\r") && lines.every((line) => line.cut === 0);
  const input = asIs
    ? body
    : lines.map((line) => body.slice(line.start, line.start + line.kept) + line.rest).join("\n");
  const document = parser.parse(input);
  const at = (line: number, column: number): number => {
    const info = lines[line - 1];
    if (!info) return body.length;
    const index = Math.max(0, column - 1);
    return info.start + (index >= info.kept ? index + info.cut : index);
  };
  const lineEnd = (line: number): number => lines[line - 1]?.end ?? body.length;
  const convert = (node: CmNode): RootContent | null =>
    toMdast(body, node, { at, lineEnd, base, convert });
  const children: RootContent[] = [];
  // The first pipe at or after an offset; the nodes come in order, so the search only moves on.
  let pipe = -2;
  const nextPipe = (from: number): number => {
    if (pipe !== -1 && pipe < from) pipe = body.indexOf("|", from);
    return pipe;
  };
  for (let child = document.firstChild; child; child = child.next) {
    let cut = tableCut(child, lines, body, nextPipe);
    if (cut === null) {
      const converted = convert(child);
      if (converted) children.push(converted);
      continue;
    }
    const startLine = child.sourcepos[0][0];
    // A table that took a setext underline (`===`) as a row goes on into the lines the parser
    // started a new paragraph with, right under it.
    let last = child;
    let endLine = child.sourcepos[1][0];
    while (cut > endLine && last.next && continuesTable(last.next, endLine)) {
      last = last.next;
      const next = last.sourcepos[1][0];
      cut = endLine + 1 + rowsOf(body, lines.slice(endLine, next));
      endLine = next;
    }
    children.push(...splitAtTable(body, base, lines, [startLine, endLine], cut));
    child = last;
  }
  return { type: "root", children, position: offsetSpan(base, base + body.length) };
}

/**
 * The line (1-based, in the parser's input) where GitHub's table ends inside a top-level
 * paragraph or setext heading (the line after the heading's underline when the table takes it as
 * a row), or null when a paragraph's table does not end inside it (see `gfmTableEnd`).
 */
function tableCut(
  node: CmNode,
  lines: readonly Line[],
  body: string,
  nextPipe: (from: number) => number,
): number | null {
  if (node.type !== "paragraph" && node.type !== "heading") return null;
  const [[startLine], [endLine]] = node.sourcepos;
  if (startLine === endLine) return null;
  // No pipe, no table: most paragraphs are passed over without reading their lines.
  const pipe = nextPipe((lines[startLine - 1] as Line).start);
  if (pipe === -1 || pipe > (lines[endLine - 1] as Line).end) return null;
  const count = endLine - startLine + 1;
  const cut = gfmTableEnd(body, lines.slice(startLine - 1, endLine));
  if (cut === null || (cut === count && node.type === "paragraph")) return null;
  return startLine + cut;
}

/** True when the node is a paragraph or heading that starts on the line after `endLine`. */
function continuesTable(node: CmNode, endLine: number): boolean {
  return (
    (node.type === "paragraph" || node.type === "heading") && node.sourcepos[0][0] === endLine + 1
  );
}

/**
 * A paragraph (or setext heading) cut where GitHub ends its table: the lines up to the cut stay a
 * paragraph (that holds the table), and the lines from the cut become a paragraph of their own.
 * GitHub reads those as blocks (a rule, a list starting at 2, indented code); parsing them again
 * would cost a parse per table, so they are kept as one piece of text: none of them is a heading
 * or a task item the report reads (a line that opens one ends a CommonMark paragraph too).
 */
function splitAtTable(
  body: string,
  base: number,
  lines: readonly Line[],
  [startLine, endLine]: [number, number],
  cut: number,
): RootContent[] {
  const first = lines[startLine - 1] as Line;
  const last = lines[cut - 2] as Line;
  const paragraph = (from: number, to: number): RootContent => ({
    type: "paragraph",
    children: [],
    position: offsetSpan(base + from, base + trimEnd(body, from, to)),
  });
  if (cut > endLine) return [paragraph(first.start, last.end)];
  const rest = lines[cut - 1] as Line;
  return [
    paragraph(first.start, last.end),
    paragraph(rest.start, (lines[endLine - 1] as Line).end),
  ];
}

interface Line {
  start: number;
  /** Offset of the line's end (before its line ending). */
  end: number;
  /** How many characters of the line's container prefix are kept before the cut. */
  kept: number;
  /** How many are cut after them. */
  cut: number;
  /** The rest of the line after the cut. */
  rest: string;
}

/** The lines of the body (`\r\n`, `\r` and `\n` end a line), each with an over-long prefix cut. */
function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= body.length) {
    let end = start;
    while (end < body.length) {
      const code = body.charCodeAt(end);
      if (code === 10 || code === 13) break;
      end += 1;
    }
    const prefix = prefixLength(body, start, end);
    const cut = prefix > MAX_PREFIX ? prefix - MAX_PREFIX : 0;
    const kept = cut > 0 ? MAX_PREFIX : end - start;
    const line = { start, end, kept, cut, rest: cut > 0 ? body.slice(start + prefix, end) : "" };
    lines.push(shortHeading(body, line, prefix) ?? line);
    if (end >= body.length) break;
    start = end + (body.charCodeAt(end) === 13 && body.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return lines;
}

/**
 * A long ATX heading line is given to the parser as its opening `#`s and one letter: the parser
 * strips a closing sequence with a regular expression whose cost grows with the square of the
 * spaces in the line, and the heading's text is read from the body (see `headingTitle`).
 */
function shortHeading(body: string, line: Line, prefix: number): Line | null {
  if (line.end - line.start <= MAX_HEADING || line.cut > 0) return null;
  let at = line.start + Math.min(prefix, line.kept);
  while (at < line.end && body.charCodeAt(at) === 32) at += 1;
  let hashes = 0;
  while (body.charCodeAt(at + hashes) === 35) hashes += 1;
  if (hashes === 0 || hashes > 6) return null;
  const after = body.charCodeAt(at + hashes);
  if (after !== 32 && after !== 9) return null;
  const kept = at + hashes - line.start;
  return { ...line, kept, cut: line.end - line.start - kept, rest: " h" };
}

/** The length of the characters that can open or continue containers at the start of a line. */
function prefixLength(body: string, start: number, end: number): number {
  let index = start;
  while (index < end && " \t>-*+.)0123456789".includes(body.charAt(index))) index += 1;
  return index - start;
}

interface Context {
  /** The offset in the body of a line and column of the parser's input. */
  at: (line: number, column: number) => number;
  lineEnd: (line: number) => number;
  base: number;
  convert: (node: CmNode) => RootContent | null;
}

function toMdast(body: string, node: CmNode, context: Context): RootContent | null {
  const { at, base } = context;
  // Indexed, not destructured: this runs once per node of the body.
  const [from, to] = node.sourcepos;
  const startLine = from[0];
  const endLine = to[0];
  const start = at(startLine, from[1]);
  let end = Math.max(start, at(endLine, to[1] + 1));
  if (node.type === "heading" && startLine === endLine) end = context.lineEnd(startLine);
  if (node.type === "paragraph" || node.type === "heading") end = trimEnd(body, start, end);
  const position = offsetSpan(base + start, base + end);
  switch (node.type) {
    case "heading": {
      const title = headingTitle(body.slice(start, end), node.level);
      const depth = Math.min(Math.max(node.level, 1), 6) as Heading["depth"];
      return { type: "heading", depth, children: [{ type: "text", value: title }], position };
    }
    case "paragraph":
      return { type: "paragraph", children: [], position };
    case "block_quote":
      return { type: "blockquote", children: kids(node, context) as BlockContent[], position };
    case "list": {
      const items = kids(node, context) as ListItem[];
      const list: List = {
        type: "list",
        ordered: node.listType === "ordered",
        start: node.listType === "ordered" ? node.listStart : null,
        spread: !node.listTight,
        children: items,
        position,
      };
      return list;
    }
    case "item": {
      const children = kids(node, context) as BlockContent[];
      const first = children[0];
      const checked = first?.type === "paragraph" ? taskMarker(body, first, base) : null;
      return { type: "listItem", spread: false, checked, children, position };
    }
    case "code_block":
      return { type: "code", value: node.literal ?? "", lang: node.info || null, position };
    case "html_block":
      return { type: "html", value: body.slice(start, end), position };
    case "thematic_break":
      return { type: "thematicBreak", position };
    default:
      return null;
  }
}

/** The converted children of a container node (a quote, a list, a list item). */
function kids(node: CmNode, context: Context): RootContent[] {
  const out: RootContent[] = [];
  for (let child = node.firstChild; child; child = child.next) {
    const converted = context.convert(child);
    if (converted) out.push(converted);
  }
  return out;
}

/**
 * The GFM task marker at the start of an item's first paragraph: `[ ]` or `[x]`, then a line
 * ending or spaces and more text (the rule of GFM's task-list extension).
 */
function taskMarker(body: string, paragraph: RootContent, base: number): boolean | null {
  const start = (paragraph.position?.start.offset ?? 0) - base;
  const end = (paragraph.position?.end.offset ?? 0) - base;
  const head = body.slice(start, Math.min(end, start + 4));
  const match = /^\[([ \txX])\]/.exec(head);
  if (!match) return null;
  const after = start + 3;
  if (after >= end) return null;
  const next = body.charCodeAt(after);
  if (next !== 10 && next !== 13 && next !== 32 && next !== 9) return null;
  return match[1] === "x" || match[1] === "X";
}

function trimEnd(body: string, start: number, end: number): number {
  let last = end;
  while (last > start && isWhitespace(body.charCodeAt(last - 1))) last -= 1;
  return last;
}

/** `/\s/` for one character, without a string per character. */
function isWhitespace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code > 0x7f && /\s/.test(String.fromCharCode(code));
}

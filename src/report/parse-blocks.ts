import { type Node as CmNode, Parser } from "commonmark";
import type { Heading, Root, RootContent } from "mdast";
import { Converter, trimEnd } from "./convert-nodes.js";
import { gfmTableEnd, rowsOf } from "./gfm-table-end.js";
import { HeadingNode } from "./heading-node.js";
import { headingTitle } from "./heading-title.js";
import { lazySpan } from "./offset-span.js";
import { openBlockEnd } from "./open-blocks.js";
import { bodyLines, inputOf, type Lines, splitLines } from "./parser-lines.js";
import { readPlainTaskList } from "./read-plain-task-list.js";
import { taskListCloser } from "./task-list-closer.js";

/**
 * A parser for one parse: a parser keeps the last document it read, which for a body of 32,768
 * headings is 14 MB held until the next parse.
 */
function blockParser(): Parser {
  const parser = new Parser();
  // Only the block structure is read: inline parsing (links, emphasis) is where the reference
  // parser's worst cases lie, and the report reads inline content itself.
  (parser as unknown as { processInlines: () => void }).processInlines = () => {};
  return parser;
}

/**
 * Parses the block structure of markdown (CommonMark, as GitHub's renderer reads blocks) into mdast
 * nodes whose offsets point into `body` at `base`: headings (with their text as plain text),
 * paragraphs, lists (GFM task items marked `checked`), quotes, code, HTML and thematic breaks.
 * Tables stay paragraphs (see `findOverviewTable`); paragraphs and code hold no children. Linear in
 * the body's length, whatever it holds.
 */
export function parseBlocks(body: string, base = 0): Root {
  const position = lazySpan(base, base + body.length);
  // A flat list of one-line task items (what the form's placeholder asks for) is read without
  // the parser, whose nodes for thousands of items were most of the time the collector spent.
  const list = readPlainTaskList(body, 0, body.length, base);
  if (list) return { type: "root", children: list, position };
  const lines = splitLines(body);
  const children = splitAtHeadings(body, base, lines) ?? parseWhole(body, base, lines);
  return { type: "root", children, position };
}

/**
 * The blocks of a body parsed a piece at a time between its ATX headings at the start of a line,
 * or null when it has none. Outside a fenced code block or an HTML block, such a line is a
 * top-level heading whatever comes before it (it ends a paragraph, a quote, a list: a list item's
 * content is indented, and only a paragraph takes a line lazily), and after it the parser starts
 * afresh: the pieces parse as they parse in the whole body. A line that may open a fence or an
 * HTML block at the top level keeps the lines it may hold in its piece (see `openBlockEnd`). A
 * body of thousands of headings is read without the reference parser's nodes for them.
 */
function splitAtHeadings(body: string, base: number, lines: Lines): RootContent[] | null {
  const children: RootContent[] = [];
  const piece = (from: number, to: number): void => {
    if (isBlank(body, from, to)) return;
    const text = body.slice(from, to);
    for (const node of parseWhole(text, base + from, splitLines(text))) children.push(node);
  };
  let from = 0;
  // The last line a fence or an HTML block may hold.
  let held = -1;
  for (let index = 0; index < lines.starts.length; index += 1) {
    const start = lines.starts[index] as number;
    const end = lines.ends[index] as number;
    const depth = atxDepth(body, start, end);
    if (depth === 0) {
      // A line inside a block that may be one opens one too: it may not be one after all.
      const after = Math.max(index, held) + 1;
      held = Math.max(held, openBlockEnd(body, lines, index, after));
      continue;
    }
    if (index <= held) continue;
    piece(from, start);
    const stop = trimEnd(body, start, end);
    // An empty heading (`#`, thousands of them in a stalling body) has no text to read.
    const title = stop === start + depth ? "" : headingTitle(body.slice(start, stop), depth);
    from = lines.starts[index + 1] ?? body.length;
    children.push(new HeadingNode(depth, title, base + start, base + stop, base + from));
  }
  if (from === 0) return null;
  piece(from, body.length);
  return children;
}

/** True when the text holds only spaces, tabs and line endings: blank lines, no block. */
function isBlank(body: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) {
    const code = body.charCodeAt(index);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return false;
  }
  return true;
}

/** The level of an ATX heading that opens a line at its first character, or 0. */
function atxDepth(body: string, start: number, end: number): Heading["depth"] | 0 {
  let hashes = 0;
  while (hashes < 7 && start + hashes < end && body.charCodeAt(start + hashes) === 35) hashes += 1;
  if (hashes === 0 || hashes > 6) return 0;
  const after = start + hashes;
  if (after < end && body.charCodeAt(after) !== 32 && body.charCodeAt(after) !== 9) return 0;
  return hashes as Heading["depth"];
}

/** The blocks of a body, read by the reference parser in one parse. */
function parseWhole(body: string, base: number, lines: Lines): RootContent[] {
  const plain = plainParagraphs(body, base, lines);
  if (plain) return plain;
  const closer = taskListCloser(body, lines);
  const list =
    closer > 0 ? readPlainTaskList(body, 0, lines.ends[closer - 1] as number, base) : null;
  if (list) {
    // The list, then the rest from the line that ends it, which parses as a body of its own.
    const from = lines.starts[closer] as number;
    const rest = body.slice(from);
    return [...list, ...parseWhole(rest, base + from, splitLines(rest))];
  }
  // Most bodies need no line cut and no line ending changed: the parser reads them as they are.
  const asIs = !body.includes("\r") && lines.cuts.size === 0;
  const input = asIs ? body : inputOf(body, lines);
  const document = blockParser().parse(input);
  const converter = new Converter(body, lines, base);
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
      const converted = converter.convert(child);
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
      cut = endLine + 1 + rowsOf(body, bodyLines(lines, endLine, next));
      endLine = next;
    }
    children.push(...splitAtTable(body, base, lines, [startLine, endLine], cut));
    child = last;
  }
  return children;
}

/**
 * The paragraphs of a body whose every line that is not blank starts with an ASCII letter, or
 * null for any other body. Such a line opens no block (no list, quote, heading, fence, HTML,
 * thematic break, indented code, setext underline or table delimiter row) and continues a
 * paragraph above it, so each run of such lines is one paragraph, as the parser reads it: a list
 * of 32,768 services, one a line, is read without the parser's node a line.
 */
function plainParagraphs(body: string, base: number, lines: Lines): RootContent[] | null {
  const paragraphs: RootContent[] = [];
  const close = (from: number, to: number): void => {
    const position = lazySpan(base + from, base + trimEnd(body, from, to));
    paragraphs.push({ type: "paragraph", children: [], position });
  };
  let open = -1;
  let last = 0;
  for (let index = 0; index < lines.starts.length; index += 1) {
    const start = lines.starts[index] as number;
    const end = lines.ends[index] as number;
    if (isBlank(body, start, end)) {
      if (open !== -1) close(open, last);
      open = -1;
      continue;
    }
    const code = body.charCodeAt(start);
    if (!((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))) return null;
    if (open === -1) open = start;
    last = end;
  }
  if (open !== -1) close(open, last);
  return paragraphs;
}

/**
 * The line (1-based, in the parser's input) where GitHub's table ends inside a top-level
 * paragraph or setext heading (the line after the heading's underline when the table takes it as
 * a row), or null when a paragraph's table does not end inside it (see `gfmTableEnd`).
 */
function tableCut(
  node: CmNode,
  lines: Lines,
  body: string,
  nextPipe: (from: number) => number,
): number | null {
  if (node.type !== "paragraph" && node.type !== "heading") return null;
  const [[startLine], [endLine]] = node.sourcepos;
  if (startLine === endLine) return null;
  // No pipe, no table: most paragraphs are passed over without reading their lines.
  const pipe = nextPipe(lines.starts[startLine - 1] as number);
  if (pipe === -1 || pipe > (lines.ends[endLine - 1] as number)) return null;
  const count = endLine - startLine + 1;
  const cut = gfmTableEnd(body, bodyLines(lines, startLine - 1, endLine));
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
  lines: Lines,
  [startLine, endLine]: [number, number],
  cut: number,
): RootContent[] {
  const first = lines.starts[startLine - 1] as number;
  const last = lines.ends[cut - 2] as number;
  const paragraph = (from: number, to: number): RootContent => ({
    type: "paragraph",
    children: [],
    position: lazySpan(base + from, base + trimEnd(body, from, to)),
  });
  if (cut > endLine) return [paragraph(first, last)];
  return [
    paragraph(first, last),
    paragraph(lines.starts[cut - 1] as number, lines.ends[endLine - 1] as number),
  ];
}

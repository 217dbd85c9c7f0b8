import type { Root, RootContent, Table } from "mdast";
import { findOverviewTable, findOverviewTableInRuns } from "./find-overview-table.js";
import { HeadingNode } from "./heading-node.js";
import { closerFor, parseDocument, parseSlice, startOffset } from "./markdown.js";
import { type BlockScan, scanBlocks } from "./scan-blocks.js";
import { type Block, detectShape, sectionBlocks } from "./section-scope.js";
import type { BodyShape } from "./types.js";

/**
 * How a body is read: "lines" when the line scanner was sure of its headings (only the Overview
 * table and the action items are parsed, each on its own), "document" when the whole body was
 * parsed. Both give the same blocks, table and nodes.
 */
export type StructurePath = "lines" | "document";

/** The blocks of a body, its shape and its Overview table, with its markdown parsed only on demand. */
export interface BodyStructure {
  path: StructurePath;
  shape: BodyShape;
  blocks: Block[];
  table: Table | null;
  /** The top-level nodes of a block's content (GFM task items read), offsets into the body. */
  nodesOf(block: Block): RootContent[];
}

/**
 * Reads the structure of a body: with the line scanner where it is sure, with the document parse
 * otherwise. `path: "document"` forces the document parse (tests compare the two).
 */
export function readStructure(body: string, path: "auto" | StructurePath = "auto"): BodyStructure {
  if (path !== "document") {
    const structure = readByLines(body);
    if (structure) return structure;
  }
  return readByDocument(body);
}

/** The Overview table of a body, found as `readStructure` finds it. */
export function locateOverviewTable(
  body: string,
  path: "auto" | StructurePath = "auto",
): Table | null {
  return readStructure(body, path).table;
}

/**
 * Only a `| Field | Value |` table under the Overview heading is the Overview table: the same
 * header in an alert pasted into the summary is the author's table, not the report's. The first
 * such table under the heading counts.
 */
function inOverview(blocks: readonly Block[]): (offset: number) => boolean {
  return (at) =>
    blocks.some(
      (block) =>
        block.kind === "section" &&
        block.name === "Overview" &&
        block.contentStart <= at &&
        at < block.contentEnd,
    );
}

/**
 * The shape of a body, once its Overview table is known: the blocks are split before the table is
 * looked for (under the Overview heading). A body with the table is a filled report, even when all
 * its headings are level 3 like the form's (the form has no table): its blocks are split again.
 */
function withTable(shape: BodyShape, table: Table | null): BodyShape {
  return table ? "canonical" : shape === "form" ? shape : "freeform";
}

function readByLines(body: string): BodyStructure | null {
  const scan = scanBlocks(body);
  if (!scan) return null;
  const opened = detectShape(scan.headings, scan.opensWithHeading, false);
  let blocks = blocksOf(body, scan, opened);
  const table = findOverviewTableInRuns(body, scan.runs, inOverview(blocks));
  if (table === undefined) return null;
  const shape = withTable(opened, table);
  if (shape !== opened) blocks = blocksOf(body, scan, shape);
  return {
    path: "lines",
    shape,
    table,
    blocks,
    nodesOf: sliceNodes(body),
  };
}

/**
 * How the line scanner's reading parses a block: a block's content starts after a top-level
 * heading and ends at the next one (or the end of the body), so the parser reads the slice as it
 * reads that part of the whole body.
 */
export function sliceNodes(body: string): (block: Block) => RootContent[] {
  return (block) => parseSlice(body, block.contentStart, block.contentEnd).children;
}

/** The blocks the scanned headings start, in a body of that shape. */
function blocksOf(body: string, scan: BlockScan, shape: BodyShape): Block[] {
  const { blocks } = sectionBlocks(scan.headings, shape, body.length);
  (blocks[blocks.length - 1] as Block).closer = scan.openAtEnd;
  return blocks;
}

function readByDocument(body: string): BodyStructure {
  const root = parseDocument(body);
  const headings = documentHeadings(root);
  const opened = detectShape(headings, root.children[0]?.type === "heading", false);
  const first = documentBlocks(body, root, headings, opened);
  const table = findOverviewTable(body, root, inOverview(first));
  const shape = withTable(opened, table);
  const blocks = shape === opened ? first : documentBlocks(body, root, headings, shape);
  return {
    path: "document",
    shape,
    table,
    blocks,
    nodesOf: (block) => nodesBetween(root.children, block.contentStart, block.contentEnd),
  };
}

/** The document's top-level headings (`parseBlocks` gives each its title and the line after it). */
function documentHeadings(root: Root): HeadingNode[] {
  const headings: HeadingNode[] = [];
  for (const node of root.children) if (node instanceof HeadingNode) headings.push(node);
  return headings;
}

/**
 * The blocks the document's top-level headings start, in a body of that shape. A block's content
 * runs from the line after its heading to the next block's heading, as the line scanner reads it:
 * a link reference definition (no node of its own) is content too. Its closer is the one its last
 * node leaves open.
 */
function documentBlocks(
  body: string,
  root: Root,
  headings: readonly HeadingNode[],
  shape: BodyShape,
): Block[] {
  const { blocks, starts } = sectionBlocks(headings, shape, body.length);
  const nodes = root.children;
  // A block's content is the nodes after its heading's node, up to the next block's heading.
  let first = 0;
  for (let index = 0; index < blocks.length; index += 1) {
    const next = starts[index];
    const heading = next === undefined ? undefined : headings[next];
    let end = first;
    while (end < nodes.length && nodes[end] !== heading) end += 1;
    if (end > first) (blocks[index] as Block).closer = closerFor(body, nodes[end - 1]);
    first = end + 1;
  }
  return blocks;
}

/**
 * The top-level nodes that start from `start` to before `end`, found by binary search: the
 * document's nodes are in order, and a block's content holds every node from the line after its
 * heading to the next block's heading.
 */
function nodesBetween(nodes: readonly RootContent[], start: number, end: number): RootContent[] {
  const first = firstAtOrAfter(nodes, start);
  return nodes.slice(first, firstAtOrAfter(nodes, end, first));
}

function firstAtOrAfter(nodes: readonly RootContent[], offset: number, from = 0): number {
  let low = from;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (startOffset(nodes[middle] as RootContent) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

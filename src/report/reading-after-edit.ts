/**
 * Whether an edit can change what the intake derives from a report, told without reading the
 * report again: most edits of a filled report change its prose (the summary, the timeline, the
 * retrospective) or the wording of an action item, and the intake derives nothing from prose but
 * whether the summary is empty, and nothing from action items but how many are done and which are
 * not task items (README, "What an edit costs in CPU").
 */
import { isSummary, summaryContent } from "./collect-sections.js";
import { commentUnderTable } from "./hidden-by-comment.js";
import { isEmptyContent } from "./markdown.js";
import { ACTION_ITEMS_FIELD, parseActionItems } from "./parse-action-items.js";
import { sliceNodes } from "./read-structure.js";
import { actionItemProgress } from "./render-derived.js";
import { type BlockScan, scanBlocks } from "./scan-blocks.js";
import type { Block } from "./section-scope.js";
import type { ParsedReport } from "./types.js";

/**
 * A filled report's body and its blocks, as the line scanner read them: what an edit of it is
 * compared with.
 */
export interface KeptReading {
  body: string;
  blocks: readonly Block[];
  /** What the plan reads of the action items: the Overview's progress row and their problems. */
  items: ItemsRead;
}

interface ItemsRead {
  progress: string;
  /** The problems the action items raise, as JSON. */
  problems: string;
}

/** Action items sections longer than this, together, are read with the rest of the body. */
const MAX_ITEMS_CHARACTERS = 8_192;

/** More blocks than any report has: such a body is read in full, and no reading of it is kept. */
const MAX_KEPT_BLOCKS = 200;

/**
 * What to keep of a report's reading for its next edit, or null when an edit of it is always read
 * in full: only a canonical report whose structure the line scanner read, with its action items
 * under their heading (without one, a task item anywhere is one), with a heading of another level
 * than 3 (a body of level-3 headings alone could read as a form when its first line changes),
 * without an HTML comment right under its Overview table (the rows counted after it may run into
 * the next blocks), and with at most `MAX_KEPT_BLOCKS` blocks (a reading is kept in memory).
 */
export function keptReading(parsed: ParsedReport): KeptReading | null {
  const { shape, actionItemSource, layout } = parsed;
  if (shape !== "canonical" || layout.path !== "lines" || actionItemSource !== "heading") {
    return null;
  }
  if (layout.blocks.length > MAX_KEPT_BLOCKS) return null;
  if (!layout.blocks.some((block) => block.kind !== "preamble" && block.depth !== 3)) return null;
  if (commentUnderTable(layout.body, layout.table)) return null;
  const items = {
    progress: actionItemProgress(parsed.actionItems),
    problems: JSON.stringify(
      parsed.problems.filter((problem) => problem.field === ACTION_ITEMS_FIELD),
    ),
  };
  return { body: layout.body, blocks: layout.blocks, items };
}

/**
 * The reading of `body`, an edit of `prior.body`, when the edit cannot change anything the intake
 * derives (labels, derived rows, problems), or null when it may and the body must be read in full.
 *
 * It cannot when all it changed lies in the content of one block (the text before the first
 * heading, a section other than Overview, or a heading the report does not know; never a field's),
 * when the block's new text, scanned from its heading as the scanner reads the whole body, holds no
 * heading of its own and leaves nothing open at its end, and when what the intake reads of that
 * block stays as it was: for the summary, whether it is empty; for the action items, how many are
 * done of how many (the Overview's derived row) and the problem naming items that are no task
 * items. The scanner's state after a heading line does not depend on what came before it, and the
 * heading after the block starts its line as before: every other block reads as it did, shifted by
 * the change in length.
 */
export function readingAfterEdit(prior: KeptReading, body: string): KeptReading | null {
  const before = prior.body;
  const { start, endBefore } = changedSpan(before, body);
  const index = prior.blocks.findIndex(
    (block) => block.contentStart <= start && endBefore <= block.contentEnd,
  );
  const block = prior.blocks[index];
  if (!block || !mayCarryOver(block) || block.closer !== "") return null;
  const delta = body.length - before.length;
  const end = block.contentEnd + delta;
  if (end < body.length && !isLineEnd(body.charCodeAt(end - 1))) return null;
  const scan = scanBlocks(body.slice(block.start, end));
  if (scan?.openAtEnd !== "") return null;
  if (!sameHeading(block, scan.headings)) return null;
  const blocks = shifted(prior.blocks, index, delta);
  const after = { body, blocks, items: prior.items };
  if (isSummary(block) && summaryEmpty(prior) !== summaryEmpty(after)) return null;
  if (isActionItems(block) && !itemsAlike(prior.items, after)) return null;
  return after;
}

/**
 * True when the scanned text of a block holds its own heading, on the same line as before (its
 * title and level, and its line ending, where the content starts), and no other: an edit at the end
 * of a body that ends in a heading changes the heading's line.
 */
function sameHeading(block: Block, headings: BlockScan["headings"]): boolean {
  if (block.kind === "preamble") return headings.length === 0;
  const [heading] = headings;
  return (
    headings.length === 1 &&
    heading !== undefined &&
    heading.start === 0 &&
    heading.next === block.contentStart - block.start &&
    heading.depth === block.depth &&
    heading.title === block.title
  );
}

/**
 * True for a block an edit may be carried over in: not the Overview and not a field (the Action
 * items' derived row and problems are compared in `itemsAlike`).
 */
function mayCarryOver(block: Block): boolean {
  if (block.kind === "preamble" || block.kind === "unknown") return true;
  return block.kind === "section" && block.name !== "Overview";
}

function isActionItems(block: Block): boolean {
  return block.kind === "section" && block.name === "Action items";
}

function summaryEmpty({ body, blocks }: Pick<KeptReading, "body" | "blocks">): boolean {
  return isEmptyContent(summaryContent(body, blocks));
}

/**
 * True when the edited body's action items count as those before did in the Overview's derived
 * row and raise the same problems: its Action items sections read alone, as the line scanner's
 * reading reads them (none of more than `MAX_ITEMS_CHARACTERS`: those are read in full).
 */
function itemsAlike(before: ItemsRead, { body, blocks }: KeptReading): boolean {
  let length = 0;
  for (const block of blocks) {
    if (isActionItems(block)) length += block.contentEnd - block.contentStart;
  }
  if (length > MAX_ITEMS_CHARACTERS) return false;
  const read = parseActionItems(body, {
    path: "lines",
    shape: "canonical",
    blocks: blocks as Block[],
    table: null,
    nodesOf: sliceNodes(body),
  });
  return (
    actionItemProgress(read.items) === before.progress &&
    JSON.stringify(read.problems) === before.problems
  );
}

/**
 * Where two texts differ: from `start` (the length of their common beginning) to `endBefore` in
 * `before`, the rest of both being their common end (never overlapping the beginning).
 */
function changedSpan(before: string, after: string): { start: number; endBefore: number } {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let same = 0;
  while (
    same < shorter - start &&
    before.charCodeAt(before.length - 1 - same) === after.charCodeAt(after.length - 1 - same)
  ) {
    same += 1;
  }
  return { start, endBefore: before.length - same };
}

function isLineEnd(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/** The blocks with the one at `index` longer by `delta`, and those after it moved by as much. */
function shifted(blocks: readonly Block[], index: number, delta: number): readonly Block[] {
  if (delta === 0) return blocks;
  return blocks.map((block, at) => {
    if (at < index) return block;
    if (at === index) return { ...block, contentEnd: block.contentEnd + delta };
    return {
      ...block,
      start: block.start + delta,
      contentStart: block.contentStart + delta,
      contentEnd: block.contentEnd + delta,
    };
  });
}

/**
 * The sections of a body and how far each reaches: which top-level headings start a block (a
 * field, a section, or a heading the report does not know) and which are part of the block above
 * them. A section runs to the next heading of the same or a higher level, as GitHub shows it; a
 * form-shaped body (all level-3 headings) keeps unknown headings inside the answer above them.
 */
import { metaFieldNamed, type SectionName, sectionNamed } from "./field-names.js";
import { normalizeNewlines } from "./markdown.js";
import { SUB_SECTIONS } from "./section-hints.js";
import type { BodyShape, MetaField } from "./types.js";

/** What the splitting needs to know of a top-level heading, and where it lies. */
export interface HeadingFacts {
  depth: number;
  /** The heading's text without markup, trimmed. */
  title: string;
  /** Offset of the heading. */
  start: number;
  /** Offset of the line after it (after its line ending), or the body's length. */
  next: number;
}

/**
 * Where a block lies in the body. The content is the markdown under the heading up to the next
 * heading that starts a block; it may carry blank lines at either end.
 */
interface BlockRange {
  /** Offset of the block's heading (0 for the preamble). */
  start: number;
  contentStart: number;
  contentEnd: number;
  /**
   * The marker that closes a fenced code block or HTML comment the content ends in (one that runs
   * to the end of the body), or "" (see `closerFor`).
   */
  closer: string;
}

/** The text before the first heading, or a heading and what follows it up to the next block. */
export type Block =
  | ({ kind: "preamble" } & BlockRange)
  | ({ kind: "meta"; field: MetaField; depth: number; title: string } & BlockRange)
  | ({ kind: "section"; name: SectionName; depth: number; title: string } & BlockRange)
  | ({ kind: "unknown"; depth: number; title: string } & BlockRange);

/**
 * A body shaped like a rendered issue form opens with a level-3 heading and has no heading of
 * another level: there, a heading that names no field is part of the answer above it. Any other
 * body is "canonical" when it has an Overview table, "freeform" otherwise.
 */
export function detectShape(
  headings: readonly HeadingFacts[],
  opensWithHeading: boolean,
  hasOverviewTable: boolean,
): BodyShape {
  if (opensWithHeading && headings[0]?.depth === 3 && headings.every((h) => h.depth === 3)) {
    return "form";
  }
  return hasOverviewTable ? "canonical" : "freeform";
}

/**
 * The blocks of a body of `length` characters, from the preamble on, and which heading starts
 * each block after the preamble (`starts[i]` is the index in `headings` of `blocks[i + 1]`'s).
 * Each block's content runs from the line after its heading to the next block's heading; its
 * closer is left "". A section's scope runs to the next heading of the same or a higher level, as
 * GitHub's renderer shows it: under a section's heading, a deeper heading is part of it
 * (`### Follow-ups` under `## Action items`), except Retrospective's own parts; the Overview holds
 * only its table and takes in no known section. Elsewhere, headings that name a field or a
 * section start a block; other headings start one only outside a form-shaped body, and only when
 * they are not deeper than the heading of the block they are in.
 */
export function sectionBlocks(
  headings: readonly HeadingFacts[],
  shape: BodyShape,
  length: number,
): { blocks: Block[]; starts: number[] } {
  let current: Block = {
    kind: "preamble",
    start: 0,
    contentStart: 0,
    contentEnd: length,
    closer: "",
  };
  const blocks: Block[] = [current];
  // Indexes, not objects: a body of 32,768 headings made an object a heading a stall in the
  // garbage collector (README, "No input stalls the app").
  const starts: number[] = [];
  // A title is looked up once: a body of thousands of headings repeats a few titles.
  const names = new Map<string, Names>();
  for (let index = 0; index < headings.length; index += 1) {
    const heading = headings[index] as HeadingFacts;
    let named = names.get(heading.title);
    if (!named) {
      named = { field: metaFieldNamed(heading.title), section: sectionNamed(heading.title) };
      names.set(heading.title, named);
    }
    if (within(heading, named.section, current)) continue;
    const block = blockFor(heading, named, current, shape, length);
    if (!block) continue;
    current.contentEnd = heading.start;
    blocks.push(block);
    starts.push(index);
    current = block;
  }
  return { blocks, starts };
}

/** True when a heading is deeper than the section it is under and is not one of its parts. */
function within(heading: HeadingFacts, name: SectionName | null, current: Block): boolean {
  if (current.kind !== "section" || current.name === "Overview") return false;
  if (heading.depth <= current.depth) return false;
  return !(current.name === "Retrospective" && name !== null && SUB_SECTIONS.includes(name));
}

/** The meta field and the section a heading's title names. */
interface Names {
  field: MetaField | null;
  section: SectionName | null;
}

/**
 * The block a heading starts, if it starts one, its content running to the end of the body (and
 * its closer ""). Each kind is written out as a literal: V8 builds a spread or an `Object.assign`
 * many times slower, which a body of 32,768 headings turned into a stall.
 */
function blockFor(
  { depth, title, start, next }: HeadingFacts,
  { field, section }: Names,
  current: Block,
  shape: BodyShape,
  contentEnd: number,
): Block | null {
  const closer = "";
  const contentStart = next;
  if (field) return { kind: "meta", field, depth, title, start, contentStart, contentEnd, closer };
  if (section) {
    const name = section;
    return { kind: "section", name, depth, title, start, contentStart, contentEnd, closer };
  }
  if (shape === "form") return null;
  if (current.kind !== "preamble" && depth > current.depth) return null;
  return { kind: "unknown", depth, title, start, contentStart, contentEnd, closer };
}

/** The markdown of a block's content, `\n` line endings, trimmed. */
export function blockText(body: string, block: Block): string {
  return normalizeNewlines(body.slice(block.contentStart, block.contentEnd)).trim();
}

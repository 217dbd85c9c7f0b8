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

/** What the splitting needs to know of a top-level heading. */
export interface HeadingFacts {
  depth: number;
  /** The heading's text without markup, trimmed. */
  title: string;
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

/** A block without its place in the body. */
export type BlockHead =
  | { kind: "preamble" }
  | { kind: "meta"; field: MetaField; depth: number; title: string }
  | { kind: "section"; name: SectionName; depth: number; title: string }
  | { kind: "unknown"; depth: number; title: string };

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
 * Which top-level headings start a block, in order, each with the block it starts. A section's
 * scope runs to the next heading of the same or a higher level, as GitHub's renderer shows it:
 * under a section's heading, a deeper heading is part of it (`### Follow-ups` under
 * `## Action items`), except Retrospective's own parts; the Overview holds only its table and
 * takes in no known section. Elsewhere, headings that name a field or a
 * section start a block; other headings start one only outside a form-shaped body, and only when
 * they are not deeper than the heading of the block they are in.
 */
export function blockHeadings<H extends HeadingFacts>(
  headings: readonly H[],
  shape: BodyShape,
): { heading: H; head: Exclude<BlockHead, { kind: "preamble" }> }[] {
  const starts: { heading: H; head: Exclude<BlockHead, { kind: "preamble" }> }[] = [];
  let current: Exclude<BlockHead, { kind: "preamble" }> | null = null;
  // A title is looked up once: a body of thousands of headings repeats a few titles.
  const names = new Map<string, Names>();
  for (const heading of headings) {
    let named = names.get(heading.title);
    if (!named) {
      named = { field: metaFieldNamed(heading.title), section: sectionNamed(heading.title) };
      names.set(heading.title, named);
    }
    const head: BlockHead | null =
      current && within(heading, named.section, current)
        ? null
        : blockFor(heading, named, current, shape);
    if (!head) continue;
    starts.push({ heading, head });
    current = head;
  }
  return starts;
}

/** True when a heading is deeper than the section it is under and is not one of its parts. */
function within(
  heading: HeadingFacts,
  name: SectionName | null,
  current: Exclude<BlockHead, { kind: "preamble" }>,
): boolean {
  if (current.kind !== "section" || current.name === "Overview") return false;
  if (heading.depth <= current.depth) return false;
  return !(
    current.kind === "section" &&
    current.name === "Retrospective" &&
    name !== null &&
    SUB_SECTIONS.includes(name)
  );
}

/** The meta field and the section a heading's title names. */
interface Names {
  field: MetaField | null;
  section: SectionName | null;
}

function blockFor(
  heading: HeadingFacts,
  { field, section }: Names,
  current: Exclude<BlockHead, { kind: "preamble" }> | null,
  shape: BodyShape,
): Exclude<BlockHead, { kind: "preamble" }> | null {
  const { depth, title } = heading;
  if (field) return { kind: "meta", field, depth, title };
  if (section) return { kind: "section", name: section, depth, title };
  if (shape === "form") return null;
  if (current !== null && depth > current.depth) return null;
  return { kind: "unknown", depth, title };
}

/**
 * The block a heading starts, placed in the body (its closer still ""). Each kind is written out as
 * a literal: V8 builds a spread or an `Object.assign` of the head many times slower, which a body
 * of 32,768 headings turned into a stall (README, "No input stalls the app").
 */
export function placeBlock(
  head: Exclude<BlockHead, { kind: "preamble" }>,
  start: number,
  contentStart: number,
  contentEnd: number,
): Block {
  const closer = "";
  switch (head.kind) {
    case "meta": {
      const { field, depth, title } = head;
      return { kind: "meta", field, depth, title, start, contentStart, contentEnd, closer };
    }
    case "section": {
      const { name, depth, title } = head;
      return { kind: "section", name, depth, title, start, contentStart, contentEnd, closer };
    }
    case "unknown": {
      const { depth, title } = head;
      return { kind: "unknown", depth, title, start, contentStart, contentEnd, closer };
    }
  }
}

/** The markdown of a block's content, `\n` line endings, trimmed. */
export function blockText(body: string, block: Block): string {
  return normalizeNewlines(body.slice(block.contentStart, block.contentEnd)).trim();
}

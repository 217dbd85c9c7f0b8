import type { Heading, Root, RootContent } from "mdast";
import { metaFieldNamed, type SectionName, sectionNamed } from "./field-names.js";
import { plainText } from "./markdown.js";
import type { BodyShape, MetaField } from "./types.js";

/** A heading and the top-level nodes under it, up to the next heading that ends it. */
export type Block =
  | { kind: "preamble"; nodes: RootContent[] }
  | { kind: "meta"; field: MetaField; heading: Heading; title: string; nodes: RootContent[] }
  | { kind: "section"; name: SectionName; heading: Heading; title: string; nodes: RootContent[] }
  | { kind: "unknown"; heading: Heading; title: string; nodes: RootContent[] };

type HeadedBlock = Exclude<Block, { kind: "preamble" }>;

/**
 * A body shaped like a rendered issue form opens with a level-3 heading and has no heading of
 * another level: there, a heading that names no field is part of the answer above it.
 */
export function detectShape(root: Root, hasOverviewTable: boolean): BodyShape {
  const headings = root.children.filter((node): node is Heading => node.type === "heading");
  const first = root.children[0];
  if (first?.type === "heading" && first.depth === 3 && headings.every((h) => h.depth === 3)) {
    return "form";
  }
  return hasOverviewTable ? "canonical" : "freeform";
}

/**
 * Splits the top-level nodes into blocks. Headings that name a field or a section always start
 * a block. Other headings start one only outside a form-shaped body, and only when they are not
 * deeper than the heading of the block they are in.
 */
export function splitBlocks(root: Root, shape: BodyShape): Block[] {
  const blocks: Block[] = [{ kind: "preamble", nodes: [] }];
  let current: Block = blocks[0] as Block;
  for (const node of root.children) {
    if (node.type === "heading") {
      const next = blockFor(node, current, shape);
      if (next) {
        blocks.push(next);
        current = next;
        continue;
      }
    }
    current.nodes.push(node);
  }
  return blocks;
}

function blockFor(heading: Heading, current: Block, shape: BodyShape): HeadedBlock | null {
  const title = plainText(heading).trim();
  const field = metaFieldNamed(title);
  if (field) return { kind: "meta", field, heading, title, nodes: [] };
  const section = sectionNamed(title);
  if (section) return { kind: "section", name: section, heading, title, nodes: [] };
  if (shape === "form") return null;
  if (current.kind !== "preamble" && heading.depth > current.heading.depth) return null;
  return { kind: "unknown", heading, title, nodes: [] };
}

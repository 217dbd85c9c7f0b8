import type { Table } from "mdast";
import { SECTION_ORDER, type SectionName } from "./field-names.js";
import { isAppPlaceholder, isEmptyContent, normalizeNewlines } from "./markdown.js";
import { type Block, blockText } from "./section-scope.js";
import type { Section } from "./types.js";

/**
 * The sections of the body, known ones in canonical order (each once, with the content of every
 * block of that name joined), then unknown ones in the order written. Text before the first
 * heading belongs to the summary.
 */
export function collectSections(
  body: string,
  blocks: readonly Block[],
  table: Table | null,
): Section[] {
  const contents = new Map<string, string[]>();
  const add = (name: string, text: string): void => {
    // Only the form's and the app's placeholders go: an author's comment is kept.
    if (isAppPlaceholder(text)) return;
    const texts = contents.get(name);
    if (texts) texts.push(text);
    else contents.set(name, [text]);
  };
  // A Set, not an array's `includes`: 10,000 headings of different titles made that quadratic.
  const unknown = new Set<string>();
  for (const block of blocks) {
    const text = sectionText(body, block);
    if (block.kind === "section" && block.name === "Overview")
      add("Overview", besideTable(body, block, table));
    else if (block.kind === "preamble") add("Summary", text);
    else if (block.kind === "section") add(block.name, text);
    else if (block.kind === "unknown") {
      unknown.add(block.title);
      add(`unknown:${block.title}`, text);
    }
  }
  const section = (name: string, known: boolean, key: string): Section => {
    const content = (contents.get(key) ?? []).join("\n\n");
    return { name, known, content, empty: isEmptyContent(content) };
  };
  const known = SECTION_ORDER.map((name) => section(name, true, name));
  const others = [...unknown].map((title) => section(title, false, `unknown:${title}`));
  return [...known, ...others];
}

/**
 * The content of one known section as `collectSections` gives it (every block of that name, the
 * app's placeholders left out), for a reader that needs that section alone. Not for Summary or
 * Overview, whose content `collectSections` gathers from more than their blocks.
 */
export function knownSectionContent(
  body: string,
  blocks: readonly Block[],
  name: Exclude<SectionName, "Summary" | "Overview">,
): string {
  return joinedContent(body, blocks, (block) => block.kind === "section" && block.name === name);
}

/** The Summary's content as `collectSections` gives it: the text before the first heading, then every Summary block. */
export function summaryContent(body: string, blocks: readonly Block[]): string {
  return joinedContent(body, blocks, isSummary);
}

/** True for a block whose text is the Summary's: the text before the first heading, or a Summary section. */
export function isSummary(block: Block): boolean {
  return block.kind === "preamble" || (block.kind === "section" && block.name === "Summary");
}

/** The texts of the blocks `belongs` picks, the app's placeholders left out, joined as `collectSections` joins them. */
function joinedContent(
  body: string,
  blocks: readonly Block[],
  belongs: (block: Block) => boolean,
): string {
  const texts: string[] = [];
  for (const block of blocks) {
    if (!belongs(block)) continue;
    const text = sectionText(body, block);
    if (!isAppPlaceholder(text)) texts.push(text);
  }
  return texts.join("\n\n");
}

/** A block's text, an open fence or HTML block at its end closed. */
function sectionText(body: string, block: Block): string {
  return blockText(body, block) + closing(block.closer);
}

/** What the author wrote under the Overview heading besides the Overview table (kept below the table). */
function besideTable(body: string, block: Block, table: Table | null): string {
  const text = blockText(body, block) + closing(block.closer);
  if (!table) return text;
  const start = table.position?.start.offset ?? -1;
  const end = table.position?.end.offset ?? -1;
  if (start < block.contentStart || end > block.contentEnd) return text;
  const before = normalizeNewlines(body.slice(block.contentStart, start)).trim();
  const after = normalizeNewlines(body.slice(end, block.contentEnd)).trim() + closing(block.closer);
  return [before, after.trim()].filter((part) => part !== "").join("\n\n");
}

/** An open fence or HTML block at the end of a section is closed, so it cannot swallow the next section. */
function closing(closer: string): string {
  return closer === "" ? "" : `\n${closer}`;
}

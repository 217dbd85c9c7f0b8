import { SECTION_ORDER, type SectionName } from "./field-names.js";
import type { Additions } from "./render-form-report.js";
import { renderOverviewTable } from "./render-overview.js";
import { emptySectionBody, SUB_SECTIONS } from "./section-hints.js";
import type { Block } from "./section-scope.js";
import type { MetaField, ParsedReport } from "./types.js";
import { updateDerivedRows } from "./update-derived-rows.js";

/**
 * Fills a body that was not written with the issue form without moving a line of it: an Overview
 * table (values found, derived rows) goes in at the top (under the author's own `Overview` heading
 * or level-1 title when there is one), an existing one only has its derived rows brought up to
 * date, and the sections the report lacks are appended at the end (unless `additions` says not
 * to). Every line the author wrote stays, verbatim and in order.
 */
export function fillInPlace(parsed: ParsedReport, additions: Additions): string {
  const { body, blocks } = parsed.layout;
  let filled = body;
  // The Summary heading given to text before the first heading (then not appended again).
  let summaryAdded = false;
  if (parsed.layout.table) {
    filled = updateDerivedRows(body, parsed)?.body ?? body;
  } else {
    const verbatim = new Set<MetaField>();
    for (const block of blocks) if (block.kind === "meta") verbatim.add(block.field);
    const table = renderOverviewTable(parsed, verbatim).join("\n");
    const overview = blocks.find((block) => block.kind === "section" && block.name === "Overview");
    const title = blocks[1]?.kind === "unknown" && blocks[1].depth === 1 ? blocks[1] : null;
    const preambleBlank = blocks[0] ? body.slice(0, blocks[0].contentEnd).trim() === "" : true;
    if (overview) filled = insertAt(body, overview.contentStart, `\n${table}\n`);
    else if (title && preambleBlank) {
      filled = insertAt(body, title.contentStart, `\n## Overview\n\n${table}\n`);
    } else {
      // Text before the first heading is the summary: it gets the heading that keeps it one.
      const summary = preambleBlank ? "" : `${summaryLevel(blocks[1])} Summary\n\n`;
      summaryAdded = summary !== "";
      filled = `## Overview\n\n${table}\n\n${summary}${body}`;
    }
  }
  // A body that ends in an open fence or comment would swallow what is appended (and closing it
  // would change the author's last answer): nothing is appended then.
  if (!additions.emptySections || closerOf(parsed) !== "") return filled;
  const missing = missingSections(parsed).filter((name) => !(summaryAdded && name === "Summary"));
  if (missing.length === 0) return filled;
  const level = appendedLevel(blocks[blocks.length - 1]);
  const appended = missing.flatMap((name) => {
    const lines = emptySectionBody(name, additions.hints);
    const sub = SUB_SECTIONS.includes(name) && missing.includes("Retrospective");
    const heading = `${"#".repeat(sub ? level + 1 : level)} ${name}`;
    return ["", heading, ...(lines.length > 0 ? ["", ...lines] : [])];
  });
  return `${withoutTrailingBlankLines(filled)}\n${appended.join("\n")}\n`;
}

/**
 * The heading level of the Summary heading put above the author's text before their first
 * heading: level 2, or the level of that heading when it is deeper, so it does not fall into the
 * Summary's scope (a section runs to the next heading of the same or a higher level). The
 * Overview holds only its table: it takes in no known section (see `blockHeadings`).
 */
function summaryLevel(next: Block | undefined): string {
  const depth = next && next.kind !== "preamble" ? next.depth : 2;
  return "#".repeat(Math.max(2, depth));
}

/**
 * The heading level of the sections appended at the end: level 2, or level 1 when the body ends
 * in a level-1 section, which would otherwise take them in.
 */
function appendedLevel(last: Block | undefined): number {
  return last?.kind === "section" && last.depth < 2 ? last.depth : 2;
}

/** The report's sections that no heading of the body stands for, in the report's order. */
function missingSections(parsed: ParsedReport): SectionName[] {
  // One pass over the blocks, not one a section name: a body may have 32,768 of them.
  const present = new Set<SectionName>();
  for (const block of parsed.layout.blocks) if (block.kind === "section") present.add(block.name);
  return SECTION_ORDER.filter((name) => {
    if (name === "Overview" || present.has(name)) return false;
    // Task items counted from anywhere stay where they are: an Action items heading would stop them counting.
    return !(
      name === "Action items" &&
      parsed.actionItemSource === "anywhere" &&
      parsed.actionItems.length > 0
    );
  });
}

/** The marker that closes a fence or comment the body ends in, or "". */
function closerOf(parsed: ParsedReport): string {
  return parsed.layout.blocks[parsed.layout.blocks.length - 1]?.closer ?? "";
}

/** Inserts lines at a line start, with a blank line after them unless the body has one there. */
function insertAt(body: string, offset: number, text: string): string {
  const before = body.slice(0, offset);
  const after = body.slice(offset);
  const newline = before === "" || /[\r\n]$/.test(before) ? "" : "\n";
  const blank = after === "" || /^[ \t]*(?:\r?\n|\r)/.test(after) ? "" : "\n";
  return `${before}${newline}${text}${blank}${after}`;
}

/** The body up to the end of its last line that is not blank (its trailing spaces kept). */
function withoutTrailingBlankLines(body: string): string {
  let last = body.length;
  while (last > 0 && /\s/.test(body.charAt(last - 1))) last -= 1;
  let end = last;
  while (end < body.length && body.charAt(end) !== "\n" && body.charAt(end) !== "\r") end += 1;
  return body.slice(0, end);
}

import { SECTION_ORDER } from "./field-names.js";
import { renderOverviewTable } from "./render-overview.js";
import { emptySectionBody, SUB_SECTIONS } from "./section-hints.js";
import type { ParsedReport } from "./types.js";

/** What the app may add of its own: hints in empty sections, and the empty sections themselves. */
export interface Additions {
  hints: boolean;
  emptySections: boolean;
}

/**
 * The canonical report for a body written with the issue form: every answer carried into the
 * Overview table and the sections, in the report's order, derived rows computed; text that maps to
 * no field stays under the heading it came from.
 */
export function renderFormReport(parsed: ParsedReport, additions: Additions): string {
  const out: string[] = ["## Overview", "", ...renderOverviewTable(parsed)];
  const content = new Map(parsed.sections.map((section) => [section.name, section.content]));
  // What the author wrote under the Overview heading besides the table stays under it.
  const overview = content.get("Overview") ?? "";
  if (overview) out.push("", overview);
  for (const name of SECTION_ORDER) {
    if (name === "Overview") continue;
    // Task items counted from anywhere in a body without an action-items heading stay where the
    // author wrote them; an empty heading would stop them counting.
    if (
      name === "Action items" &&
      parsed.actionItemSource === "anywhere" &&
      parsed.actionItems.length > 0
    )
      continue;
    const text = content.get(name) ?? "";
    const hasSubSections = name === "Retrospective" && SUB_SECTIONS.some((sub) => content.get(sub));
    if (!text && !additions.emptySections && !hasSubSections) continue;
    out.push("", `${SUB_SECTIONS.includes(name) ? "###" : "##"} ${name}`);
    const lines = text ? [text] : emptySectionBody(name, additions.hints);
    if (lines.length > 0) out.push("", ...lines);
  }
  for (const section of parsed.sections.filter((s) => !s.known)) {
    out.push("", `## ${section.name}`);
    if (section.content) out.push("", section.content);
  }
  return `${out.join("\n")}\n`;
}

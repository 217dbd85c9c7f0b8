import type { SectionName } from "./field-names.js";

/** Hints shown (as HTML comments, invisible on GitHub) in sections nobody has written yet. */
export const HINTS: Partial<Record<SectionName, string>> = {
  Summary: "What happened and who was affected, in words a non-engineer reads.",
  Timeline:
    "One row per event: time (with zone), who or what was involved, what happened, and whether it helped recovery (positive / negative / neutral).",
  "Contributing factors":
    "What made this possible? There is never a single root cause; five whys welcome. How was it fixed?",
  "What went well": "Process, safeguards, tools that helped.",
  "What went poorly": "Process gaps, cascading failures, missing alerts.",
  Lessons: "At least three key learnings.",
  "Action items":
    "- [ ] @owner what (due 2026-12-01): one task item each, so the app can track them.",
  "Supporting documentation": "Links: chat logs, bug reports, dashboards, screenshots.",
};

const TIMELINE_HEADER = "| Time | Party | Event | Effect |\n| --- | --- | --- | --- |";

/** Retrospective's parts, written one level below it. */
export const SUB_SECTIONS: readonly SectionName[] = [
  "What went well",
  "What went poorly",
  "Lessons",
];

/**
 * What the app writes under an empty section: the Timeline's table header and a hint, or a hint
 * (`hints: false`: the header only, or nothing).
 */
export function emptySectionBody(name: SectionName, hints: boolean): string[] {
  const out: string[] = [];
  if (name === "Timeline") out.push(TIMELINE_HEADER);
  if (hints && name !== "Retrospective") {
    if (out.length > 0) out.push("");
    out.push(`<!-- ${HINTS[name] ?? ""} -->`);
  }
  return out;
}

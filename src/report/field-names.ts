import type { MetaField } from "./types.js";

/** The derived rows of the Overview table, in order. */
export const DERIVED_ROWS = [
  "Length",
  "Time to detect",
  "Time to acknowledge",
  "Time to mitigate",
  "Time to resolve",
  "Action items",
] as const;
export type DerivedRow = (typeof DERIVED_ROWS)[number];

/** Row names of the Overview table, and the form labels that carry the same field. */
export const META_NAMES: Record<MetaField, { row: string; form: string; aliases: string[] }> = {
  services: { row: "Services", form: "Affected services", aliases: ["service", "service(s)"] },
  type: { row: "Type", form: "Disruption type", aliases: [] },
  severity: { row: "Severity", form: "Severity", aliases: ["sev"] },
  started: { row: "Started", form: "Started at", aliases: ["start", "start time"] },
  detected: { row: "Detected", form: "Detected at", aliases: ["detection time"] },
  acknowledged: { row: "Acknowledged", form: "Acknowledged at", aliases: [] },
  mitigated: { row: "Mitigated", form: "Mitigated at", aliases: [] },
  resolved: { row: "Resolved", form: "Resolved at", aliases: ["end time", "ended"] },
  peopleInvolved: { row: "People involved", form: "People involved", aliases: ["people"] },
  incidentCommander: {
    row: "Incident commander",
    form: "Incident commander",
    aliases: ["commander"],
  },
  customerImpact: { row: "Customer impact", form: "Customer impact", aliases: [] },
};

/** The sections of the canonical report, in order, with the headings that count as each. */
export const SECTION_NAMES = {
  Overview: ["overview"],
  Summary: ["summary"],
  Timeline: ["timeline"],
  "Contributing factors": ["contributing factors", "root cause", "root causes", "analysis"],
  Retrospective: ["retrospective"],
  "What went well": ["what went well", "went well", "good"],
  "What went poorly": ["what went poorly", "went poorly", "what went wrong", "bad"],
  Lessons: ["lessons", "lessons learned", "key learnings", "learnings"],
  "Action items": [
    "action items",
    "actions",
    "follow-ups",
    "follow ups",
    "corrective actions",
    "countermeasures",
  ],
  "Supporting documentation": ["supporting documentation", "links", "supporting links"],
} as const;
export type SectionName = keyof typeof SECTION_NAMES;
export const SECTION_ORDER = Object.keys(SECTION_NAMES) as SectionName[];

export function normalizeName(text: string): string {
  // Most names have no blank and no colon: one test instead of three replacements (a body of
  // 13,000 headings, each its own title, runs this for every one).
  if (!/[\s:：]/.test(text)) return text.toLowerCase();
  return text
    .trim()
    .replace(/[:：]\s*$/, "")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

const metaByName = new Map<string, MetaField>();
for (const [field, names] of Object.entries(META_NAMES) as [
  MetaField,
  (typeof META_NAMES)[MetaField],
][]) {
  for (const name of [names.row, names.form, ...names.aliases])
    metaByName.set(normalizeName(name), field);
}
const sectionByName = new Map<string, SectionName>();
for (const name of SECTION_ORDER) {
  for (const alias of SECTION_NAMES[name]) sectionByName.set(alias, name);
}
const derivedByName = new Map<string, DerivedRow>(
  DERIVED_ROWS.map((row) => [normalizeName(row), row]),
);

/** The meta field a heading or row name stands for (case-insensitive; form labels accepted). */
export const metaFieldNamed = remembered(
  (text: string): MetaField | null => metaByName.get(normalizeName(text)) ?? null,
);

export const sectionNamed = remembered(
  (text: string): SectionName | null => sectionByName.get(normalizeName(text)) ?? null,
);

/**
 * A lookup by name with its answers kept: a set of reports writes the same few row names and
 * headings again and again (normalising them was a twentieth of reading 100,000 reports). Short
 * names only, and a bounded number, so that no body grows the memory.
 */
function remembered<T extends string | null>(lookup: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const answer = known.get(text);
    if (answer !== undefined) return answer;
    const found = lookup(text);
    if (text.length <= 100) {
      if (known.size >= 10_000) known.clear();
      known.set(text, found);
    }
    return found;
  };
}

export function derivedRowNamed(text: string): DerivedRow | null {
  return derivedByName.get(normalizeName(text)) ?? null;
}

import type { DateTime } from "luxon";
import type { Table } from "mdast";
import type { StructurePath } from "./read-structure.js";
import type { Block } from "./section-scope.js";

/** The five severity levels of the scale in docs/definitions.md. */
export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type CustomerImpact = "yes" | "no" | "unknown";

/** The time fields of a report, in the order the lifecycle passes them. */
export const TIME_FIELDS = [
  "started",
  "detected",
  "acknowledged",
  "mitigated",
  "resolved",
] as const;
export type TimeField = (typeof TIME_FIELDS)[number];

/** The meta fields a report holds, in the order the Overview table lists them. */
export const META_FIELDS = [
  "services",
  "type",
  "severity",
  ...TIME_FIELDS,
  "peopleInvolved",
  "incidentCommander",
  "customerImpact",
] as const;
export type MetaField = (typeof META_FIELDS)[number];

/** The structured data of a report, as `disruptions parse` prints it. */
export interface Report {
  services: string[];
  type: string | null;
  severity: Severity | null;
  started: string | null;
  detected: string | null;
  acknowledged: string | null;
  mitigated: string | null;
  resolved: string | null;
  peopleInvolved: string[];
  incidentCommander: string | null;
  customerImpact: CustomerImpact | null;
  summary: string | null;
}

export interface Durations {
  lengthMinutes: number | null;
  ttdMinutes: number | null;
  ttaMinutes: number | null;
  ttmMinutes: number | null;
  ttrMinutes: number | null;
}

export interface ActionItem {
  text: string;
  checked: boolean;
  dropped: boolean;
  owners: string[];
  /** `YYYY-MM-DD`, or null when the item names no due date. */
  due: string | null;
  /** Normalised references: `#123` or `owner/repo#123`. */
  references: string[];
}

export interface Problem {
  /** The field or section the problem is about, e.g. `started`, `action items`. */
  field: string;
  message: string;
}

/** The shape a body was written in. */
export type BodyShape = "form" | "canonical" | "freeform";

/** One section of the body: a heading and the markdown under it. */
export interface Section {
  /** The canonical section name (`Summary`), or the author's heading text for unknown sections. */
  name: string;
  known: boolean;
  /** The markdown under the heading, `\n` line endings, trimmed; form placeholders and hints removed. */
  content: string;
  /** True when the content says nothing yet (see `isEmptyContent`). */
  empty: boolean;
}

/** Where the action items came from: under an action-items heading, or (no such heading) anywhere. */
export type ActionItemSource = "heading" | "anywhere";

/** The result of reading a report body. Never thrown: problems are part of it. */
export interface ParsedReport {
  shape: BodyShape;
  report: Report;
  /** The same times as `report`, as luxon values, for computing. */
  times: Record<TimeField, DateTime | null>;
  durations: Durations;
  actionItems: ActionItem[];
  actionItemSource: ActionItemSource;
  /** The raw text the author wrote for each meta field that was present at all. */
  rawMeta: Partial<Record<MetaField, string>>;
  sections: Section[];
  problems: Problem[];
  /** Where things are in the body that was read, for the writers: they never read it again. */
  layout: BodyLayout;
}

/** The body a report was read from, with its Overview table and blocks (offsets into `body`). */
interface BodyLayout {
  body: string;
  /** The Overview table, or null when the body has none. */
  table: Table | null;
  /** The text before the first heading, then each heading that starts a block with what follows. */
  blocks: Block[];
  /** How the structure was read: by the line scanner, or by parsing the whole document. */
  path: StructurePath;
}

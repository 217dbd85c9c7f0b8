import type { SectionName } from "../report/field-names.js";
import type { MetaField, Severity } from "../report/types.js";

/** The report's sections a template can hold under headings of its own. */
export type MappedSection = Exclude<SectionName, "Overview" | "Retrospective">;

/**
 * Where a team's template keeps each part of a report: the `Key: value` lines, two-column table
 * rows and headings that hold each field, the headings that hold each section, the words it uses
 * for severity, and what holds when the body says nothing (README, "Bring your own template").
 */
export interface TemplateMapping {
  name: string;
  /** Keys (any case, trailing `:` or `?` ignored) that hold each field, tried in order. */
  fields: Partial<Record<MetaField, string[]>>;
  /** Keys whose value is a date (`Date: 2026-10-14`) for timeline times written as `14:05`. */
  dateKeys: string[];
  /** Keys whose values name people (roles, participants): kept out of the external summary. */
  peopleKeys: string[];
  sections: Partial<Record<MappedSection, string[]>>;
  /** Lower-case words (`p1`, `critical`) and the level each stands for. */
  severityWords: Record<string, Severity>;
  defaults: {
    severity?: Severity | undefined;
    type?: string | undefined;
    services?: string[] | undefined;
  };
  /** Started from the timeline's first row, Resolved from its last row that says so, when no key holds them. */
  timelineTimes: boolean;
  /** The highest severity the summary names (`a 1 minute SEV-1`), when no key holds one. */
  severityInSummary: boolean;
  /** Fields the issue itself holds, for issues a monitor opens and closes. */
  issue?: {
    /** The issue's title; its first group that matched is the service. */
    title: RegExp;
    /** The report label of a repository that uses this preset and sets none. */
    reportLabel: string;
  };
}

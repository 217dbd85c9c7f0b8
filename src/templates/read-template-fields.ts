import type { DateTime } from "luxon";
import { isPlaceholder } from "../report/markdown.js";
import { formatTime, parseTime } from "../report/parse-time.js";
import { readCustomerImpact, readList, readSeverity, readType } from "../report/read-values.js";
import {
  type CustomerImpact,
  type MetaField,
  SEVERITIES,
  type Severity,
  type TimeField,
} from "../report/types.js";
import { withoutTrailingNote } from "./linear-text.js";
import { readTemplateTimeline, timelineTimes } from "./read-template-timeline.js";
import { keyOf, scanTemplateBody, type TemplateBody } from "./scan-template-body.js";
import type { MappedSection, TemplateMapping } from "./template-mapping.js";

/** What the issue itself says, for a template (Upptime's) whose issues a monitor opens and closes. */
export interface IssueFacts {
  title: string;
  createdAt: string | null;
  closedAt: string | null;
}

/** Where a field's value came from: the team's text, the issue, the timeline, or the template's default. */
type FieldSource = "body" | "issue" | "timeline" | "summary" | "default";

/** The report's fields as a template holds them, each with its source; absent when not found. */
export interface TemplateReading {
  services: string[] | null;
  type: string | null;
  severity: Severity | null;
  times: Partial<Record<TimeField, DateTime>>;
  customerImpact: CustomerImpact | null;
  incidentCommander: string | null;
  /** Every name the people and role keys hold (`@alice`, `Dana Reyes`). */
  people: string[];
  /** The text found for each field (what a person wrote, or the issue's time). */
  raw: Partial<Record<MetaField, string>>;
  sources: Partial<Record<MetaField, FieldSource>>;
  /** Fields whose text was found but could not be read, with the text. */
  unreadable: Partial<Record<MetaField, string>>;
  sections: Partial<Record<MappedSection, string>>;
}

export interface TemplateReadOptions {
  timeZone: string;
  types: readonly string[];
  issue?: IssueFacts | undefined;
}

/**
 * Reads the report's fields out of a body written in a team's own template, as `mapping` says
 * where each lives. Pure; never throws.
 */
export function readTemplateFields(
  body: string,
  mapping: TemplateMapping,
  options: TemplateReadOptions,
): TemplateReading {
  const scan = scanTemplateBody(body);
  const lookup = lookupIn(scan);
  const reading: TemplateReading = {
    services: null,
    type: null,
    severity: null,
    times: {},
    customerImpact: null,
    incidentCommander: null,
    people: [],
    raw: {},
    sources: {},
    unreadable: {},
    sections: readSections(scan, mapping),
  };
  const found = (field: MetaField): string | null => {
    const value = lookup(mapping.fields[field] ?? []);
    if (value !== null) {
      reading.raw[field] = value;
      reading.sources[field] = "body";
    }
    return value;
  };
  readServices(reading, found("services"), mapping, options.issue);
  readKind(reading, found("type"), found("severity"), mapping, options.types);
  readTimes(reading, found, mapping, options, lookup(mapping.dateKeys));
  const impact = found("customerImpact");
  if (impact !== null) reading.customerImpact = customerImpactOf(impact);
  reading.incidentCommander = found("incidentCommander");
  reading.people = peopleIn(scan, mapping);
  return reading;
}

/** The first non-empty value under one of `names`: a key line or table row, else a heading's content. */
function lookupIn(scan: TemplateBody): (names: readonly string[]) => string | null {
  const pairs = new Map<string, string>();
  for (const pair of scan.pairs)
    if (pair.value !== "" && pair.value !== "_No response_" && !pairs.has(pair.key))
      pairs.set(pair.key, pair.value);
  const headings = new Map<string, string>();
  // An issue form's unanswered field (`_No response_`, `None`) says nothing.
  for (const heading of scan.headings)
    if (!isPlaceholder(heading.content) && !headings.has(heading.key))
      headings.set(heading.key, heading.content);
  return (names) => {
    for (const name of names) {
      const key = keyOf(name);
      const value = pairs.get(key) ?? headings.get(key);
      if (value !== undefined) return value;
    }
    return null;
  };
}

function readSections(
  scan: TemplateBody,
  mapping: TemplateMapping,
): Partial<Record<MappedSection, string>> {
  const sections: Partial<Record<MappedSection, string>> = {};
  for (const [section, names] of Object.entries(mapping.sections) as [MappedSection, string[]][]) {
    const keys = names.map(keyOf);
    const heading = keys
      .map((key) => scan.headings.find((h) => h.key === key && !isPlaceholder(h.content)))
      .find((h) => h !== undefined);
    if (heading) sections[section] = heading.content;
  }
  if (!sections.Summary) {
    // Text before the first heading that is not a `Key: value` line is the summary (002's
    // "[Short description of what the problem was]").
    const prose = scan.preamble
      .split("\n")
      .filter((line) => !/^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*[^:.!?]{1,40}[:：]/.test(line))
      .join("\n")
      .trim();
    if (prose !== "") sections.Summary = prose;
  }
  return sections;
}

function readServices(
  reading: TemplateReading,
  text: string | null,
  mapping: TemplateMapping,
  issue: IssueFacts | undefined,
): void {
  if (text !== null) {
    reading.services = readList(text);
    return;
  }
  const match = issue && mapping.issue ? mapping.issue.title.exec(issue.title) : null;
  const fromTitle = match?.slice(1).find((group) => group !== undefined);
  if (fromTitle) {
    reading.services = [fromTitle];
    reading.raw.services = fromTitle;
    reading.sources.services = "issue";
  } else if (mapping.defaults.services?.length) {
    reading.services = [...mapping.defaults.services];
    reading.raw.services = mapping.defaults.services.join(", ");
    reading.sources.services = "default";
  }
}

function readKind(
  reading: TemplateReading,
  typeText: string | null,
  severityText: string | null,
  mapping: TemplateMapping,
  types: readonly string[],
): void {
  if (typeText !== null) {
    reading.type = readType(typeText, types);
    if (!reading.type) reading.unreadable.type = typeText;
  } else if (mapping.defaults.type) {
    reading.type = readType(mapping.defaults.type, types);
    reading.raw.type = mapping.defaults.type;
    reading.sources.type = "default";
  }
  if (severityText !== null) {
    reading.severity = severityOf(severityText, mapping.severityWords);
    if (!reading.severity) reading.unreadable.severity = severityText;
    return;
  }
  const named = mapping.severityInSummary ? highestNamed(reading.sections.Summary ?? "") : null;
  const fallback = named ?? mapping.defaults.severity ?? null;
  if (fallback) {
    reading.severity = fallback;
    reading.raw.severity = fallback;
    reading.sources.severity = named ? "summary" : "default";
  }
}

/**
 * A severity as the team writes it: `SEV2`, or one of its words (`P1`, `Critical`, `major
 * outage`: the first word counts).
 *
 * @example severityOf("P1 - all hands", { p1: "SEV1" }) // "SEV1"
 */
function severityOf(text: string, words: Record<string, Severity>): Severity | null {
  const sev = readSeverity(text);
  if (sev) return sev;
  const lower = text.trim().toLowerCase();
  const first = /^[\p{L}\p{N}_-]+/u.exec(lower)?.[0] ?? "";
  return words[lower] ?? words[first] ?? null;
}

/** The highest level a text names as `SEV-1`, `SEV 2`, `sev3`. */
function highestNamed(text: string): Severity | null {
  let best = 6;
  for (const match of text.matchAll(/\bsev[\s_-]?([1-5])\b/gi))
    best = Math.min(best, Number(match[1]));
  return SEVERITIES[best - 1] ?? null;
}

const KEYED_TIMES: readonly TimeField[] = [
  "started",
  "detected",
  "acknowledged",
  "mitigated",
  "resolved",
];

/**
 * Each time from its key; then, for what no key holds, the issue's own times (a monitor's
 * issue: opened when the site went down, closed when it came back) or the timeline.
 */
function readTimes(
  reading: TemplateReading,
  found: (field: MetaField) => string | null,
  mapping: TemplateMapping,
  options: TemplateReadOptions,
  date: string | null,
): void {
  for (const field of KEYED_TIMES) {
    const text = found(field);
    if (text === null) continue;
    const time = parseTime(text, options.timeZone);
    if (time.ok) reading.times[field] = time.time;
    else reading.unreadable[field] = text;
  }
  const put = (field: TimeField, time: DateTime | null, source: FieldSource): void => {
    if (!time || reading.sources[field]) return;
    reading.times[field] = time;
    reading.raw[field] = formatTime(time);
    reading.sources[field] = source;
  };
  if (mapping.issue && options.issue) {
    const { createdAt, closedAt } = options.issue;
    const at = (iso: string | null) => (iso ? parseTime(iso, "UTC") : null);
    const created = at(createdAt);
    const closed = at(closedAt);
    put("started", created?.ok ? created.time : null, "issue");
    put("detected", created?.ok ? created.time : null, "issue");
    put("resolved", closed?.ok ? closed.time : null, "issue");
  }
  if (mapping.timelineTimes && reading.sections.Timeline) {
    const entries = readTemplateTimeline(reading.sections.Timeline, {
      timeZone: options.timeZone,
      date,
    });
    const times = timelineTimes(entries);
    put("started", times.started, "timeline");
    put("detected", times.detected, "timeline");
    put("resolved", times.resolved, "timeline");
  }
}

/** Yes / No / Unknown; prose under an impact heading means there was impact, `None` that there was not. */
function customerImpactOf(text: string): CustomerImpact | null {
  const direct = readCustomerImpact(text);
  if (direct) return direct;
  if (/^\s*(?:none|n\/a|no\b|not\b|nothing\b)/i.test(text)) return "no";
  return text.trim() === "" ? null : "yes";
}

/** Every name written under the people and role keys: `@alice, Dana Reyes (IC)` gives both. */
function peopleIn(scan: TemplateBody, mapping: TemplateMapping): string[] {
  const keys = new Set(
    [
      ...mapping.peopleKeys,
      ...(mapping.fields.peopleInvolved ?? []),
      ...(mapping.fields.incidentCommander ?? []),
    ].map(keyOf),
  );
  const names = new Set<string>();
  for (const pair of scan.pairs) {
    if (!keys.has(pair.key)) continue;
    for (const item of readList(pair.value)) {
      names.add(withoutTrailingNote(item, "optional").trim());
      for (const handle of item.match(/@[\w./-]+/g) ?? []) names.add(handle);
    }
  }
  return [...names].filter((name) => name !== "");
}

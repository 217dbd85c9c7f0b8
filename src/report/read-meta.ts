import type { DateTime } from "luxon";
import { codeSpan } from "../markdown/neutralise.js";
import { META_NAMES } from "./field-names.js";
import { ACCEPTED_TIME_FORMATS, isoTime, parseTime } from "./parse-time.js";
import {
  readCustomerImpact,
  readList,
  readSeverity,
  readType,
  stripInlineMarkup,
} from "./read-values.js";
import { type MetaField, type Problem, type Report, TIME_FIELDS, type TimeField } from "./types.js";

/** Time fields a report cannot do without; acknowledged and mitigated are optional, resolved may be pending. */
const REQUIRED_TIMES: readonly TimeField[] = ["started", "detected"];

/** The report's fields read from the texts the author wrote for them (all but the summary). */
export interface MetaValues {
  values: Omit<Report, "summary">;
  times: Record<TimeField, DateTime | null>;
  /** One for each field that is missing or could not be read, in the Overview table's order. */
  problems: Problem[];
}

/**
 * Reads the meta fields from their raw texts (see `readFieldTexts`): services, type, severity,
 * the five times in `timeZone`, people, incident commander and customer impact. Each problem says
 * what to write.
 */
export function readMeta(
  rawMeta: Partial<Record<MetaField, string>>,
  timeZone: string,
  types: readonly string[],
): MetaValues {
  const value = (field: MetaField): string => stripInlineMarkup(rawMeta[field] ?? "");
  const services = readList(rawMeta.services ?? "");
  const type = value("type") === "" ? null : readType(value("type"), types);
  const severity = readSeverity(value("severity"));
  const times = readTimes(value, timeZone);
  const customerImpact = readCustomerImpact(value("customerImpact"));
  const problems = [
    ...(services.length === 0 ? [SERVICES_MISSING] : []),
    ...typeProblems(value("type"), type, types),
    ...(severity ? [] : [severityProblem(value("severity"))]),
    ...times.problems,
    ...customerImpactProblems(value("customerImpact"), customerImpact),
  ];
  const iso = (field: TimeField): string | null => {
    const time = times.times[field];
    return time ? isoTime(time) : null;
  };
  const values: Omit<Report, "summary"> = {
    services,
    type,
    severity,
    started: iso("started"),
    detected: iso("detected"),
    acknowledged: iso("acknowledged"),
    mitigated: iso("mitigated"),
    resolved: iso("resolved"),
    peopleInvolved: readList(rawMeta.peopleInvolved ?? ""),
    incidentCommander: value("incidentCommander") || null,
    customerImpact,
  };
  return { values, times: times.times, problems };
}

const SERVICES_MISSING: Problem = {
  field: "services",
  message: `${META_NAMES.services.row} is missing: list the services that were disrupted, comma-separated (e.g. \`api, checkout\`).`,
};

function typeProblems(text: string, type: string | null, types: readonly string[]): Problem[] {
  if (text === "") {
    return [{ field: "type", message: `Type is missing: write one of ${types.join(", ")}.` }];
  }
  if (type) return [];
  return [
    {
      field: "type",
      message: `Type ${codeSpan(text)} is not one of this repository's types: write one of ${types.join(", ")}.`,
    },
  ];
}

function severityProblem(text: string): Problem {
  return {
    field: "severity",
    message:
      text === ""
        ? "Severity is missing: write SEV1 (complete outage) to SEV5 (false alarm)."
        : `Severity ${codeSpan(text)} could not be read: write SEV1 (complete outage) to SEV5 (false alarm).`,
  };
}

/** The five times, each read in `timeZone` when written without a zone; the required ones must be there. */
export function readTimes(
  value: (field: MetaField) => string,
  timeZone: string,
): { times: Record<TimeField, DateTime | null>; problems: Problem[] } {
  const times = {} as Record<TimeField, DateTime | null>;
  const problems: Problem[] = [];
  for (const field of TIME_FIELDS) {
    times[field] = null;
    const text = value(field);
    const name = META_NAMES[field].row;
    if (text === "") {
      if (REQUIRED_TIMES.includes(field)) {
        problems.push({
          field,
          message: `${name} is missing: write it as ${ACCEPTED_TIME_FORMATS}.`,
        });
      }
      continue;
    }
    const result = parseTime(text, timeZone);
    if (result.ok) times[field] = result.time;
    else
      problems.push({
        field,
        message: `${name}: ${result.message}. Write it as ${ACCEPTED_TIME_FORMATS}.`,
      });
  }
  return { times, problems };
}

function customerImpactProblems(text: string, read: Report["customerImpact"]): Problem[] {
  if (text === "" || read) return [];
  return [
    {
      field: "customerImpact",
      message: `Customer impact ${codeSpan(text)} could not be read: write Yes, No or Unknown.`,
    },
  ];
}

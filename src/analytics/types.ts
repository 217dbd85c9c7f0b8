import type { Severity } from "../report/types.js";
import type { Summary } from "./stats.js";

/** The seven weekdays, Monday first (ISO 8601), as the figures name them. */
export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One month of the 12-month trend; medians in minutes (0.1), null when the month has none. */
export interface TrendEntry {
  month: string;
  disruptions: number;
  medianTtd: number | null;
  medianTta: number | null;
  medianTtm: number | null;
  medianTtr: number | null;
}

/** The phases of a disruption (docs/definitions.md, "Times and durations") and its length. */
export const PHASES = ["ttd", "tta", "ttm", "ttr", "length"] as const;
export type Phase = (typeof PHASES)[number];

/** How many of the period's disruptions say they affected customers. */
export interface CustomerImpactFigures {
  yes: number;
  no: number;
  unknown: number;
  /** Customer impact left empty or unreadable. */
  notStated: number;
  /** `yes` over all the period's disruptions, rounded to 0.001; null when there are none. */
  share: number | null;
}

/**
 * The figures of one period: exactly the keys of the JSON output (`disruptions report --format
 * json`). Durations are minutes rounded to 0.1.
 */
export interface MonthlyFigures {
  /** The period's key, the name kept from the monthly report: `2026-10`, `2026-Q3` or `2026`. */
  month: string;
  timeZone: string;
  disruptions: number;
  /** Per service, lower case (as the service labels are); a report with two services counts for each. */
  byService: Record<string, number>;
  /** All five levels, always; a report without a readable severity is in none. */
  bySeverity: Record<Severity, number>;
  /** The types that occur, most frequent first; a report without a readable type is in none. */
  byType: Record<string, number>;
  /** Of Started, local time; all seven days, always. */
  byWeekday: Record<Weekday, number>;
  /** Of Started, local hour 0..23. */
  byHour: number[];
  minutes: Record<Phase, Summary | null>;
  customerImpact: CustomerImpactFigures;
  /** Per repository (`owner/name`, as the issue URLs name it), most disruptions first. */
  byRepository: Record<string, number>;
  /** The 12 months ending with the period's last month, oldest first. */
  trend: TrendEntry[];
  /** Over all reports, whatever month they belong to. */
  followThrough: { openActionItems: number; overdueActionItems: number; openReports: number };
  /** Reports not counted because their Started time cannot be read. */
  problems: { issue: number; message: string }[];
}

/** Enough of an issue to link to it. */
export interface IssueRef {
  /** `owner/name`, read from the URL; empty when the URL is not a GitHub issue's. */
  repo: string;
  number: number;
  title: string;
  url: string;
}

/** The headline figures of one month, for the change from the previous month. */
export interface Headline {
  month: string;
  disruptions: number;
  /** SEV1 and SEV2 together. */
  severe: number;
  /** Sum of the lengths of the month's disruptions that have one; null when none has. */
  minutesOfDisruption: number | null;
  medianTtd: number | null;
  medianTtm: number | null;
  medianTtr: number | null;
}

export interface ServiceRow {
  service: string;
  disruptions: number;
  /** Sum of the lengths (minutes, 0.1) of this service's disruptions that have one. */
  minutes: number | null;
  medianTtm: number | null;
  medianTtr: number | null;
}

/** One repository of an organisation-wide report. */
export interface RepositoryRow {
  repo: string;
  disruptions: number;
  /** SEV1 and SEV2. */
  severe: number;
  medianTtm: number | null;
  medianTtr: number | null;
}

export interface OpenActionItem {
  issue: IssueRef;
  text: string;
  owners: string[];
  due: string | null;
  overdue: boolean;
}

export interface OpenReport {
  issue: IssueRef;
  severity: Severity | null;
  /** Started, ISO 8601 in the report zone; null when it cannot be read. */
  started: string | null;
}

export interface MissingLessons {
  issue: IssueRef;
  severity: Severity;
  /** When the disruption was resolved, ISO 8601 in the report zone. */
  resolved: string;
}

/** A service and type that failed again within 90 days. */
export interface Repeat {
  service: string;
  type: string;
  /** The disruptions of the pair that repeat or are repeated, oldest first. */
  disruptions: { issue: IssueRef; started: string }[];
}

export interface DisruptionRow {
  issue: IssueRef;
  severity: Severity | null;
  type: string | null;
  services: string[];
  /** ISO 8601 in the report zone. */
  started: string;
  lengthMinutes: number | null;
}

/** Reports not counted because Started cannot be read, with the reason. */
interface DataProblem {
  issue: IssueRef;
  message: string;
}

/** What the published issue shows beyond the figures. */
export interface MonthlyDetails {
  /** Today in the report zone (`YYYY-MM-DD`): what "overdue" and "open" are measured against. */
  asOf: string;
  current: Headline;
  previous: Headline;
  services: ServiceRow[];
  /** More than one when the reports come from several repositories. */
  repositories: RepositoryRow[];
  /** This month's disruptions without a readable severity / type (left out of those counts). */
  withoutSeverity: number;
  withoutType: number;
  when: {
    /** Rows Mon..Sun, columns the 4-hour blocks 00–04 … 20–24, local time. */
    grid: number[][];
    /** Started on a Saturday or Sunday. */
    weekend: number;
    /** Started outside the team's working time (the config's `calendar`). */
    outOfHours: number;
    /** That working time in words (`Monday–Friday 09:00–18:00 Europe/Berlin`). */
    workingTime: string;
  };
  openActionItems: OpenActionItem[];
  openReports: OpenReport[];
  missingLessons: MissingLessons[];
  repeats: Repeat[];
  disruptions: DisruptionRow[];
  problems: DataProblem[];
}

export interface MonthlyResult {
  figures: MonthlyFigures;
  details: MonthlyDetails;
}

import { parsePeriod } from "../analytics/period.js";
import { readList, readSeverity } from "../report/read-values.js";
import type { Severity } from "../report/types.js";
import { type TimeSpec, takeTime } from "../timeline/take-time.js";
import type { Effect } from "../timeline/timeline-row.js";

/** The Overview times a command can set; `started` is set by `declare` or by hand. */
const COMMAND_TIME_FIELDS = ["detected", "acknowledged", "mitigated", "resolved"] as const;
export type CommandTimeField = (typeof COMMAND_TIME_FIELDS)[number];

/** One `/disruption …` line, as the app understands it. */
export type Command =
  | { verb: "close"; reason: string }
  | { verb: "report"; month: string | null }
  | { verb: "timeline"; time: TimeSpec | null; text: string; effect: Effect }
  | { verb: "timeline-sync" }
  | { verb: "time"; field: CommandTimeField; time: TimeSpec | null }
  | { verb: "severity"; severity: Severity }
  | { verb: "type"; type: string }
  | { verb: "services"; services: string[] }
  | { verb: "declare" }
  | { verb: "track" }
  | { verb: "summary" };

/** A command line read: the command, or why it could not be read (with how to write it). */
export type ParsedCommand =
  | { ok: true; line: string; command: Command }
  | { ok: false; line: string; message: string };

interface Verb {
  /** How to write it, for the refusal comment and the README. */
  usage: string;
  /** The command from the text after the verb, or a message saying what is wrong. */
  parse(rest: string, verb: string): Command | string;
}

const timeVerb = (field: CommandTimeField): Verb => ({
  usage: `\`/disruption ${field} [TIME]\` (now when omitted; \`14:05\` is today in the report's zone)`,
  parse: (rest) => {
    if (rest === "") return { verb: "time", field, time: null };
    const taken = takeTime(rest);
    if (typeof taken === "string") return taken;
    if (!taken.time || taken.rest !== "")
      return `\`${rest}\` is not a time: write \`/disruption ${field} 14:05\` or \`/disruption ${field} 2026-11-20 14:05 UTC\``;
    return { verb: "time", field, time: taken.time };
  },
});

/**
 * Every verb, with its usage and its reader. Adding a command is one entry here (and, for one
 * that does not change the report body, one entry in the handler table of `handle-comment.ts`).
 */
const VERBS: Record<string, Verb> = {
  timeline: {
    usage:
      "`/disruption timeline [TIME] TEXT [+|-]` (`+` helped recovery, `-` hurt it), or `/disruption timeline sync`",
    parse: parseTimeline,
  },
  detected: timeVerb("detected"),
  acknowledged: timeVerb("acknowledged"),
  mitigated: timeVerb("mitigated"),
  resolved: timeVerb("resolved"),
  severity: {
    usage: "`/disruption severity SEV2` (SEV1 complete outage … SEV5 false alarm)",
    parse: (rest) => {
      const severity = readSeverity(rest);
      return severity && rest.trim().length <= 6
        ? { verb: "severity", severity }
        : `\`${rest}\` is not a severity: write SEV1 (complete outage) to SEV5 (false alarm)`;
    },
  },
  type: {
    usage: "`/disruption type Network`",
    parse: (rest) => (rest === "" ? "say the type" : { verb: "type", type: rest }),
  },
  services: {
    usage: "`/disruption services api, web`",
    parse: (rest) => {
      const services = readList(rest);
      return services.length > 0
        ? { verb: "services", services }
        : "list the services, comma-separated";
    },
  },
  declare: {
    usage: "`/disruption declare` (makes this issue a disruption report)",
    parse: (rest) =>
      rest === "" ? { verb: "declare" } : "write `/disruption declare` on a line of its own",
  },
  close: {
    usage: "`/disruption close <reason>` (maintainers: close with open follow-up)",
    parse: (rest) =>
      rest === ""
        ? "say why the report may close with open items: `/disruption close <reason>`"
        : { verb: "close", reason: rest },
  },
  track: {
    usage:
      "`/disruption track` (each open action item that links no issue becomes a sub-issue of the report)",
    parse: (rest) =>
      rest === "" ? { verb: "track" } : "write `/disruption track` on a line of its own",
  },
  summary: {
    usage:
      "`/disruption summary` (the report's external summary: no names, no internal hosts, as one comment)",
    parse: (rest) =>
      rest === "" ? { verb: "summary" } : "write `/disruption summary` on a line of its own",
  },
  report: {
    usage:
      "`/disruption report [PERIOD]` (publish the analytics of a month `2026-10`, a quarter `2026-Q3` or a year `2026`)",
    parse: (rest) => {
      if (rest === "") return { verb: "report", month: null };
      const period = parsePeriod(rest);
      return period
        ? { verb: "report", month: period.key }
        : `\`${rest}\` is not a period: write \`/disruption report 2026-10\` (a month), \`2026-Q3\` (a quarter) or \`2026\` (a year)`;
    },
  },
};

/** Every command and how to write it, one per line (for the refusal comment). */
export function usageList(): string {
  return Object.values(VERBS)
    .map((verb) => `- ${verb.usage}`)
    .join("\n");
}

/**
 * Reads one command line (`/disruption mitigated 14:40`). Never throws: a line it cannot read
 * comes back with a message that says what to write.
 */
export function parseCommand(line: string): ParsedCommand {
  const match = /^\s*\/disruptions?(?:\s+(\S+))?\s*(.*)$/i.exec(line);
  const verbText = match?.[1] ?? "";
  const rest = (match?.[2] ?? "").trim();
  const verb = Object.hasOwn(VERBS, verbText.toLowerCase())
    ? VERBS[verbText.toLowerCase()]
    : undefined;
  if (!verb) {
    const message =
      verbText === ""
        ? "say which command: `/disruption timeline …`, `/disruption mitigated`, …"
        : `\`${verbText}\` is not a command`;
    return { ok: false, line, message };
  }
  const result = verb.parse(rest, verbText.toLowerCase());
  return typeof result === "string"
    ? { ok: false, line, message: `${result}. Write ${verb.usage}` }
    : { ok: true, line, command: result };
}

function parseTimeline(rest: string): Command | string {
  if (/^sync$/i.test(rest)) return { verb: "timeline-sync" };
  const taken = takeTime(rest);
  if (typeof taken === "string") return taken;
  let text = taken.rest;
  let effect: Effect = "neutral";
  const mark = /\s+([+-])$/.exec(` ${text}`);
  if (mark) {
    effect = mark[1] === "+" ? "positive" : "negative";
    text = text.slice(0, text.length - 1).trimEnd();
  }
  if (text === "") return "say what happened";
  return { verb: "timeline", time: taken.time, text, effect };
}

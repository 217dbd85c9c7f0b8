import { z } from "zod";
import { WEEKDAY_NAMES } from "../calendar/work-calendar.js";
import { MAX_LABEL_NAME_LENGTH } from "../limits/github-limits.js";
import { SEVERITIES } from "../report/types.js";
import { templateSchema } from "../templates/template-config.js";

/** The disruption types of docs/definitions.md; a repository may replace the list. */
export const DEFAULT_TYPES = [
  "Infrastructure",
  "Critical bug",
  "Data provider",
  "Third party",
  "Deployment",
  "Configuration",
  "Capacity",
  "Security",
  "Network",
  "Other",
] as const;

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: "is not an IANA time zone name (for example UTC or Europe/Berlin)" },
);

const severity = z.enum(SEVERITIES);

/** `owner/name`, as GitHub allows them. */
const repositoryName = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, {
    message: "must be a repository written owner/name, e.g. acme/ops",
  });

/** `HH:MM` on a 24-hour clock; `24:00` ends a day that works until midnight. */
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const isClock = (text: string) => CLOCK.test(text);

const clockTime = z.string().regex(CLOCK, {
  message: "is not a time of day: write HH:MM, e.g. 09:00",
});

const isoDate = z.string().refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && isRealDate(text), {
  message: "is not a date: write YYYY-MM-DD, e.g. 2026-12-25",
});

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * The schema of `.github/disruption-reports.yml`. Every key is optional; a key the team wrote is
 * validated and never silently replaced by its default.
 */
const baseSchema = z
  .object({
    timeZone: timeZone.default("UTC"),
    labels: z
      .object({
        report: z.string().min(1).max(MAX_LABEL_NAME_LENGTH).default("disruption"),
        analytics: z.string().min(1).max(MAX_LABEL_NAME_LENGTH).default("disruption-analytics"),
        typePrefix: z.string().max(30).default("type: "),
        severityPrefix: z.string().max(30).default("severity: "),
        servicePrefix: z.string().max(30).default("service: "),
        serviceLabels: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    types: z
      .array(z.string().min(1).max(40))
      .min(1)
      .default([...DEFAULT_TYPES]),
    closeGuard: z
      .object({
        enabled: z.boolean().default(true),
        requireActionItems: z.array(severity).default(["SEV1", "SEV2"]),
      })
      .strict()
      .prefault({}),
    fill: z
      .object({
        appendMissingSections: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    report: z
      .object({
        enabled: z.boolean().default(false),
        day: z.number().int().min(1).max(28).default(1),
        hour: z.number().int().min(0).max(23).default(9),
        /** Also publish each quarter's issue, on the schedule of the month that follows it. */
        quarterly: z.boolean().default(false),
        /**
         * Other repositories whose reports the published issue counts too (an organisation-wide
         * report), `owner/name` each, or `all`: every repository of the installation that holds
         * reports. The publishing repository always counts.
         */
        repositories: z.union([z.literal("all"), z.array(repositoryName).max(1000)]).default([]),
      })
      .strict()
      .prefault({}),
    calendar: z
      .object({
        workingDays: z
          .array(z.enum(WEEKDAY_NAMES))
          .default(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
        workingHours: z
          .object({ start: clockTime.default("09:00"), end: clockTime.default("18:00") })
          .strict()
          .prefault({})
          // Only once both are times of day (zod 4 runs a refinement beside the fields' own issues).
          .refine(
            (hours) => !isClock(hours.start) || !isClock(hours.end) || hours.start < hours.end,
            {
              message: "must start before it ends (e.g. start: 09:00, end: 18:00)",
            },
          ),
        holidays: z.array(isoDate).default([]),
      })
      .strict()
      .prefault({}),
    actionItems: z
      .object({
        track: z.boolean().default(false),
        remind: z.boolean().default(false),
        label: z.string().min(1).max(50).default("disruption-action"),
      })
      .strict()
      .prefault({}),
    template: templateSchema,
    summary: z
      .object({
        /** Hosts whose links (and subdomains) never reach the external summary. */
        internalHosts: z
          .array(
            z
              .string()
              .trim()
              .toLowerCase()
              .regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, {
                message: "is not a host name: write it as corp.example.com",
              }),
          )
          .max(100)
          .default([]),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/**
 * The schema with what a preset implies: `template: upptime` makes `status` (the label Upptime
 * gives its issues) the report label and asks no action items of a SEV1/SEV2 report before it
 * closes, unless the config says otherwise.
 */
export const configSchema = z.preprocess(withPresetLabel, baseSchema);

function withPresetLabel(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const config = raw as Record<string, unknown>;
  const template = config.template;
  const preset =
    typeof template === "string"
      ? template
      : typeof template === "object" && template !== null
        ? (template as { preset?: unknown }).preset
        : undefined;
  if (preset !== "upptime") return raw;
  return {
    ...config,
    labels: unlessWritten(config.labels, "report", "status"),
    // Upptime closes its issue when the site is back: a report it opened has no action items
    // to wait for, and reopening it would fight the monitor.
    closeGuard: unlessWritten(config.closeGuard, "requireActionItems", []),
  };
}

/** `section` with `key` set to `value`, unless the config wrote that key (or the section is not a mapping). */
function unlessWritten(section: unknown, key: string, value: unknown): unknown {
  if (section !== undefined && (typeof section !== "object" || section === null)) return section;
  if (section && key in section) return section;
  return { ...(section ?? {}), [key]: value };
}

export type Config = z.output<typeof baseSchema>;

/** The configuration a repository gets when it has no config file. */
export const DEFAULT_CONFIG: Config = configSchema.parse({});

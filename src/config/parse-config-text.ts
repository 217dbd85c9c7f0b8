import { isMap, parseDocument } from "yaml";
import type { z } from "zod";
import { type Config, configSchema, DEFAULT_CONFIG } from "./config.js";

/** Where the config lives in a repository (and in the owner's `.github` repository as a fallback). */
export const CONFIG_PATH = ".github/disruption-reports.yml";

export interface ConfigIssue {
  /** The key the problem is about, dotted (`labels.report`), or "" for the whole file. */
  key: string;
  message: string;
}

export type ConfigResult =
  | { ok: true; config: Config }
  | {
      ok: false;
      issues: ConfigIssue[];
      /** The report label as the file writes it when readable, else the default: which issues to tell. */
      reportLabel: string;
    };

/**
 * Reads the text of `.github/disruption-reports.yml`: YAML, validated with the config schema.
 * Keys not written get their defaults; a key written wrong is an issue, never a silent default.
 *
 * @example parseConfigText("timeZone: Europe/Berlin\nreport:\n  enabled: true\n")
 */
export function parseConfigText(text: string): ConfigResult {
  const fallbackLabel = DEFAULT_CONFIG.labels.report;
  if (text.length > MAX_CONFIG_CHARS)
    return refused(
      `is ${text.length.toLocaleString("en")} characters long, more than the ${MAX_CONFIG_CHARS.toLocaleString("en")} a config may have: keep only the keys the README lists`,
    );
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      reportLabel: fallbackLabel,
      issues: document.errors.map((error) => ({
        key: "",
        message: `is not valid YAML: ${error.message.split("\n")[0]?.replace(/:\s*$/, "")}`,
      })),
    };
  }
  if (document.contents !== null && !isMap(document.contents)) {
    return {
      ok: false,
      reportLabel: fallbackLabel,
      issues: [
        { key: "", message: "must be a YAML mapping of keys to values (e.g. `timeZone: UTC`)" },
      ],
    };
  }
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
  } catch (error) {
    // The yaml library refuses to expand an alias bomb (billion laughs) past maxAliasCount.
    if (!(error instanceof ReferenceError)) throw error;
    return refused(
      `uses YAML aliases (\`*name\`) more than ${MAX_ALIASES} times once expanded: write the values out instead`,
    );
  }
  const result = configSchema.safeParse(raw);
  if (result.success) return { ok: true, config: result.data };
  const written = (raw as { labels?: { report?: unknown } }).labels?.report;
  return {
    ok: false,
    reportLabel: typeof written === "string" && written !== "" ? written : fallbackLabel,
    issues: result.error.issues.map(describeIssue),
  };
}

/** A config is a few dozen lines; anything this long is not one. */
const MAX_CONFIG_CHARS = 65_536;

/** How many alias expansions a config may take (the yaml library's default limit). */
const MAX_ALIASES = 100;

function refused(message: string): ConfigResult {
  return { ok: false, reportLabel: DEFAULT_CONFIG.labels.report, issues: [{ key: "", message }] };
}

function describeIssue(issue: z.core.$ZodIssue): ConfigIssue {
  const key = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((name) => (key ? `${key}.${name}` : name));
    return {
      key: keys.join(", "),
      message: `${keys.length === 1 ? "is not a known key" : "are not known keys"}: check the spelling against the README`,
    };
  }
  return { key, message: issue.message };
}

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
  const document = parseDocument(text, { prettyErrors: true });
  const fallbackLabel = DEFAULT_CONFIG.labels.report;
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
  const raw: unknown = document.toJS() ?? {};
  const result = configSchema.safeParse(raw);
  if (result.success) return { ok: true, config: result.data };
  const written = (raw as { labels?: { report?: unknown } }).labels?.report;
  return {
    ok: false,
    reportLabel: typeof written === "string" && written !== "" ? written : fallbackLabel,
    issues: result.error.issues.map(describeIssue),
  };
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

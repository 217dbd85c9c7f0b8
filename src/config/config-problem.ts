import { type Config, DEFAULT_CONFIG } from "./config.js";
import type { ConfigIssue } from "./parse-config-text.js";

/** Why a repository's config file could not be used: the one value every caller reacts to. */
export interface ConfigProblem {
  /** The file that was read (`owner/repo:.github/disruption-reports.yml`). */
  source: string;
  issues: ConfigIssue[];
  /** The report label as the file writes it when readable, else the default: which issues to tell. */
  reportLabel: string;
}

/**
 * The problem in one line, for a log, a comment or the CLI.
 *
 * @example describeConfigProblem({ source: "acme/ops:.github/disruption-reports.yml", issues: [{ key: "timeZone", message: "is not an IANA time zone name" }], reportLabel: "disruption" })
 * // "`acme/ops:.github/disruption-reports.yml` is not valid: timeZone is not an IANA time zone name"
 */
export function describeConfigProblem(problem: Pick<ConfigProblem, "source" | "issues">): string {
  const issues = problem.issues.map((issue) => `${issue.key || "the file"} ${issue.message}`);
  return `\`${problem.source}\` is not valid: ${issues.join("; ")}`;
}

/**
 * What the close guard runs on while the config is broken: the defaults, with the report label the
 * file names when that much could be read. A broken file must not turn the guard off.
 */
export function guardFallbackConfig(problem: Pick<ConfigProblem, "reportLabel">): Config {
  return { ...DEFAULT_CONFIG, labels: { ...DEFAULT_CONFIG.labels, report: problem.reportLabel } };
}

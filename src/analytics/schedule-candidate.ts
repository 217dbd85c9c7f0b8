import type { Config } from "../config/config.js";
import type { ConfigProblem } from "../config/config-problem.js";
import { parseConfigText } from "../config/parse-config-text.js";

/** The schedule's verdict on one repository after one look at it. */
export type ScheduleCandidate =
  | { kind: "skip"; reason: "disabled" | "no reports" | "not due" }
  | { kind: "broken"; problem: ConfigProblem }
  /** Its own config names another report label than the one looked at: look again with it. */
  | { kind: "look again"; label: string }
  | { kind: "check"; config: Config };

/**
 * Decides, from the probe of a repository (its own config text, the number of issues with the
 * probed report label) and the owner's config, whether the schedule must read more of it: only a
 * repository with hourly work enabled (the monthly report, or the weekly reminder of
 * `actionItems.remind`), holding reports, and due (`isDue`, for either) goes on to that work. A repository without reports never gets an analytics issue, whatever the owner's
 * config says.
 */
export function scheduleCandidate(input: {
  source: string;
  configText: string | null;
  reports: number;
  probedLabel: string;
  owner: { ok: true; config: Config } | { ok: false; problem: ConfigProblem };
  isDue: (config: Config) => boolean;
}): ScheduleCandidate {
  let config: Config;
  if (input.configText !== null) {
    const parsed = parseConfigText(input.configText);
    if (!parsed.ok)
      return {
        kind: "broken",
        problem: { source: input.source, issues: parsed.issues, reportLabel: parsed.reportLabel },
      };
    config = parsed.config;
  } else if (input.owner.ok) {
    config = input.owner.config;
  } else {
    return { kind: "broken", problem: input.owner.problem };
  }
  if (!hasHourlyWork(config)) return { kind: "skip", reason: "disabled" };
  if (config.labels.report !== input.probedLabel)
    return { kind: "look again", label: config.labels.report };
  if (input.reports === 0) return { kind: "skip", reason: "no reports" };
  if (!input.isDue(config)) return { kind: "skip", reason: "not due" };
  return { kind: "check", config };
}

/** Whether the config enables any of the hourly run's work: the monthly report or the weekly reminder. */
function hasHourlyWork(config: Config): boolean {
  return config.report.enabled || config.actionItems.remind;
}

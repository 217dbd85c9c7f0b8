import type { Config } from "../config/config.js";
import { isManagedLabel } from "../labels/derive-labels.js";
import { hasLabelPrefix, labelKey } from "../labels/label-name.js";
import { MAX_LABELS_PER_ISSUE } from "../limits/github-limits.js";
import type { Problem } from "../report/types.js";

/** The labels to add and remove, each by name, so that labels others set are never touched. */
export interface LabelChange {
  add: string[];
  remove: string[];
  /** Service labels left off because the issue would pass GitHub's label limit. */
  leftOut: string[];
}

/**
 * What to change on an issue's labels so that it carries the labels its report derives: adds the
 * missing ones, removes only the app's own (`type:`, `severity:`, `service:` prefixes) that are no
 * longer derived, and leaves every other label alone. Service labels are capped so that the issue
 * stays within GitHub's 100 labels; the services left off stay in the report's table.
 *
 * @example
 * planLabelChange(["disruption", "needs-triage", "severity: sev3"], ["disruption", "severity: sev2"], config)
 * // { add: ["severity: sev2"], remove: ["severity: sev3"], leftOut: [] }
 */
export function planLabelChange(
  current: readonly string[],
  derived: readonly string[],
  config: Config,
): LabelChange {
  const isService = (name: string) =>
    config.labels.serviceLabels && hasLabelPrefix(name, config.labels.servicePrefix);
  const kept = new Map<string, string>();
  for (const name of current) {
    if (!isManagedLabel(name, config)) kept.set(labelKey(name), name);
  }
  for (const name of derived) {
    if (!isService(name)) kept.set(labelKey(name), name);
  }
  const room = Math.max(0, MAX_LABELS_PER_ISSUE - kept.size);
  const services = derived.filter(isService);
  const target = new Map(kept);
  for (const name of services.slice(0, room)) target.set(labelKey(name), name);
  const has = new Set(current.map((name) => labelKey(name)));
  return {
    add: [...target.entries()].filter(([key]) => !has.has(key)).map(([, name]) => name),
    remove: current.filter((name) => isManagedLabel(name, config) && !target.has(labelKey(name))),
    leftOut: services.slice(room),
  };
}

/** The problem that tells the author which services got no label, and why. */
export function labelLimitProblem(leftOut: readonly string[]): Problem {
  const count = leftOut.length;
  return {
    field: "services",
    message: `Services: ${count === 1 ? "one service has" : `${count.toLocaleString("en-US")} services have`} no label, because GitHub allows at most ${MAX_LABELS_PER_ISSUE} labels on an issue. ${count === 1 ? "It stays" : "They stay"} in the Overview table and ${count === 1 ? "counts" : "count"} in the analytics.`,
  };
}

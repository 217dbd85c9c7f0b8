import type { Config } from "../config/config.js";

/** A report carries the report label and is not one of the app's analytics issues. */
export function isReport(labels: readonly string[], config: Config): boolean {
  const names = labels.map((label) => label.toLowerCase());
  return (
    names.includes(config.labels.report.toLowerCase()) &&
    !names.includes(config.labels.analytics.toLowerCase())
  );
}

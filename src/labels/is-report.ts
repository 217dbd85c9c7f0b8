import { hasLabel } from "./label-name.js";

/**
 * True for a disruption report: the issue carries the report label and not the analytics label
 * (the app's monthly analytics issues are not reports). Labels match in any case, as GitHub's do.
 *
 * @example isReport(["Disruption", "severity: sev2"], { report: "disruption", analytics: "disruption-analytics" }) // true
 */
export function isReport(
  labels: readonly string[],
  names: { report: string; analytics: string },
): boolean {
  return hasLabel(labels, names.report) && !hasLabel(labels, names.analytics);
}

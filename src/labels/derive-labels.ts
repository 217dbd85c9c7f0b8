import type { Config } from "../config/config.js";
import { MAX_LABEL_NAME_LENGTH } from "../limits/github-limits.js";
import type { ParsedReport } from "../report/types.js";
import { hasLabelPrefix } from "./label-name.js";

/**
 * The labels a report should carry under the config: the report label, `type: …`,
 * `severity: sevN` and one `service: …` per service (unless `labels.serviceLabels` is off).
 * A name over GitHub's limit is shortened visibly with `…`, not dropped.
 */
export function deriveLabels(parsed: ParsedReport, config: Config): string[] {
  const { labels } = config;
  const names = [labels.report];
  if (parsed.report.type) names.push(`${labels.typePrefix}${parsed.report.type.toLowerCase()}`);
  if (parsed.report.severity)
    names.push(`${labels.severityPrefix}${parsed.report.severity.toLowerCase()}`);
  if (labels.serviceLabels) {
    for (const service of parsed.report.services)
      names.push(`${labels.servicePrefix}${service.toLowerCase()}`);
  }
  return [...new Set(names.map(shortenLabel))];
}

function shortenLabel(name: string): string {
  const chars = [...name];
  return chars.length <= MAX_LABEL_NAME_LENGTH
    ? name
    : `${chars.slice(0, MAX_LABEL_NAME_LENGTH - 1).join("")}…`;
}

/** True for the labels this app manages (the ones `deriveLabels` can give), under the config's prefixes. */
export function isManagedLabel(name: string, config: Config): boolean {
  const { labels } = config;
  return [
    labels.typePrefix,
    labels.severityPrefix,
    ...(labels.serviceLabels ? [labels.servicePrefix] : []),
  ].some((prefix) => hasLabelPrefix(name, prefix));
}

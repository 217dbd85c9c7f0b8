import type { Config } from "../config/config.js";
import { MAX_LABEL_DESCRIPTION_LENGTH } from "../limits/github-limits.js";
import { SEVERITY_SCALE } from "../report/severity-scale.js";
import { SEVERITIES } from "../report/types.js";
import { hasLabelPrefix, labelKey, sameLabel } from "./label-name.js";

/** Severity colours from red (SEV1) to grey (SEV5). */
const SEVERITY_COLORS = ["b60205", "d93f0b", "e99695", "d4c5c5", "bfbfbf"] as const;

export interface LabelStyle {
  name: string;
  color: string;
  description: string;
}

/** Colour and description for a label the app creates (descriptions cut to GitHub's limit). */
export function labelStyle(name: string, config: Config): LabelStyle {
  const { labels } = config;
  if (sameLabel(name, labels.report)) {
    return {
      name,
      color: "b60205",
      description: "A production disruption report (Disruption Reports)",
    };
  }
  if (sameLabel(name, labels.analytics)) {
    return {
      name,
      color: "5319e7",
      description: "Monthly disruption analytics (Disruption Reports)",
    };
  }
  if (sameLabel(name, config.actionItems.label)) {
    return {
      name,
      color: "fbca04",
      description: "An action item of a disruption report (Disruption Reports)",
    };
  }
  if (hasLabelPrefix(name, labels.severityPrefix)) {
    const level = SEVERITIES.findIndex((severity) => labelKey(name).endsWith(labelKey(severity)));
    const severity = SEVERITIES[level];
    if (severity) {
      const { meaning, priority } = SEVERITY_SCALE[severity];
      return {
        name,
        color: SEVERITY_COLORS[level] ?? "bfbfbf",
        description: `${severity}: ${meaning} (${priority})`,
      };
    }
  }
  if (hasLabelPrefix(name, labels.typePrefix)) {
    const type = name.slice(labels.typePrefix.length);
    return {
      name,
      color: "1d76db",
      description: `Disruption type: ${type}`.slice(0, MAX_LABEL_DESCRIPTION_LENGTH),
    };
  }
  const service = name.slice(labels.servicePrefix.length);
  return {
    name,
    color: "0e8a16",
    description: `Disruptions of the service ${service}`.slice(0, MAX_LABEL_DESCRIPTION_LENGTH),
  };
}

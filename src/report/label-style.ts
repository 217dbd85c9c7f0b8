import type { Config } from "../config/config.js";
import { SEVERITY_SCALE } from "./severity-scale.js";
import { SEVERITIES } from "./types.js";

/** Severity colours from red (SEV1) to grey (SEV5). */
const SEVERITY_COLORS = ["b60205", "d93f0b", "e99695", "d4c5c5", "bfbfbf"] as const;

export interface LabelStyle {
  name: string;
  color: string;
  description: string;
}

/** Colour and description for a label the app creates (GitHub limits descriptions to 100 characters). */
export function labelStyle(name: string, config: Config): LabelStyle {
  const { labels } = config;
  const lower = name.toLowerCase();
  if (lower === labels.report.toLowerCase()) {
    return {
      name,
      color: "b60205",
      description: "A production disruption report (Disruption Reports)",
    };
  }
  if (lower === labels.analytics.toLowerCase()) {
    return {
      name,
      color: "5319e7",
      description: "Monthly disruption analytics (Disruption Reports)",
    };
  }
  if (lower.startsWith(labels.severityPrefix.toLowerCase())) {
    const level = SEVERITIES.findIndex((severity) => lower.endsWith(severity.toLowerCase()));
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
  if (lower.startsWith(labels.typePrefix.toLowerCase())) {
    const type = name.slice(labels.typePrefix.length);
    return { name, color: "1d76db", description: `Disruption type: ${type}`.slice(0, 100) };
  }
  const service = name.slice(labels.servicePrefix.length);
  return {
    name,
    color: "0e8a16",
    description: `Disruptions of the service ${service}`.slice(0, 100),
  };
}

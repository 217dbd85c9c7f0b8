import type { Severity } from "./types.js";

/** The severity scale of docs/definitions.md (from the book on post-incident reviews). */
export const SEVERITY_SCALE: Record<Severity, { priority: string; meaning: string }> = {
  SEV1: { priority: "critical", meaning: "complete outage" },
  SEV2: { priority: "critical", meaning: "major functionality broken" },
  SEV3: { priority: "warning", meaning: "minor problem" },
  SEV4: { priority: "warning", meaning: "redundant component failure" },
  SEV5: { priority: "info", meaning: "false alarm or unactionable alert" },
};

/** `SEV2 — major functionality broken`, as the form offers it. */
export function describeSeverity(severity: Severity): string {
  return `${severity} — ${SEVERITY_SCALE[severity].meaning}`;
}

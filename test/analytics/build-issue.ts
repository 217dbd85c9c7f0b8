import type { AnalyticsIssue } from "../../src/analytics/analytics-issue.js";

/** The fields of a report body the analytics read; times as typed by the author. */
export interface ReportSpec {
  services?: string;
  type?: string;
  severity?: string;
  started?: string;
  detected?: string;
  acknowledged?: string;
  mitigated?: string;
  resolved?: string;
  /** As typed; default `Yes`. */
  customerImpact?: string;
  lessons?: string;
  actionItems?: string[];
}

/** A filled report body, in the canonical shape `disruptions fill` writes. */
export function reportBody(spec: ReportSpec): string {
  return [
    "## Overview",
    "",
    "| Field | Value |",
    "| --- | --- |",
    `| Services | ${spec.services ?? "api"} |`,
    `| Type | ${spec.type ?? "Deployment"} |`,
    `| Severity | ${spec.severity ?? "SEV3"} |`,
    `| Started | ${spec.started ?? ""} |`,
    `| Detected | ${spec.detected ?? ""} |`,
    `| Acknowledged | ${spec.acknowledged ?? ""} |`,
    `| Mitigated | ${spec.mitigated ?? ""} |`,
    `| Resolved | ${spec.resolved ?? ""} |`,
    "| People involved | @alice, @bob |",
    "| Incident commander | @alice |",
    `| Customer impact | ${spec.customerImpact ?? "Yes"} |`,
    "",
    "## Summary",
    "",
    "Checkout failed for most customers.",
    "",
    "## Retrospective",
    "",
    "### Lessons",
    "",
    spec.lessons ?? "<!-- At least three key learnings. -->",
    "",
    "## Action items",
    "",
    ...(spec.actionItems ?? []),
  ].join("\n");
}

/** An issue carrying the report label, open, with a filled body. */
export function reportIssue(
  number: number,
  spec: ReportSpec,
  overrides: Partial<AnalyticsIssue> = {},
): AnalyticsIssue {
  return {
    number,
    title: `Disruption ${number}`,
    url: `https://github.com/acme/ops/issues/${number}`,
    body: reportBody(spec),
    state: "open",
    stateReason: null,
    createdAt: "2026-01-01T00:00:00Z",
    closedAt: null,
    labels: ["disruption"],
    ...overrides,
  };
}

/** Closed as completed on the given day. */
export function closed(closedAt = "2026-10-31T12:00:00Z"): Partial<AnalyticsIssue> {
  return { state: "closed", stateReason: "completed", closedAt };
}

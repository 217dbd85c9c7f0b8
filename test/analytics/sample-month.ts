import { DateTime } from "luxon";
import type { AnalyticsIssue } from "../../src/analytics/analytics-issue.js";
import { type Config, configSchema } from "../../src/config/config.js";
import { closed, reportIssue } from "./build-issue.js";

/**
 * October 2026 in Europe/Berlin, with every figure worked out by hand in the tests. The clocks
 * go back on 2026-10-25 at 01:00 UTC (03:00 CEST → 02:00 CET) and forward on 2026-03-29 at
 * 01:00 UTC (02:00 CET → 03:00 CEST).
 */
export const ZONE = "Europe/Berlin";
export const config: Config = configSchema.parse({ timeZone: ZONE, report: { enabled: true } });
/** Monday 2026-11-02, 10:00 in Berlin. */
export const NOW = DateTime.fromISO("2026-11-02T10:00:00", { zone: ZONE });

export const sampleIssues: AnalyticsIssue[] = [
  // After the clocks went back: 02:30 CET on Sunday the 25th.
  reportIssue(
    1,
    {
      services: "api, checkout",
      type: "Deployment",
      severity: "SEV2",
      started: "2026-10-25 01:30 UTC",
      detected: "2026-10-25 01:40 UTC",
      acknowledged: "2026-10-25 01:45 UTC",
      mitigated: "2026-10-25 02:10 UTC",
      resolved: "2026-10-25 03:10 UTC",
      lessons: "Canary deploys need a database check.",
      actionItems: [
        "- [ ] @alice add a canary stage (due 2026-11-01)",
        "- [x] @bob roll back v2.3 #12",
        "- [ ] ~~rewrite the deploy tool~~ out of scope",
      ],
    },
    { title: "Checkout | payments down" },
  ),
  // 23:30 UTC on 30 September is 01:30 CEST on Thursday 1 October.
  reportIssue(
    2,
    {
      services: "api",
      type: "Infrastructure",
      severity: "SEV3",
      started: "2026-09-30 23:30 UTC",
      detected: "2026-09-30 23:50 UTC",
      // Berlin time: 01:52 CEST is 23:52 UTC the day before.
      acknowledged: "2026-10-01 01:52",
      mitigated: "2026-10-01 00:20 UTC",
      resolved: "2026-10-01 00:50 UTC",
      customerImpact: "No",
    },
    closed(),
  ),
  // 23:30 UTC on 31 October is 00:30 CET on 1 November: not October.
  reportIssue(3, {
    services: "api",
    type: "Deployment",
    severity: "SEV4",
    started: "2026-10-31 23:30 UTC",
    detected: "2026-10-31 23:45 UTC",
  }),
  // No zone: Berlin time, Wednesday 09:15 CEST.
  reportIssue(4, {
    services: "search",
    type: "Deployment",
    severity: "SEV3",
    started: "2026-10-14 09:15",
    detected: "2026-10-14 09:45",
    acknowledged: "2026-10-14 09:55",
    mitigated: "2026-10-14 10:45",
    resolved: "2026-10-14 11:15",
    customerImpact: "Unknown",
    actionItems: ["- [ ] @bob fix the search index (due 2026-11-02)", "- [ ] write a runbook"],
  }),
  // Closed as a duplicate: not counted, nor its action item.
  reportIssue(
    5,
    {
      services: "api",
      severity: "SEV1",
      started: "2026-10-25 01:35 UTC",
      detected: "2026-10-25 01:40 UTC",
      actionItems: ["- [ ] @carol duplicate item (due 2026-10-02)"],
    },
    { state: "closed", stateReason: "duplicate", closedAt: "2026-10-26T08:00:00Z" },
  ),
  // A previous analytics issue also carries the report label: not a report.
  reportIssue(
    6,
    { started: "2026-10-05 10:00", detected: "2026-10-05 10:05", actionItems: ["- [ ] task"] },
    { labels: ["disruption", "disruption-analytics"], title: "Disruption report: September 2026" },
  ),
  // Started cannot be read: listed under problems, counted nowhere else but follow-through.
  reportIssue(7, { started: "yesterday", detected: "2026-10-10 10:00" }),
  // Not a report at all.
  reportIssue(
    8,
    { started: "2026-10-10 10:00", detected: "2026-10-10 10:05" },
    { labels: ["bug"] },
  ),
  // SEV1, resolved on 20 October with its Lessons still empty.
  reportIssue(
    9,
    {
      services: "api",
      type: "Deployment",
      severity: "SEV1",
      started: "2026-10-20 19:00",
      detected: "2026-10-20 19:05",
      mitigated: "2026-10-20 20:05",
      resolved: "2026-10-20 21:05",
      customerImpact: "",
    },
    closed(),
  ),
  // September, and a repeat of api / Deployment within 90 days.
  reportIssue(
    10,
    {
      services: "api",
      type: "Deployment",
      severity: "SEV2",
      started: "2026-09-10 10:00",
      detected: "2026-09-10 10:15",
      mitigated: "2026-09-10 10:35",
      resolved: "2026-09-10 11:00",
      lessons: "Watch the pool graph.",
      actionItems: ["- [ ] @org/sre alert on pool saturation (due 2026-10-01)"],
    },
    closed("2026-09-20T12:00:00Z"),
  ),
  // After the clocks went forward: 03:30 CEST on Sunday 29 March.
  reportIssue(
    11,
    {
      services: "web",
      type: "Network",
      severity: "SEV4",
      started: "2026-03-29 01:30 UTC",
      detected: "2026-03-29 01:40 UTC",
      acknowledged: "2026-03-29 03:50",
      mitigated: "2026-03-29 01:55 UTC",
      resolved: "2026-03-29 02:00 UTC",
    },
    closed("2026-03-30T12:00:00Z"),
  ),
  // Across the clocks going forward, in Berlin time: 01:55 CET is 00:55 UTC, 03:05 CEST is
  // 01:05 UTC: acknowledged after 10 minutes (70 on the wall clock), mitigated after 30
  // (03:25 CEST), resolved after 60 (03:55 CEST).
  reportIssue(
    12,
    {
      services: "cdn",
      type: "Capacity",
      severity: "SEV3",
      started: "2026-03-29 01:50",
      detected: "2026-03-29 01:55",
      acknowledged: "2026-03-29 03:05",
      mitigated: "2026-03-29 03:25",
      resolved: "2026-03-29 03:55",
    },
    closed("2026-03-30T12:00:00Z"),
  ),
];

import { DateTime } from "luxon";
import { renderFilled } from "../../src/report/fill-report.js";
import { parseReport } from "../../src/report/parse-report.js";
import type { SeedIssue } from "../local-github/index.js";

/** mulberry32: a small seeded generator, so generated data is the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ["api", "checkout", "search", "payments", "auth", "notifications"];
const TYPES = [
  "Infrastructure",
  "Deployment",
  "Third party",
  "Configuration",
  "Capacity",
  "Critical bug",
];
const SEVERITIES = ["SEV1", "SEV2", "SEV2", "SEV3", "SEV3", "SEV3", "SEV4", "SEV5"];
const PEOPLE = ["@maya", "@sam", "@tom", "@lena"];
const CAUSES = [
  "a deploy exhausted the database connection pool",
  "the payment provider answered with timeouts",
  "a configuration change disabled the cache",
  "a certificate expired on the load balancer",
  "a traffic spike outgrew the autoscaling limits",
  "a migration locked the orders table",
];

/**
 * A year of sample reports, as issues filed through the form and filled by the app would look:
 * `count` reports with Started times spread over the twelve months ending with `lastMonth`
 * (local times in `timeZone`), most closed, some with open action items.
 */
export function sampleReports(
  count: number,
  lastMonth: string,
  timeZone: string,
  seed = 20261101,
): SeedIssue[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const end = DateTime.fromISO(`${lastMonth}-01`, { zone: timeZone }).plus({ months: 1 });
  const start = end.minus({ months: 12 });
  const span = end.diff(start, "minutes").minutes;
  const reports: SeedIssue[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = start
      .plus({ minutes: Math.floor(random() * (span - 24 * 60)) })
      .startOf("minute");
    const detected = started.plus({ minutes: 2 + Math.floor(random() * 45) });
    const resolved = detected.plus({ minutes: 10 + Math.floor(random() * 240) });
    const services = random() < 0.25 ? [pick(SERVICES), pick(SERVICES)] : [pick(SERVICES)];
    const cause = pick(CAUSES);
    const due = resolved.plus({ days: 14 + Math.floor(random() * 30) }).toFormat("yyyy-MM-dd");
    const open = random() < 0.2;
    const form = [
      ["Affected services", [...new Set(services)].join(", ")],
      ["Disruption type", pick(TYPES)],
      ["Severity", pick(SEVERITIES)],
      ["Started at", started.toFormat("yyyy-MM-dd HH:mm")],
      ["Detected at", detected.toFormat("yyyy-MM-dd HH:mm")],
      ["Resolved at", resolved.toFormat("yyyy-MM-dd HH:mm")],
      ["People involved", `${pick(PEOPLE)}, ${pick(PEOPLE)}`],
      ["Customer impact", random() < 0.7 ? "Yes" : "No"],
      ["Summary", `Requests failed because ${cause}.`],
      [
        "Action items",
        `- [${open ? " " : "x"}] ${pick(PEOPLE)} add an alert for this (due ${due})\n- [x] ${pick(PEOPLE)} write the runbook entry`,
      ],
    ]
      .map(([label, value]) => `### ${label}\n\n${value}`)
      .join("\n\n");
    const body = renderFilled(parseReport(form, { timeZone }));
    const closedAt =
      resolved.plus({ days: 3 }).toUTC().toISO({ suppressMilliseconds: true }) ?? undefined;
    reports.push({
      title: `${services[0]}: ${cause}`,
      body,
      labels: ["disruption"],
      user: pick(PEOPLE).slice(1),
      createdAt:
        detected.plus({ hours: 2 }).toUTC().toISO({ suppressMilliseconds: true }) ?? undefined,
      ...(open
        ? { state: "open" as const, updatedAt: closedAt }
        : {
            state: "closed" as const,
            stateReason: "completed" as const,
            closedAt,
            updatedAt: closedAt,
          }),
    });
  }
  return reports.sort((a, b) => (a.createdAt ?? "").localeCompare(b.createdAt ?? ""));
}

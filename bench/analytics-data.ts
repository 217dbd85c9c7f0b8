/**
 * The reports the analytics benches read: realistic filled bodies (2–4 KB, 1–6 action items, 13
 * months of Started times), generated from a fixed seed so every run reads the same ones.
 */
import { DateTime } from "luxon";
import { seeded } from "../dev/demo/sample-reports.js";
import type { AnalyticsIssue } from "../src/analytics/analytics-issue.js";
import { DEFAULT_CONFIG, DEFAULT_TYPES } from "../src/config/config.js";

export const MONTH = "2026-10";
export const ZONE = "Europe/Berlin";
export const NOW = DateTime.fromISO("2026-11-01T09:00:00", { zone: ZONE });
export const config = { ...DEFAULT_CONFIG, timeZone: ZONE };

const random = seeded(20261101);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const between = (low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

const SERVICES = [
  "api",
  "checkout",
  "search",
  "payments",
  "auth",
  "web",
  "mobile-backend",
  "notifications",
  "reporting",
  "cdn",
  "data-pipeline",
  "billing",
];
const PEOPLE = ["@alice", "@bob", "@carol", "@dave", "@erin", "@org/sre", "@org/payments-team"];
const SEVERITY_WEIGHTS = [
  "SEV1",
  "SEV2",
  "SEV2",
  "SEV3",
  "SEV3",
  "SEV3",
  "SEV3",
  "SEV4",
  "SEV4",
  "SEV5",
];
const WORDS =
  "the connection pool of the primary database ran out while a deploy rolled out and retries from the mobile clients amplified load on the gateway so checkout requests timed out for most customers in the region until the rollback finished and caches warmed up again".split(
    " ",
  );

function sentence(words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) out.push(pick(WORDS));
  const text = out.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(between(8, 18))).join(" ");
}

const format = (time: DateTime): string => time.toFormat("yyyy-MM-dd HH:mm");

/** A filled report body as the app writes it (see `disruptions fill`), 2–4 KB. */
function reportBody(index: number, started: DateTime): string {
  const services = [...new Set(Array.from({ length: between(1, 3) }, () => pick(SERVICES)))];
  const severity = pick(SEVERITY_WEIGHTS);
  const detected = started.plus({ minutes: between(0, 90) });
  const acknowledged = detected.plus({ minutes: between(1, 15) });
  const mitigated = acknowledged.plus({ minutes: between(5, 120) });
  const resolved = mitigated.plus({ minutes: between(5, 600) });
  const zone = index % 3 === 0 ? "UTC" : ZONE;
  const at = (time: DateTime) => `${format(time.setZone(zone))} ${zone}`;
  const timeline = Array.from(
    { length: between(4, 14) },
    (_, row) =>
      `| ${format(started.plus({ minutes: row * 7 }))} | ${pick(PEOPLE)} | ${sentence(between(5, 12))} | ${pick(["positive", "negative", "neutral"])} |`,
  );
  const items = Array.from({ length: between(1, 6) }, () => {
    const done = random() < 0.6 ? "x" : " ";
    const due = started.plus({ days: between(3, 60) }).toISODate();
    const dropped = random() < 0.05 ? "~~" : "";
    return `- [${done}] ${dropped}${pick(PEOPLE)} ${sentence(between(4, 9)).toLowerCase()}${dropped} (due ${due}) #${between(1, index + 1)}`;
  });
  const lessons =
    random() < 0.15
      ? "<!-- At least three key learnings. -->"
      : `- ${sentence(8)}\n- ${sentence(9)}\n- ${sentence(7)}`;
  const unreadable = index % 397 === 0;
  return [
    "## Overview",
    "",
    "| Field | Value |",
    "| --- | --- |",
    `| Services | ${services.join(", ")} |`,
    `| Type | ${pick(DEFAULT_TYPES)} |`,
    `| Severity | ${severity} |`,
    `| Started | ${unreadable ? "yesterday evening" : at(started)} |`,
    `| Detected | ${at(detected)} |`,
    `| Acknowledged | ${at(acknowledged)} |`,
    `| Mitigated | ${at(mitigated)} |`,
    `| Resolved | ${at(resolved)} |`,
    `| People involved | ${pick(PEOPLE)}, ${pick(PEOPLE)} |`,
    `| Incident commander | ${pick(PEOPLE)} |`,
    `| Customer impact | ${pick(["Yes", "No", "Unknown"])} |`,
    "| Length | |",
    "| Time to detect | |",
    "| Time to acknowledge | |",
    "| Time to mitigate | |",
    "| Time to resolve | |",
    "| Action items | |",
    "",
    "## Summary",
    "",
    paragraph(3),
    "",
    "## Timeline",
    "",
    "| Time | Party | Event | Effect |",
    "| --- | --- | --- | --- |",
    ...timeline,
    "",
    "## Contributing factors",
    "",
    paragraph(between(2, 5)),
    "",
    "## Retrospective",
    "",
    "### What went well",
    "",
    paragraph(2),
    "",
    "### What went poorly",
    "",
    paragraph(2),
    "",
    "### Lessons",
    "",
    lessons,
    "",
    "## Action items",
    "",
    ...items,
    "",
    "## Supporting documentation",
    "",
    `- https://grafana.example.com/d/${index}/overview`,
    `- https://chat.example.com/archives/C0${index}`,
  ].join("\n");
}

/**
 * `count` issues; `repo(index)` names the repository of each (`owner/name`, default one for all),
 * numbered within it.
 */
export function generate(
  count: number,
  repo: (index: number) => string = () => "acme/disruptions",
): AnalyticsIssue[] {
  const numbers = new Map<string, number>();
  const first = DateTime.fromISO("2025-10-01T00:00:00", { zone: ZONE });
  const span = DateTime.fromISO("2026-11-01T00:00:00", { zone: ZONE }).diff(first).toMillis();
  return Array.from({ length: count }, (_, index) => {
    const started = first.plus({ milliseconds: Math.floor(random() * span) }).startOf("minute");
    const closed = started < NOW.minus({ days: 20 }) && random() < 0.95;
    const labels = ["disruption"];
    if (index % 250 === 0) labels.push("disruption-analytics");
    const name = repo(index);
    const number = (numbers.get(name) ?? 0) + 1;
    numbers.set(name, number);
    return {
      number,
      title: `${pick(SERVICES)}: ${sentence(between(3, 8)).slice(0, -1)}`,
      url: `https://github.com/${name}/issues/${number}`,
      body: reportBody(index + 1, started),
      state: closed ? "closed" : "open",
      stateReason: closed ? (index % 101 === 0 ? "duplicate" : "completed") : null,
      createdAt: started.plus({ hours: 2 }).toUTC().toISO() ?? "",
      closedAt: closed ? (started.plus({ days: 10 }).toUTC().toISO() ?? "") : null,
      labels,
    };
  });
}

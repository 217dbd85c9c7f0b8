import type { AnalyticsIssue } from "../../../src/analytics/analytics-issue.js";
import { reportBody } from "../build-issue.js";
import { isoDate, type LocalParts, localParts, wallToInstant } from "./zone-clock.js";

/**
 * Reports the analytics code has never seen, generated from a seed (the same on every run), with
 * the truth of each kept beside it as instants in milliseconds: what the reference computation
 * reads instead of the body. Started times crowd around the daylight-saving changes of Berlin,
 * New York and Sydney and around the year's end, and each time is typed in one of the accepted
 * ways (UTC, an offset, ISO, a named zone, or the repository's own zone without one).
 */
export interface Truth {
  issue: AnalyticsIssue;
  /** `owner/name`. */
  repo: string;
  counted: boolean;
  /** Null when the Started cell cannot be read. */
  started: number | null;
  detected: number | null;
  acknowledged: number | null;
  mitigated: number | null;
  /** The Resolved cell. */
  resolved: number | null;
  /** Resolved, or the close when the cell is empty on a closed report (for reviews outstanding). */
  resolvedOrClosed: number | null;
  services: string[];
  type: string | null;
  severity: string | null;
  customerImpact: "yes" | "no" | "unknown" | null;
  lessonsEmpty: boolean;
  /** Items neither checked nor struck through. */
  openItems: { owners: string[]; due: string | null }[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Instants where something changes in one of the zones: DST, a quarter's or a year's end. */
const HOT = [
  "2026-03-29T01:00:00Z", // Berlin forward
  "2026-10-25T01:00:00Z", // Berlin back
  "2026-03-08T07:00:00Z", // New York forward
  "2026-11-01T06:00:00Z", // New York back
  "2026-04-04T16:00:00Z", // Sydney back
  "2026-10-03T16:00:00Z", // Sydney forward
  "2025-12-31T23:00:00Z", // Berlin's new year
  "2026-12-31T13:00:00Z", // Sydney's new year
  "2026-12-31T23:00:00Z", // Berlin's new year
  "2027-01-01T05:00:00Z", // New York's new year
  "2026-09-30T22:00:00Z", // Berlin's Q4
  "2026-06-30T14:00:00Z", // Sydney's Q3
].map((iso) => Date.parse(iso));

const SPAN_START = Date.parse("2025-10-01T00:00:00Z");
const SPAN_END = Date.parse("2027-04-01T00:00:00Z");
const REPOS = ["acme/ops", "acme/web", "beta/api"];
const SERVICES = ["api", "API", "checkout", "search", "payments", "Auth", "web"];
const TYPES = ["Deployment", "Infrastructure", "Network", "Capacity", "Third party"];
const OWNERS = ["@alice", "@bob", "@org/sre", "@org/payments-team"];
const OFFSETS = [
  { text: "+01:00", minutes: 60 },
  { text: "-05:00", minutes: -300 },
  { text: "+05:30", minutes: 330 },
  { text: "+10:00", minutes: 600 },
];

/** mulberry32. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number): string => String(n).padStart(2, "0");
const wall = (p: LocalParts): string =>
  `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;

/**
 * `count` issues for a repository whose time zone is `zone`, and the truth of each. `now` is the
 * instant the follow-through is measured at (due dates are spread around it).
 */
export function generateReports(count: number, zone: string, now: number, seed = 7): Truth[] {
  const random = seeded(seed);
  const chance = (p: number): boolean => random() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const between = (low: number, high: number): number =>
    low + Math.floor(random() * (high - low + 1));
  const numbers = new Map<string, number>();

  /** A time as an author might type it; the repository's zone only where no change is near. */
  const typed = (instant: number): string => {
    const style = between(0, 4);
    if (style === 0) return `${wall(localParts(instant, "UTC"))} UTC`;
    if (style === 1) {
      const offset = pick(OFFSETS);
      return `${wall(localParts(instant + offset.minutes * MINUTE, "UTC"))} ${offset.text}`;
    }
    if (style === 2) return new Date(instant).toISOString().replace(".000Z", "Z");
    if (style === 3) return `${wall(localParts(instant, "Asia/Tokyo"))} Asia/Tokyo`;
    const local = wall(localParts(instant, zone));
    // Without a zone only when the wall time names one instant (no change within 3 hours).
    return wallToInstant(localParts(instant, zone), zone) === instant &&
      localParts(instant - 3 * HOUR, zone).offset === localParts(instant + 3 * HOUR, zone).offset
      ? local
      : `${wall(localParts(instant, "UTC"))} UTC`;
  };

  const truths: Truth[] = [];
  for (let index = 0; index < count; index += 1) {
    const repo = pick(REPOS);
    const number = (numbers.get(repo) ?? 0) + 1;
    numbers.set(repo, number);
    const started = chance(0.6)
      ? pick(HOT) + between(-6 * 60, 6 * 60) * MINUTE
      : SPAN_START + Math.floor(random() * ((SPAN_END - SPAN_START) / MINUTE)) * MINUTE;
    // One in twelve typed out of order (Detected before Started): TTD is empty, the rest counts.
    const detected = chance(0.97)
      ? started + (chance(0.08) ? -between(1, 30) : between(0, 180)) * MINUTE
      : null;
    const after = (p: number, low: number, high: number): number | null =>
      detected !== null && chance(p) ? detected + between(low, high) * MINUTE : null;
    const acknowledged = after(0.7, 0, 90);
    const mitigated = after(0.75, 5, 600);
    const resolved = after(0.8, 10, 4000);
    const unreadable = chance(0.03);
    const services = [...new Set(Array.from({ length: between(1, 3) }, () => pick(SERVICES)))];
    const type = chance(0.92) ? pick(TYPES) : null;
    const severity = chance(0.93) ? `SEV${between(1, 5)}` : null;
    const impact = pick(["Yes", "No", "Unknown", "", "yes"]);
    const lessons = chance(0.5) ? "Watch the pool graph." : undefined;
    const items = Array.from({ length: between(0, 3) }, (_, item) => {
      const owners = chance(0.8) ? [pick(OWNERS)] : [];
      const due = chance(0.7) ? isoDate(now + between(-40, 40) * 24 * HOUR, zone) : null;
      const state = pick(["open", "open", "checked", "dropped"] as const);
      const text = `${owners.map((owner) => `${owner} `).join("")}fix part ${item} of ${repo}#${number}${due ? ` (due ${due})` : ""}`;
      return {
        owners,
        due,
        state,
        line:
          state === "open"
            ? `- [ ] ${text}`
            : state === "checked"
              ? `- [x] ${text}`
              : `- [ ] ~~${text}~~`,
      };
    });
    const labels = pick([
      ["disruption"],
      ["disruption"],
      ["disruption"],
      ["disruption"],
      ["disruption"],
      ["disruption"],
      ["Disruption", "severity: sev2"],
      ["bug"],
      ["disruption", "Disruption-Analytics"],
    ]);
    const closed = chance(0.6);
    const stateReason = closed
      ? pick(["completed", "completed", "completed", "not_planned", "duplicate", null])
      : null;
    const closedAt = closed
      ? new Date((resolved ?? started) + between(60, 4000) * MINUTE).toISOString()
      : null;
    const issue: AnalyticsIssue = {
      number,
      title: `Disruption ${number} of ${repo}`,
      url: `https://github.com/${repo}/issues/${number}`,
      body: reportBody({
        services: services.join(", "),
        type: type ?? "",
        severity: severity ?? "",
        started: unreadable ? "the night before" : typed(started),
        detected: detected === null ? "" : typed(detected),
        acknowledged: acknowledged === null ? "" : typed(acknowledged),
        mitigated: mitigated === null ? "" : typed(mitigated),
        resolved: resolved === null ? "" : typed(resolved),
        customerImpact: impact,
        ...(lessons ? { lessons } : {}),
        actionItems: items.map((item) => item.line),
      }),
      state: closed ? "closed" : "open",
      stateReason,
      createdAt: new Date(started).toISOString(),
      closedAt,
      labels,
    };
    const lowered = labels.map((label) => label.toLowerCase());
    truths.push({
      issue,
      repo,
      counted:
        lowered.includes("disruption") &&
        !lowered.includes("disruption-analytics") &&
        stateReason !== "duplicate",
      started: unreadable ? null : started,
      detected,
      acknowledged,
      mitigated,
      resolved,
      resolvedOrClosed: resolved ?? (closedAt ? Date.parse(closedAt) : null),
      services: [...new Set(services.map((service) => service.toLowerCase()))],
      type,
      severity,
      customerImpact: impact === "" ? null : (impact.toLowerCase() as "yes" | "no" | "unknown"),
      lessonsEmpty: lessons === undefined,
      openItems: items
        .filter((item) => item.state === "open")
        .map((item) => ({ owners: item.owners, due: item.due })),
    });
  }
  return truths;
}

/** The duration between two instants in minutes, or null when one is missing or out of order. */
export function span(from: number | null, to: number | null): number | null {
  return from === null || to === null || to < from ? null : (to - from) / MINUTE;
}

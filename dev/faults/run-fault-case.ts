import { DateTime } from "luxon";
import { REPO, seedRepository } from "../demo/scenario.js";
import { type Harness, startHarness } from "../demo/start-harness.js";
import type { FaultKind, RecordedRequest, WebhookEvent } from "../local-github/index.js";
import type { FaultScenario } from "./fault-scenarios.js";
import {
  difference,
  duplicates,
  type Snapshot,
  sameSnapshot,
  snapshot,
} from "./github-snapshot.js";

/** How one write call fails: the kind, and whether GitHub applied the write first. */
export interface Failure {
  kind: FaultKind;
  when: "before" | "after";
}

/**
 * What a case came to, as issue 11 counts it: `correct` (GitHub ends as without the fault, at once
 * or after GitHub's redelivery of a delivery answered with an error); `duplicate` (something posted
 * twice); `half-written` (a state that is neither: the delivery was answered as handled, or its
 * redelivery did not complete it); `answered as failed` (nothing written, the delivery answered
 * with an error, and its redelivery completed it).
 */
export type Outcome = "correct" | "duplicate" | "half-written" | "answered as failed";

export interface CaseResult {
  outcome: Outcome;
  note: string;
  /** The app's write calls in order (`PATCH /repos/…`); the faulted one is marked. */
  writes: string[];
  /** The delivery answers: the first try, then any redelivery. */
  answers: number[];
  final: Snapshot;
}

let cases = 0;

/** The local GitHub's clock is still, so that a run with retries writes the same times as one without. */
const GITHUB_NOW = new Date("2026-11-20T16:00:00Z");
const APP_NOW = DateTime.fromISO("2026-12-02T10:00:00Z");

/**
 * Plays a scenario against the app as `npm start` configures it (Probot's retry and throttling
 * plugins), with the `write`-th write call of the app failing as `failure` says, then does what
 * GitHub does: redelivers each delivery answered with an error. `expected` is the fault-free end.
 */
export async function runFaultCase(
  scenario: FaultScenario,
  fault: { write: number; failure: Failure } | null,
  expected: Snapshot | null,
): Promise<CaseResult> {
  const harness = await startHarness({ githubNow: () => GITHUB_NOW, appClock: () => APP_NOW });
  try {
    seedRepository(harness, 20_000 + ++cases);
    const events = await scenario.prepare(harness);
    await harness.restart("production");
    const base = snapshot(harness.github.store, REPO);
    const { github } = harness;
    const isAppWrite = (request: Pick<RecordedRequest, "caller" | "method" | "path">) =>
      request.caller === github.store.bot.login &&
      request.method !== "GET" &&
      request.path !== "/graphql";
    const set = fault
      ? github.fault({ match: isAppWrite, nth: fault.write, fail: fault.failure })
      : null;
    const mark = github.requests.length;
    const first = await deliverAll(harness, events);
    set?.remove();
    const writes = github.requests
      .slice(mark)
      .filter(isAppWrite)
      .map((call) => `${call.method} ${decodeURIComponent(call.path)}${call.fault ? " ✗" : ""}`);
    const after = snapshot(github.store, REPO);
    const failed = events.filter((_, index) => !ok(first[index] ?? 0));
    const again = await deliverAll(harness, failed);
    const final = snapshot(github.store, REPO);
    const answers = [...first, ...again];
    if (!expected) return { outcome: "correct", note: "fault-free run", writes, answers, final };
    return {
      ...classify({ base, after, final, expected, answeredOk: failed.length === 0 }),
      writes,
      answers,
      final,
    };
  } finally {
    await harness.close();
  }
}

/** Delivers the events in order, then the app's own echoes; waits until the app is idle. */
async function deliverAll(harness: Harness, events: readonly WebhookEvent[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const event of events) {
    statuses.push((await harness.deliver(event)).status);
    await harness.idle();
  }
  await harness.settle();
  await harness.idle();
  return statuses;
}

const ok = (status: number) => status >= 200 && status < 300;

function classify(states: {
  base: Snapshot;
  after: Snapshot;
  final: Snapshot;
  expected: Snapshot;
  answeredOk: boolean;
}): { outcome: Outcome; note: string } {
  const { base, after, final, expected, answeredOk } = states;
  const twice = [...duplicates(after, expected), ...duplicates(final, expected)];
  if (twice.length > 0) return { outcome: "duplicate", note: twice.join(", ") };
  if (!sameSnapshot(final, expected))
    return {
      outcome: "half-written",
      note: `${answeredOk ? "answered as handled" : "redelivered"}, but ${difference(final, expected)}`,
    };
  if (answeredOk) return { outcome: "correct", note: "retried and written" };
  if (sameSnapshot(after, base))
    return { outcome: "answered as failed", note: "nothing written; the redelivery wrote it" };
  return { outcome: "correct", note: "answered as failed; the redelivery completed it" };
}

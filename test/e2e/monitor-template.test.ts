import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO, seedRepository } from "../../dev/demo/scenario.js";
import { type Harness, startHarness } from "../../dev/demo/start-harness.js";

const upptime = JSON.parse(
  readFileSync(join(import.meta.dirname, "../fixtures/templates/upptime-down/issue.json"), "utf8"),
) as { title: string; body: string };

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness({ appClock: () => DateTime.fromISO("2026-11-20T16:30:00Z") });
  seedRepository(harness);
  harness.github.store.setFile(REPO, ".github/disruption-reports.yml", "template: upptime\n");
});
afterEach(async () => {
  await harness.close();
});

/** The Overview row's value, as the body holds it. */
function row(body: string, name: string): string | undefined {
  return new RegExp(`^\\| ${name} \\| (.*?) \\|$`, "m").exec(body)?.[1];
}

describe("a monitor's issue (template: upptime), through the real server", () => {
  it("gets Resolved and its length from the monitor's close, its own lines kept in place", async () => {
    const { store } = harness.github;
    const n = store.createIssue("upptime-bot", REPO, {
      title: upptime.title,
      body: upptime.body,
      labels: ["status", "checkout-api"],
    }).number;
    await harness.settle();
    const opened = store.issue(REPO, n);
    const openedBody = opened.body ?? "";
    expect(openedBody.startsWith(upptime.body)).toBe(true);
    expect(row(openedBody, "Services")).toBe("Checkout API");
    expect(row(openedBody, "Resolved")).toBe("");
    expect(row(openedBody, "Length")).toBe("");

    store.updateIssue("upptime-bot", REPO, n, { state: "closed", state_reason: "completed" });
    const deliveries = await harness.settle();
    expect(deliveries.every((delivery) => delivery.status === 200)).toBe(true);

    const closed = store.issue(REPO, n);
    const closedBody = closed.body ?? "";
    expect(closed.state).toBe("closed");
    expect(closedBody.startsWith(upptime.body)).toBe(true);
    const resolved = DateTime.fromISO(closed.closedAt ?? "", { zone: "utc" });
    expect(row(closedBody, "Resolved")).toBe(resolved.toFormat("yyyy-MM-dd HH:mm:ss 'UTC'"));
    const started = DateTime.fromISO(opened.createdAt, { zone: "utc" });
    expect(row(closedBody, "Started")).toBe(started.toFormat("yyyy-MM-dd HH:mm:ss 'UTC'"));
    expect(row(closedBody, "Length")).not.toBe("");
    // The Overview's time rows changed and the close's history was added after it; every line
    // before (the monitor's and the table's other rows) is where it was.
    const before = openedBody.split("\n");
    const after = closedBody.split("\n");
    const changed = before.flatMap((line, index) => (after[index] === line ? [] : [line]));
    expect(changed).toEqual(["| Resolved |  |", "| Length |  |", "| Time to resolve |  |"]);
    expect(closedBody).toMatch(/\n## Timeline\n[\s\S]*\| upptime-bot \| Closed \(completed\) \|/);
  });
});

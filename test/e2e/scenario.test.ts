import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FORM_BODY, playScenario, REPO, seedRepository } from "../../dev/demo/scenario.js";
import { type Harness, startHarness } from "../../dev/demo/start-harness.js";
import { calls } from "../helpers/step-calls.js";

let harness: Harness;

beforeEach(async () => {
  let tick = 0;
  harness = await startHarness({
    githubNow: () => new Date(Date.parse("2026-11-20T16:00:00Z") + 1000 * tick++),
    appClock: () => DateTime.fromISO("2026-11-20T16:30:00Z"),
  });
  seedRepository(harness);
});

afterEach(async () => {
  await harness.close();
});

describe("the demo scenario through the real server", () => {
  it("fills, relabels, guards the close, lets it stand, and publishes the analytics, with these exact API calls", async () => {
    const steps = await playScenario(harness);
    const { store } = harness.github;
    const report = store.issue(REPO, 2);
    // Read by the first event; the others within GitHub's max-age (a minute) use it without
    // asking, except the /disruption report command, which reads it afresh.
    const config = "GET /repos/acme/ops/contents/.github/disruption-reports.yml";

    // 1. Filled, then labelled by name, each planned on the issue read right before; the app's
    // own echoes (and the form's labeled event) cost nothing but one GET /app.
    expect(calls(steps[0])).toEqual([
      "POST /app/installations/10001/access_tokens",
      config,
      "GET /repos/acme/ops/issues/2",
      "GET /repos/acme/ops/labels",
      "POST /repos/acme/ops/labels",
      "POST /repos/acme/ops/labels",
      "POST /repos/acme/ops/labels",
      "POST /repos/acme/ops/labels",
      "GET /repos/acme/ops/issues/2",
      "PATCH /repos/acme/ops/issues/2",
      "POST /repos/acme/ops/issues/2/labels",
      "GET /repos/acme/ops/issues/2/comments",
      "GET /app",
    ]);
    expect(steps[0]?.deliveries.every((delivery) => delivery.status === 200)).toBe(true);

    // 2. The severity label follows the edit.
    expect(calls(steps[1])).toEqual([
      "GET /repos/acme/ops/issues/2",
      "POST /repos/acme/ops/labels",
      "GET /repos/acme/ops/issues/2",
      "POST /repos/acme/ops/issues/2/labels",
      "DELETE /repos/acme/ops/issues/2/labels/severity: sev2",
    ]);
    expect(report.labels).toEqual([
      "disruption",
      "type: deployment",
      "service: checkout",
      "service: payments",
      "severity: sev1",
    ]);
    expect(store.label(REPO, "severity: sev1")).toMatchObject({
      color: "b60205",
      description: "SEV1: complete outage (critical)",
    });

    // 3. The close is undone with one comment; the reopen and the comment coming back cost nothing.
    expect(calls(steps[2])).toEqual([
      "POST /graphql",
      "GET /repos/acme/ops/issues/2",
      "GET /repos/acme/ops/issues/2/comments",
      "POST /repos/acme/ops/issues/2/comments",
      "PATCH /repos/acme/ops/issues/2",
    ]);
    const guard = store.comments(REPO, 2)[0]?.body ?? "";
    expect(guard).toContain(
      "**Reopened: this report cannot be closed while its follow-up is unfinished.**",
    );
    expect(guard).toContain(
      "add a connection-pool saturation alert, tracked in #1 (due 2026-12-01)” (owner `@sam`, due 2026-12-01)",
    );
    expect(guard).toContain(
      "load-test releases before rollout (due 2026-12-15)” (owner `@acme/platform`, due 2026-12-15)",
    );
    expect(guard).not.toContain("roll back release 2.3");

    // 4. The derived row follows the checked items; the second close stands and is synced.
    // 4. /disruption track: the item that links no issue becomes sub-issue #3; closing #3 checks it.
    expect(calls(steps[3])).toContain("POST /repos/acme/ops/issues/2/sub_issues");
    expect(store.issue(REPO, 3)).toMatchObject({
      parent: 2,
      labels: ["disruption-action"],
      state: "closed",
    });
    expect(calls(steps[4])).toEqual([
      "GET /repos/acme/ops/issues/2",
      "PATCH /repos/acme/ops/issues/2",
    ]);
    expect(report.body).toContain(
      "- [x] @acme/platform load-test releases before rollout (due 2026-12-15) #3",
    );

    // The close stands (its items' issues are read in one query), then the timeline sync: the
    // issue read now, its history in one query, one PATCH with the rows it lacked.
    expect(calls(steps[5])).toEqual([
      "GET /repos/acme/ops/issues/2",
      "PATCH /repos/acme/ops/issues/2",
      "POST /graphql",
      "GET /repos/acme/ops/issues/2",
      "POST /graphql",
      "PATCH /repos/acme/ops/issues/2",
    ]);
    expect(
      (report.body ?? "").split("\n").filter((line) => line.includes("<!-- dr:sync=CE_")),
    ).toHaveLength(2); // the first close (undone by the guard) and this one
    expect(report.state).toBe("closed");
    expect(report.body).toContain("| Action items | 3 of 3 done |");
    expect(store.comments(REPO, 2)).toHaveLength(2 + 2); // the guard's comment, maya's /disruption track, the report command and its reply

    // 5. The analytics: one query for the window's 61 reports and one for open ones outside it, one look-up, the label, one issue, one reply.
    expect(calls(steps[6])).toEqual([
      "GET /repos/acme/ops/collaborators/maya/permission",
      config,
      "POST /graphql",
      "POST /graphql",
      "GET /repos/acme/ops/issues",
      "POST /repos/acme/ops/labels",
      "POST /repos/acme/ops/issues",
      "GET /repos/acme/ops/issues",
      "GET /repos/acme/ops/issues/2/comments",
      "POST /repos/acme/ops/issues/2/comments",
    ]);
    const analytics = store
      .issues(REPO)
      .filter((issue) => issue.labels.includes("disruption-analytics"));
    expect(analytics.map((issue) => issue.title)).toEqual(["Disruption report: October 2026"]);
    expect(analytics[0]?.body).toContain("<!-- disruption-reports:analytics month=2026-10 -->");
    expect(analytics[0]?.body).toContain("```mermaid");

    // The author's own text is all still there.
    for (const line of [
      "Checkout failed for most EU customers for 85 minutes",
      "| 15:20 | @sam | rolled back to 2.2 | positive |",
    ]) {
      expect(report.body).toContain(line);
    }
    expect(FORM_BODY).toContain("\r\n");
  });

  it("publishing the same month again edits the issue in place", async () => {
    await playScenario(harness);
    const { store } = harness.github;
    store.createComment("maya", REPO, 2, "/disruption report 2026-10");
    const deliveries = await harness.settle();
    const calls = deliveries.flatMap((delivery) =>
      delivery.calls.map((call) => `${call.method} ${call.path}`),
    );
    expect(calls).not.toContain("POST /repos/acme/ops/issues");
    expect(
      store.issues(REPO).filter((issue) => issue.labels.includes("disruption-analytics")),
    ).toHaveLength(1);
    expect(store.comments(REPO, 2).at(-1)?.body).toMatch(
      /^<!-- disruption-reports:reply:\d+ -->\nAlready up to date: \[Disruption report: October 2026\]/,
    );
  });
});

describe("the webhook endpoint", () => {
  it("rejects a delivery with a wrong signature and calls no API", async () => {
    harness.github.store.createIssue("maya", REPO, {
      title: "Outage",
      body: FORM_BODY,
      labels: ["disruption"],
    });
    const opened = harness.github.webhooks.find((event) => event.event === "issues.opened");
    if (!opened) throw new Error("no issues.opened event");
    const delivery = await harness.deliver(opened, "not-the-secret");
    expect(delivery.status).toBe(400);
    expect(delivery.calls).toEqual([]);
    expect(harness.github.store.issue(REPO, 2).body).toBe(FORM_BODY);
  });

  it("does nothing twice for a redelivered close", async () => {
    const { store } = harness.github;
    store.createIssue("maya", REPO, { title: "Outage", body: FORM_BODY, labels: ["disruption"] });
    await harness.settle();
    store.updateIssue("sam", REPO, 2, { state: "closed", state_reason: "completed" });
    const closed = harness.github.webhooks.at(-1);
    if (closed?.event !== "issues.closed") throw new Error("no issues.closed event");
    await harness.settle();
    const again = await harness.deliver(closed);
    expect(again.status).toBe(200);
    expect(again.calls).toEqual([]);
    expect(store.comments(REPO, 2)).toHaveLength(1);
    expect(store.issue(REPO, 2).state).toBe("open");
  });

  it("answers GitHub within its 10-second timeout while an API call is slow", async () => {
    const { store } = harness.github;
    store.createIssue("maya", REPO, { title: "Outage", body: FORM_BODY, labels: ["disruption"] });
    const opened = harness.github.webhooks.find((event) => event.event === "issues.opened");
    if (!opened) throw new Error("no issues.opened event");
    const release = harness.github.intercept((request) =>
      request.method === "PATCH"
        ? new Promise((resolve) => setTimeout(() => resolve(undefined), 10_500))
        : undefined,
    );
    const delivery = await harness.deliver(opened);
    expect(delivery.ms).toBeLessThan(10_000);
    expect(delivery.status).toBe(202);
    // The handler goes on after the answer and finishes its write.
    for (let waited = 0; waited < 5_000 && store.issue(REPO, 2).body === FORM_BODY; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    release();
    expect(store.issue(REPO, 2).body).toContain("| Field | Value |");
  }, 20_000);
});

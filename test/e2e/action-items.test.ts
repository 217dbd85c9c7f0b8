import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../../dev/demo/start-harness.js";
import { runMonthlySchedule } from "../../src/github/run-monthly-schedule.js";

const REPO = "acme/ops";
let harness: Harness;

beforeEach(async () => {
  let tick = 0;
  harness = await startHarness({
    githubNow: () => new Date(Date.parse("2026-11-20T16:00:00Z") + 1000 * tick++),
    appClock: () => DateTime.fromISO("2026-11-20T16:30:00Z"),
  });
  const { store } = harness.github;
  store.addRepo({ owner: "acme", name: "ops", ownerType: "Organization" });
  store.addInstallation({ account: "acme" });
  store.addLabel(REPO, { name: "disruption", color: "b60205", description: "A report" });
  store.setFile(
    REPO,
    ".github/disruption-reports.yml",
    "timeZone: Europe/Berlin\nactionItems:\n  remind: true\ncalendar:\n  holidays: [2026-11-30]\n",
  );
  store.setCollaborator(REPO, "maya", "maintain");
  store.setCollaborator(REPO, "sam", "write");
});

afterEach(async () => {
  await harness.close();
});

const BODY = [
  "## Overview",
  "",
  "| Field | Value |",
  "| --- | --- |",
  "| Services | checkout |",
  "| Type | Deployment |",
  "| Severity | SEV2 |",
  "| Started | 2026-11-20 14:05 |",
  "| Detected | 2026-11-20 14:12 |",
  "| Resolved | 2026-11-20 15:30 |",
  "",
  "## Summary",
  "",
  "Checkout failed.",
  "",
  "## Action items",
  "",
  "- [ ] @sam add a connection-pool alert (due 2026-11-24)",
  "- [ ] @acme/platform load-test releases (due 2026-12-15)",
  "- [x] @maya roll back release 2.3",
  "- [ ] @maya rewrite the deploy script",
].join("\n");

function calls(deliveries: Awaited<ReturnType<Harness["settle"]>>): string[] {
  return deliveries.flatMap((delivery) =>
    delivery.calls.map((call) => `${call.method} ${decodeURIComponent(call.path)}`),
  );
}

describe("action items as tracked issues, through the local GitHub", () => {
  it("tracks, stays in step both ways, strikes a not-planned item, and reminds weekly in place", async () => {
    const { store } = harness.github;
    const report = store.createIssue("maya", REPO, {
      title: "Checkout down",
      body: BODY,
      labels: ["disruption"],
    });
    await harness.settle();
    const n = report.number;

    // /disruption track: three open items, three sub-issues, one body write.
    store.createComment("maya", REPO, n, "/disruption track");
    const tracked = calls(await harness.settle());
    expect(tracked.filter((call) => call === "POST /repos/acme/ops/issues")).toHaveLength(3);
    expect(
      tracked.filter((call) => call === `POST /repos/acme/ops/issues/${n}/sub_issues`),
    ).toHaveLength(3);
    expect(tracked.filter((call) => call === `PATCH /repos/acme/ops/issues/${n}`)).toHaveLength(1);
    const subIssues = store.issues(REPO).filter((issue) => issue.parent === n);
    expect(subIssues.map((issue) => [issue.title, issue.assignees, issue.labels])).toEqual([
      ["Add a connection-pool alert", ["sam"], ["disruption-action"]],
      ["Load-test releases", [], ["disruption-action"]],
      ["Rewrite the deploy script", ["maya"], ["disruption-action"]],
    ]);
    const [alert, loadTest, rewrite] = subIssues.map((issue) => issue.number);
    expect(store.issue(REPO, n).body).toContain(
      `- [ ] @sam add a connection-pool alert (due 2026-11-24) #${alert}\n- [ ] @acme/platform load-test releases (due 2026-12-15) #${loadTest}\n- [x] @maya roll back release 2.3\n- [ ] @maya rewrite the deploy script #${rewrite}`,
    );

    // A second track creates nothing, says nothing, and is answered 👀 then 👍 like the first.
    store.createComment("maya", REPO, n, "/disruption track");
    const again = calls(await harness.settle());
    expect(again).not.toContain("POST /repos/acme/ops/issues");
    expect(again).not.toContain(`POST /repos/acme/ops/issues/${n}/comments`);
    for (const comment of store.comments(REPO, n).filter((c) => c.body === "/disruption track"))
      expect(comment.reactions.map((r) => r.content)).toEqual(["eyes", "+1"]);
    expect(store.issues(REPO).filter((issue) => issue.parent === n)).toHaveLength(3);

    // Closed as completed → checked; reopened → unchecked; closed as not planned → struck through.
    store.updateIssue("sam", REPO, alert as number, { state: "closed", state_reason: "completed" });
    const closedCalls = calls(await harness.settle());
    // The config was read earlier in the minute GitHub's max-age allows: not asked again.
    expect(closedCalls).toEqual([
      `GET /repos/acme/ops/issues/${n}`,
      `PATCH /repos/acme/ops/issues/${n}`,
    ]);
    expect(store.issue(REPO, n).body).toContain(
      `- [x] @sam add a connection-pool alert (due 2026-11-24) #${alert}`,
    );
    expect(store.issue(REPO, n).body).toContain("| Action items | 2 of 4 done |");
    store.updateIssue("sam", REPO, alert as number, { state: "open" });
    await harness.settle();
    expect(store.issue(REPO, n).body).toContain(
      `- [ ] @sam add a connection-pool alert (due 2026-11-24) #${alert}`,
    );
    store.updateIssue("maya", REPO, rewrite as number, {
      state: "closed",
      state_reason: "not_planned",
    });
    await harness.settle();
    expect(store.issue(REPO, n).body).toContain(
      `- [ ] ~~@maya rewrite the deploy script #${rewrite}~~ not planned`,
    );
    expect(store.issue(REPO, n).body).toContain("| Action items | 1 of 3 done |");

    // Checking the box by hand does not close the issue.
    store.updateIssue("sam", REPO, n, {
      body: (store.issue(REPO, n).body ?? "").replace("- [ ] @sam", "- [x] @sam"),
    });
    await harness.settle();
    expect(store.issue(REPO, alert as number).state).toBe("open");

    // The weekly reminder: Tuesday 24 November is not the week's first working day, Monday 23 was.
    // The alert is due 24 November: overdue from 18:00 that day, so the week of 30 November
    // (a holiday Monday: the reminder waits for Tuesday 09:00) is its first.
    store.updateIssue("sam", REPO, n, {
      body: (store.issue(REPO, n).body ?? "").replace("- [x] @sam", "- [ ] @sam"),
    });
    await harness.settle();
    await runMonthlySchedule(harness.probot, DateTime.fromISO("2026-11-30T10:00:00Z"));
    expect(
      store.comments(REPO, n).filter((c) => c.body.includes("Follow-up reminder")),
    ).toHaveLength(0);
    await runMonthlySchedule(harness.probot, DateTime.fromISO("2026-12-01T08:30:00Z"));
    const first = store.comments(REPO, n).filter((c) => c.body.includes("Follow-up reminder"));
    expect(first).toHaveLength(1);
    expect(first[0]?.body).toContain("· @sam");
    expect(first[0]?.body).toContain("Lessons");
    await runMonthlySchedule(harness.probot, DateTime.fromISO("2026-12-01T09:30:00Z"));
    await runMonthlySchedule(harness.probot, DateTime.fromISO("2026-12-07T08:30:00Z"));
    const second = store.comments(REPO, n).filter((c) => c.body.includes("Follow-up reminder"));
    expect(second).toHaveLength(1);
    expect(second[0]?.id).toBe(first[0]?.id);
    expect(second[0]?.body).toContain("for the week 2026-W50");
    expect(second[0]?.body).toContain("· `@sam`");
  });

  it("without sub-issues (404 from the endpoint) tracks with plain references", async () => {
    const { store } = harness.github;
    harness.github.intercept((request) =>
      request.path.endsWith("/sub_issues")
        ? { status: 404, body: { message: "Not Found" } }
        : undefined,
    );
    const report = store.createIssue("maya", REPO, {
      title: "Checkout down",
      body: BODY,
      labels: ["disruption"],
    });
    await harness.settle();
    store.createComment("maya", REPO, report.number, "/disruption track");
    const tracked = calls(await harness.settle());
    expect(tracked.filter((call) => call.endsWith("/sub_issues"))).toHaveLength(1);
    const created = store
      .issues(REPO)
      .filter((issue) => issue.labels.includes("disruption-action"));
    expect(created).toHaveLength(3);
    expect(created.every((issue) => issue.parent === null)).toBe(true);
    expect(store.issue(REPO, report.number).body).toContain(
      `rewrite the deploy script #${created[2]?.number}`,
    );
  });
});

import { DateTime } from "luxon";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { itemKey } from "../../src/action-items/tracked-marker.js";
import { runMonthlySchedule } from "../../src/github/run-monthly-schedule.js";
import { capture } from "../helpers/github-mocks.js";
import { API, appProbot, unexpected, useNock } from "../helpers/probot.js";

useNock();

const CONFIG = "timeZone: Europe/Berlin\nactionItems:\n  remind: true\n";

function report(number: number, items: string[], extra: string[] = []) {
  return {
    number,
    title: `Disruption ${number}`,
    url: `https://github.com/acme/ops/issues/${number}`,
    body: [
      "## Overview",
      "",
      "| Field | Value |",
      "| --- | --- |",
      "| Services | api |",
      ...extra,
      "| Started | 2026-11-02 10:00 |",
      "",
      "## Action items",
      "",
      ...items,
    ].join("\n"),
    state: "OPEN",
    stateReason: null,
    createdAt: "2026-11-02T10:00:00Z",
    closedAt: null,
    labels: { nodes: [{ name: "disruption" }] },
  };
}

/**
 * The installation, its one repository, the owner's `.github` config (none) and the batched probe
 * that reads the repository's config and its report count: what every hourly run reads first.
 */
function repository(scope: nock.Scope): nock.Scope {
  return scope
    .get("/app/installations")
    .query({ per_page: 100 })
    .reply(200, [{ id: 7, account: { login: "acme" } }])
    .post("/app/installations/7/access_tokens")
    .reply(201, { token: "ghs_install", expires_at: "2999-01-01T00:00:00Z" })
    .get("/installation/repositories")
    .query({ per_page: 100 })
    .reply(200, { total_count: 1, repositories: [{ name: "ops", owner: { login: "acme" } }] })
    .get("/repos/acme/.github/contents/.github%2Fdisruption-reports.yml")
    .reply(404, {})
    .post("/graphql", (body) => Boolean(body?.query?.includes("RepositoryProbe")))
    .reply(200, {
      data: { r0: { object: { text: CONFIG }, label: { issues: { totalCount: 2 } } } },
    });
}

const overdueReport = report(4, [
  "- [ ] @alice add a pool alert (due 2026-11-20)",
  "- [ ] @bob write the runbook (due 2026-11-27)",
  "- [ ] @carol load-test (due 2026-12-31)",
  "- [x] @dan roll back (due 2026-11-01)",
]);
const doneReport = report(5, ["- [x] @alice add a pool alert (due 2026-11-20)"]);
const page = (nodes: unknown[]) => ({
  data: { repository: { issues: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } } },
});

describe("the weekly reminder (actionItems.remind: true)", () => {
  it("on the week's first working hour: one comment per report with overdue items, owners mentioned once", async () => {
    const probot = appProbot(process.env.DEBUG_REMIND ? "debug" : "silent");
    const comments: { body: string }[] = [];
    // Monday 23 November 2026, 09:20 in Berlin.
    const now = DateTime.fromISO("2026-11-23T08:20:00Z");
    const scope = repository(nock(API))
      .post("/graphql", (body) => body.variables?.states?.[0] === "OPEN")
      .reply(200, page([overdueReport, doneReport]))
      .get("/repos/acme/ops/issues/4/comments")
      .query(true)
      .reply(200, [])
      .post("/repos/acme/ops/issues/4/comments", capture(comments))
      .reply(201, { id: 1 });
    await runMonthlySchedule(probot, now);
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? "";
    expect(body).toContain("**Follow-up reminder** for the week 2026-W48");
    expect(body).toContain("This action item is overdue:");
    expect(body).toContain(
      "- “@\u200balice add a pool alert (due 2026-11-20)” — due 2026-11-20 · @alice",
    );
    expect(body).not.toContain("runbook");
    expect(body).toContain(
      `<!-- disruption-reports:reminder week=2026-W48 mentioned=${itemKey("@alice add a pool alert (due 2026-11-20)")} -->`,
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("the next week edits the same comment: the old item without a ping, the newly overdue one with it", async () => {
    const probot = appProbot(process.env.DEBUG_REMIND ? "debug" : "silent");
    const edits: { body: string }[] = [];
    const lastWeek = `…\n<!-- disruption-reports:reminder week=2026-W48 mentioned=${itemKey("@alice add a pool alert (due 2026-11-20)")} -->`;
    const now = DateTime.fromISO("2026-11-30T08:20:00Z");
    const scope = repository(nock(API))
      .post("/graphql")
      .reply(200, page([overdueReport]))
      .get("/repos/acme/ops/issues/4/comments")
      .query(true)
      .reply(200, [{ id: 99, body: lastWeek }])
      .patch("/repos/acme/ops/issues/comments/99", capture(edits))
      .reply(200, {});
    await runMonthlySchedule(probot, now);
    const body = edits[0]?.body ?? "";
    expect(body).toContain("for the week 2026-W49");
    expect(body).toContain("These 2 action items are overdue:");
    expect(body).toContain(
      "- “@\u200balice add a pool alert (due 2026-11-20)” — due 2026-11-20, 5 working days ago · `@alice`",
    );
    expect(body).toContain("write the runbook (due 2026-11-27)” — due 2026-11-27 · @bob");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("writes nothing twice in a week, and nothing before the week's first working hour", async () => {
    const probot = appProbot(process.env.DEBUG_REMIND ? "debug" : "silent");
    const thisWeek = `…\n<!-- disruption-reports:reminder week=2026-W48 mentioned=${itemKey("@alice add a pool alert (due 2026-11-20)")} -->`;
    const scope = repository(nock(API))
      .post("/graphql")
      .reply(200, page([overdueReport]))
      .get("/repos/acme/ops/issues/4/comments")
      .query(true)
      .reply(200, [{ id: 99, body: thisWeek }]);
    await runMonthlySchedule(probot, DateTime.fromISO("2026-11-24T10:00:00Z"));
    // Monday 07:59 in Berlin: not yet.
    const early = repository(nock(API));
    await runMonthlySchedule(
      appProbot(process.env.DEBUG_REMIND ? "debug" : "silent"),
      DateTime.fromISO("2026-11-30T06:59:00Z"),
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(early.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

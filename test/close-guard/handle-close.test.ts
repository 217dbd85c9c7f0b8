import nock from "nock";
import { describe, expect, it } from "vitest";
import { capture, commentsNow, issueNow, noConfig, repoPath } from "../helpers/github-mocks.js";
import {
  BOT_LOGIN,
  commentCreated,
  issueClosed,
  issueReopened,
  OWNER,
  REPO,
} from "../helpers/payloads.js";
import { API, testProbot, unexpected, useNock } from "../helpers/probot.js";

useNock();

type ClosedPayload = ReturnType<typeof issueClosed>;

/** The reads a blocked close makes before writing: the issue (still closed by this close), its comments. */
function readsNow(
  scope: nock.Scope,
  payload: ClosedPayload,
  comments: { id: number; body: string; bot?: boolean; createdAt?: string }[] = [],
): nock.Scope {
  issueNow(scope, {
    body: payload.issue.body ?? "",
    labels: (payload.issue.labels ?? []).map((label) => label.name),
    state: "closed",
    stateReason: payload.issue.state_reason ?? null,
    closedAt: payload.issue.closed_at,
  });
  return commentsNow(scope, comments);
}

const labels = ["disruption", "severity: sev2", "service: api"];

function body(severity: string, items: string[]): string {
  return [
    "## Overview",
    "",
    "| Field | Value |",
    "| --- | --- |",
    "| Services | api |",
    "| Type | Infrastructure |",
    `| Severity | ${severity} |`,
    "| Started | 2026-11-20 14:05 UTC |",
    "| Detected | 2026-11-20 14:12 UTC |",
    "",
    "## Summary",
    "",
    "Checkout failed.",
    "",
    "## Action items",
    "",
    ...items,
  ].join("\n");
}

/**
 * The timeline sync after a close that stands: the issue read now (still closed by this close),
 * its history (one GraphQL query: created, and this close), and the one PATCH that adds the rows.
 */
function syncedAtClose(
  scope: nock.Scope,
  issue: { body: string; labels: string[]; stateReason?: string | null; closedAt?: string | null },
  patches: { body: string }[],
) {
  issueNow(scope, { ...issue, state: "closed" });
  return scope
    .post("/graphql", (request: { query: string }) => request.query.includes("IssueHistory"))
    .reply(200, {
      data: {
        repository: {
          issue: {
            createdAt: "2026-11-20T14:20:00Z",
            author: { login: "maya" },
            timelineItems: {
              nodes: [
                {
                  __typename: "ClosedEvent",
                  id: "CE_9",
                  createdAt: "2026-11-20T17:02:10Z",
                  actor: { login: "octocat" },
                  stateReason: "COMPLETED",
                },
              ],
            },
            closedByPullRequestsReferences: { nodes: [] },
          },
        },
      },
    })
    .patch(`${repoPath}/issues/1`, capture(patches))
    .reply(200, {});
}

describe("issues.closed", () => {
  it("lets a close stand when everything is done, and records it in the timeline once, in one PATCH", async () => {
    const probot = await testProbot();
    const patches: { body: string }[] = [];
    const payload = issueClosed({ body: body("SEV2", ["- [x] @alice add an alert"]), labels });
    const scope = syncedAtClose(
      noConfig(nock(API)),
      {
        body: payload.issue.body ?? "",
        labels,
        stateReason: payload.issue.state_reason,
        closedAt: payload.issue.closed_at,
      },
      patches,
    );
    await probot.receive({ id: "c1", name: "issues", payload });
    expect(patches).toHaveLength(1);
    expect(patches[0]?.body).toContain(
      [
        "## Timeline",
        "",
        "| Time | Party | Event | Effect |",
        "| --- | --- | --- | --- |",
        "| 2026-11-20 14:20 UTC | maya | Issue opened | neutral <!-- dr:sync=opened --> |",
        "| 2026-11-20 17:02 UTC | octocat | Closed (completed) | neutral <!-- dr:sync=CE_9 --> |",
        "",
        "## Action items",
      ].join("\n"),
    );
    // Everything above the new section is as it was.
    expect(
      patches[0]?.body.startsWith(payload.issue.body?.split("## Action items")[0] ?? "-"),
    ).toBe(true);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("reopens a report with open items and posts one comment listing them with owners and due dates", async () => {
    const probot = await testProbot();
    const patches: unknown[] = [];
    const comments: { body: string }[] = [];
    const payload = issueClosed({
      body: body("SEV2", [
        "- [ ] @alice @acme/sre add an alert (due 2026-12-01)",
        "- [x] roll back",
        "- [ ] write the runbook",
      ]),
      labels,
    });
    // The comment first, then the reopen: a failure in between leaves the close for a redelivery.
    const scope = readsNow(noConfig(nock(API)), payload)
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 })
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {});

    await probot.receive({ id: "c2", name: "issues", payload });

    expect(patches).toEqual([{ state: "open" }]);
    expect(comments).toHaveLength(1);
    const comment = comments[0]?.body ?? "";
    expect(comment).toContain(
      "**Reopened: this report cannot be closed while its follow-up is unfinished.**",
    );
    expect(comment).toContain(
      "- “@&#8203;alice @&#8203;acme/sre add an alert (due 2026-12-01)” (owner `@alice`, `@acme/sre`, due 2026-12-01)",
    );
    expect(comment).toContain("- “write the runbook” (no owner, no due date)");
    expect(comment).not.toContain("roll back");
    // Owners are named in code or quieted, so the comment notifies nobody beyond the issue's participants.
    expect(comment).not.toMatch(/(^|[^`])@(alice|acme)/);
    expect(comment).toContain('close the report as "not planned" or "duplicate"');
    expect(comment).toContain("`- [ ] ~~add a cache~~ not needed after the fix`");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("reads every referenced issue in one GraphQL query: a checked item whose issue is open blocks, an unchecked one whose issues are closed does not", async () => {
    const probot = await testProbot();
    const queries: { query: string; variables: Record<string, unknown> }[] = [];
    const comments: { body: string }[] = [];
    const payload = issueClosed({
      body: body("SEV2", ["- [x] alert tracked in #12", "- [ ] fix in #13 and acme/pool#4"]),
      labels,
    });
    const scope = readsNow(noConfig(nock(API)), payload)
      .post("/graphql", capture(queries))
      .reply(200, {
        data: {
          r0: {
            i0: { __typename: "Issue", state: "OPEN", stateReason: null, title: "Alert", url: "u" },
            i1: {
              __typename: "Issue",
              state: "CLOSED",
              stateReason: "COMPLETED",
              title: "Fix",
              url: "u",
            },
          },
          r1: {
            i0: { __typename: "PullRequest", pullRequestState: "MERGED", title: "Pool", url: "u" },
          },
        },
      })
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 })
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {});

    await probot.receive({ id: "c3", name: "issues", payload });

    expect(queries).toHaveLength(1);
    expect(queries[0]?.variables).toEqual({
      owner0: OWNER,
      name0: REPO,
      number0_0: 12,
      number0_1: 13,
      owner1: "acme",
      name1: "pool",
      number1_0: 4,
    });
    expect(comments[0]?.body).toContain(
      "- “alert tracked in #12” (no owner, no due date) is checked off, but #12 is still open.",
    );
    expect(comments[0]?.body).not.toContain("fix in #13");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("counts a referenced issue GitHub cannot show as not done, and says it could not be read", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const payload = issueClosed({ body: body("SEV2", ["- [x] done in #99"]), labels });
    const scope = readsNow(noConfig(nock(API)), payload)
      .post("/graphql")
      .reply(200, {
        data: { r0: { i0: null } },
        errors: [
          {
            type: "NOT_FOUND",
            path: ["r0", "i0"],
            message: "Could not resolve to an issue or pull request with the number of 99.",
          },
        ],
      })
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 })
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {});

    await probot.receive({ id: "c4", name: "issues", payload });

    expect(comments[0]?.body).toContain(
      "- “done in #99” (no owner, no due date): #99 could not be read",
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("blocks while sub-issues are open, from the payload alone", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const payload = issueClosed({
      body: body("SEV3", ["- [x] done"]),
      labels,
      subIssues: { total: 4, completed: 1 },
    });
    const scope = readsNow(noConfig(nock(API)), payload)
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 })
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {});
    await probot.receive({ id: "c5", name: "issues", payload });
    expect(comments[0]?.body).toContain("- 3 of 4 sub-issues are still open.");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("blocks a SEV1 report that has no action item", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const payload = issueClosed({ body: body("SEV1", []), labels });
    const scope = readsNow(noConfig(nock(API)), payload)
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 })
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {});
    await probot.receive({ id: "c6", name: "issues", payload });
    expect(comments[0]?.body).toContain("- This is a SEV1 report without any action item");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("lets a close as not planned stand whatever is open; no sync once it has been reopened since", async () => {
    const probot = await testProbot();
    // Reopened by someone between the close and its delivery: no history read, no write.
    const scope = issueNow(noConfig(nock(API)), {
      body: body("SEV1", ["- [ ] open"]),
      labels,
      state: "open",
    });
    await probot.receive({
      id: "c7",
      name: "issues",
      payload: issueClosed({
        body: body("SEV1", ["- [ ] open"]),
        labels,
        stateReason: "not_planned",
      }),
    });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("does nothing for its own reopen coming back, nor for its own close", async () => {
    const probot = await testProbot();
    await probot.receive({
      id: "c8",
      name: "issues",
      payload: issueReopened({
        body: body("SEV2", ["- [ ] open"]),
        labels,
        sender: { login: BOT_LOGIN, type: "Bot" },
      }),
    });
    await probot.receive({
      id: "c9",
      name: "issues",
      payload: issueClosed({
        body: body("SEV2", ["- [ ] open"]),
        labels,
        sender: { login: BOT_LOGIN, type: "Bot" },
      }),
    });
    expect(unexpected).toEqual([]);
  });

  it("a redelivery after the reopen changes nothing; a second blocked close keeps the one comment", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const payload = issueClosed({ body: body("SEV2", ["- [ ] open"]), labels });
    const scope = readsNow(noConfig(nock(API)), payload)
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 7 })
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {});
    await probot.receive({ id: "first", name: "issues", payload });
    expect(comments).toHaveLength(1);
    expect(scope.pendingMocks()).toEqual([]);

    // Redelivered under another id (GitHub's, after a restart): the issue is open, nothing to do.
    // The repository's missing config is remembered for a minute: no config read this time.
    const scope2 = issueNow(nock(API), { body: payload.issue.body ?? "", labels });
    await probot.receive({ id: "redelivered", name: "issues", payload });
    expect(scope2.pendingMocks()).toEqual([]);

    // Closed again later: the comment already says it; only the reopen is written.
    const again = issueClosed({ body: body("SEV2", ["- [ ] open"]), labels });
    again.issue.closed_at = "2026-11-21T10:00:00Z";
    const scope3 = readsNow(nock(API), again, [{ id: 7, body: comments[0]?.body ?? "", bot: true }])
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {});
    await probot.receive({ id: "second-close", name: "issues", payload: again });
    expect(comments).toHaveLength(1);
    expect(scope3.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("leaves a close to a maintainer's /disruption close written with it (Close with comment, close delivered first)", async () => {
    const probot = await testProbot();
    const payload = issueClosed({ body: body("SEV2", ["- [ ] open"]), labels });
    const scope = readsNow(noConfig(nock(API)), payload, [
      // GitHub's "Close with comment" creates the comment a moment before the close.
      {
        id: 3,
        body: "/disruption close moved to the roadmap",
        createdAt: payload.issue.closed_at ?? "",
      },
    ])
      .get(`${repoPath}/collaborators/octocat/permission`)
      .reply(200, { permission: "admin", role_name: "admin", user: { login: "octocat" } });
    await probot.receive({ id: "with-comment", name: "issues", payload });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

describe("/disruption close <reason>", () => {
  it("closes the report for a maintainer and records who and why", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const patches: unknown[] = [];
    const report = body("SEV2", ["- [ ] open"]);
    const scope = issueNow(
      noConfig(nock(API))
        .get(`${repoPath}/collaborators/maya/permission`)
        .reply(200, { permission: "write", role_name: "maintain", user: { login: "maya" } }),
      { body: report, labels },
    )
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {});
    commentsNow(scope, [])
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 });
    const synced: { body: string }[] = [];
    syncedAtClose(scope, { body: report, labels }, synced);

    await probot.receive({
      id: "o1",
      name: "issue_comment",
      payload: commentCreated({
        body: body("SEV2", ["- [ ] open"]),
        labels,
        state: "open",
        comment: "/disruption close the remaining item moved to the Q1 roadmap",
        commenter: "maya",
      }),
    });

    expect(comments).toEqual([
      {
        body: "<!-- disruption-reports:close-guard -->\n**Closed by @maya with the close guard overridden.**\n\n> the remaining item moved to the Q1 roadmap",
      },
    ]);
    expect(patches).toEqual([{ state: "closed", state_reason: "completed" }]);
    // Then the timeline gets the history, as on any close that stands.
    expect(synced[0]?.body).toContain(
      "| 2026-11-20 17:02 UTC | octocat | Closed (completed) | neutral <!-- dr:sync=CE_9 --> |",
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("refuses a triage-level user and says who may", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const scope = commentsNow(
      noConfig(nock(API))
        .get(`${repoPath}/collaborators/tom/permission`)
        .reply(200, { permission: "read", role_name: "triage", user: { login: "tom" } }),
      [],
    )
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 });

    await probot.receive({
      id: "o2",
      name: "issue_comment",
      payload: commentCreated({
        body: body("SEV2", ["- [ ] open"]),
        labels,
        comment: "/disruption close done enough",
        commenter: "tom",
      }),
    });

    expect(comments[0]?.body).toBe(
      "<!-- disruption-reports:reply:492700400 -->\n@tom only people with the maintain or admin role on this repository can close a report with open follow-up (your role: triage). Finish or strike through the open items, or ask a maintainer.",
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("asks for a reason (😕 and the refusal comment), and costs nothing for ordinary comments", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const reactions = /\/issues\/comments\/\d+\/reactions$/;
    const scope = nock(API)
      .post(reactions, (body) => body.content === "eyes")
      .reply(201, {})
      .post(reactions, (body) => body.content === "confused")
      .reply(201, {})
      .get(`${repoPath}/collaborators/octocat/permission`)
      .reply(200, { permission: "write", role_name: "write", user: { login: "octocat" } })
      .get(`${repoPath}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 });
    await probot.receive({
      id: "o3",
      name: "issue_comment",
      payload: commentCreated({ labels, comment: "/disruption close" }),
    });
    await probot.receive({
      id: "o4",
      name: "issue_comment",
      payload: commentCreated({ labels, comment: "I think we can close this /disruption close" }),
    });
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain(
      "- `/disruption close`: say why the report may close with open items: `/disruption close <reason>`.",
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

describe("every order of a close and /disruption close ends closed, with one comment", () => {
  const report = body("SEV2", ["- [ ] open"]);
  const maintainer = (scope: nock.Scope) =>
    scope
      .get(`${repoPath}/collaborators/maya/permission`)
      .reply(200, { permission: "write", role_name: "maintain", user: { login: "maya" } });

  it("the command after the guard reopened: closes, and turns the Reopened comment into the override", async () => {
    const probot = await testProbot();
    const edits: { body: string }[] = [];
    const patches: unknown[] = [];
    const scope = issueNow(maintainer(noConfig(nock(API))), { body: report, labels })
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {});
    commentsNow(scope, [
      { id: 7, body: "<!-- disruption-reports:close-guard -->\n**Reopened: …**", bot: true },
    ])
      .patch(`${repoPath}/issues/comments/7`, capture(edits))
      .reply(200, {});
    syncedAtClose(scope, { body: report, labels }, []);
    await probot.receive({
      id: "after",
      name: "issue_comment",
      payload: commentCreated({
        body: report,
        labels,
        comment: "/disruption close moved",
        commenter: "maya",
      }),
    });
    expect(patches).toEqual([{ state: "closed", state_reason: "completed" }]);
    expect(edits[0]?.body).toContain("**Closed by @maya with the close guard overridden.**");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("Close with comment, the comment delivered first: the issue is closed already, only the comment is written", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const scope = issueNow(maintainer(noConfig(nock(API))), {
      body: report,
      labels,
      state: "closed",
      closedAt: "2026-11-20T16:00:00Z",
    });
    commentsNow(scope, [])
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 8 });
    syncedAtClose(scope, { body: report, labels }, []);
    await probot.receive({
      id: "first",
      name: "issue_comment",
      payload: commentCreated({
        body: report,
        labels,
        state: "closed",
        comment: "/disruption close moved",
        commenter: "maya",
      }),
    });
    expect(comments).toHaveLength(1);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

import nock from "nock";
import type { Probot } from "probot";
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
type Comment = { id: number; body: string; bot?: boolean; createdAt?: string };

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

/** The close of a report, as GitHub delivers it. */
function receiveClose(probot: Probot, payload: ClosedPayload, id = "close"): Promise<void> {
  return probot.receive({ id, name: "issues", payload });
}

/** A comment written on the report (`/disruption close …` or any other). */
function receiveComment(
  probot: Probot,
  id: string,
  options: Parameters<typeof commentCreated>[0],
): Promise<void> {
  return probot.receive({ id, name: "issue_comment", payload: commentCreated(options) });
}

/** Every mocked call was made, and no other: what a handler test ends with. */
function expectExactCalls(scope: nock.Scope): void {
  expect(scope.pendingMocks()).toEqual([]);
  expect(unexpected).toEqual([]);
}

/** The reads a blocked close makes before writing: the issue (still closed by this close), its comments. */
function readsNow(scope: nock.Scope, payload: ClosedPayload, comments: Comment[] = []): nock.Scope {
  issueNow(scope, {
    body: payload.issue.body ?? "",
    labels: (payload.issue.labels ?? []).map((label) => label.name),
    state: "closed",
    stateReason: payload.issue.state_reason ?? null,
    closedAt: payload.issue.closed_at,
  });
  return commentsNow(scope, comments);
}

/** A new comment on the report, its body kept in `into`. */
function postsComment(scope: nock.Scope, into: { body: string }[], id = 1): nock.Scope {
  return scope.post(`${repoPath}/issues/1/comments`, capture(into)).reply(201, { id });
}

/** A PATCH of the report (the reopen, the override's close), its body kept in `into`. */
function patchesIssue(scope: nock.Scope, into: unknown[]): nock.Scope {
  return scope.patch(`${repoPath}/issues/1`, capture(into)).reply(200, {});
}

/** The role GitHub answers for `login` (the override's check). */
function withRole(scope: nock.Scope, login: string, permission: string, role: string): nock.Scope {
  return scope
    .get(`${repoPath}/collaborators/${login}/permission`)
    .reply(200, { permission, role_name: role, user: { login } });
}

interface BlockedClose {
  scope: nock.Scope;
  /** The comments posted. */
  comments: { body: string }[];
  /** The PATCHes of the issue. */
  patches: unknown[];
}

/**
 * A close the guard undoes: no config, the issue and its comments read now, what the decision
 * reads (`reads`: the referenced issues), the close-guard comment, then the reopen.
 */
function blockedClose(
  payload: ClosedPayload,
  options: { reads?: (scope: nock.Scope) => nock.Scope; commentId?: number } = {},
): BlockedClose {
  const comments: { body: string }[] = [];
  const patches: unknown[] = [];
  const reads = options.reads ?? ((scope) => scope);
  const scope = patchesIssue(
    postsComment(reads(readsNow(noConfig(nock(API)), payload)), comments, options.commentId),
    patches,
  );
  return { scope, comments, patches };
}

/** The close was undone: one comment (holding each of `texts`), one reopen, every call made. */
function expectReopened(close: BlockedClose, ...texts: string[]): string {
  expect(close.patches).toEqual([{ state: "open" }]);
  expect(close.comments).toHaveLength(1);
  const comment = close.comments[0]?.body ?? "";
  for (const text of texts) expect(comment).toContain(text);
  expectExactCalls(close.scope);
  return comment;
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
    await receiveClose(probot, payload, "c1");
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
    expectExactCalls(scope);
  });

  it("reopens a report with open items and posts one comment listing them with owners and due dates", async () => {
    const probot = await testProbot();
    const payload = issueClosed({
      body: body("SEV2", [
        "- [ ] @alice @acme/sre add an alert (due 2026-12-01)",
        "- [x] roll back",
        "- [ ] write the runbook",
      ]),
      labels,
    });
    // The comment first, then the reopen: a failure in between leaves the close for a redelivery.
    const close = blockedClose(payload);
    await receiveClose(probot, payload, "c2");
    const comment = expectReopened(
      close,
      "**Reopened: this report cannot be closed while its follow-up is unfinished.**",
      "- “@&#8203;alice @&#8203;acme/sre add an alert (due 2026-12-01)” (owner `@alice`, `@acme/sre`, due 2026-12-01)",
      "- “write the runbook” (no owner, no due date)",
      'close the report as "not planned" or "duplicate"',
      "`- [ ] ~~add a cache~~ not needed after the fix`",
    );
    expect(comment).not.toContain("roll back");
    // Owners are named in code or quieted, so the comment notifies nobody beyond the issue's participants.
    expect(comment).not.toMatch(/(^|[^`])@(alice|acme)/);
  });

  it("reads every referenced issue in one GraphQL query: a checked item whose issue is open blocks, an unchecked one whose issues are closed does not", async () => {
    const probot = await testProbot();
    const queries: { query: string; variables: Record<string, unknown> }[] = [];
    const payload = issueClosed({
      body: body("SEV2", ["- [x] alert tracked in #12", "- [ ] fix in #13 and acme/pool#4"]),
      labels,
    });
    const close = blockedClose(payload, {
      reads: (scope) =>
        scope.post("/graphql", capture(queries)).reply(200, {
          data: {
            r0: {
              i0: {
                __typename: "Issue",
                state: "OPEN",
                stateReason: null,
                title: "Alert",
                url: "u",
              },
              i1: {
                __typename: "Issue",
                state: "CLOSED",
                stateReason: "COMPLETED",
                title: "Fix",
                url: "u",
              },
            },
            r1: {
              i0: {
                __typename: "PullRequest",
                pullRequestState: "MERGED",
                title: "Pool",
                url: "u",
              },
            },
          },
        }),
    });
    await receiveClose(probot, payload, "c3");
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
    const comment = expectReopened(
      close,
      "- “alert tracked in #12” (no owner, no due date) is checked off, but #12 is still open.",
    );
    expect(comment).not.toContain("fix in #13");
  });

  it("counts a referenced issue GitHub cannot show as not done, and says it could not be read", async () => {
    const probot = await testProbot();
    const payload = issueClosed({ body: body("SEV2", ["- [x] done in #99"]), labels });
    const close = blockedClose(payload, {
      reads: (scope) =>
        scope.post("/graphql").reply(200, {
          data: { r0: { i0: null } },
          errors: [
            {
              type: "NOT_FOUND",
              path: ["r0", "i0"],
              message: "Could not resolve to an issue or pull request with the number of 99.",
            },
          ],
        }),
    });
    await receiveClose(probot, payload, "c4");
    expectReopened(close, "- “done in #99” (no owner, no due date): #99 could not be read");
  });

  it("blocks while sub-issues are open, from the payload alone", async () => {
    const probot = await testProbot();
    const payload = issueClosed({
      body: body("SEV3", ["- [x] done"]),
      labels,
      subIssues: { total: 4, completed: 1 },
    });
    const close = blockedClose(payload);
    await receiveClose(probot, payload, "c5");
    expectReopened(close, "- 3 of 4 sub-issues are still open.");
  });

  it("blocks a SEV1 report that has no action item", async () => {
    const probot = await testProbot();
    const payload = issueClosed({ body: body("SEV1", []), labels });
    const close = blockedClose(payload);
    await receiveClose(probot, payload, "c6");
    expectReopened(close, "- This is a SEV1 report without any action item");
  });

  it("lets a close as not planned stand whatever is open; no sync once it has been reopened since", async () => {
    const probot = await testProbot();
    // Reopened by someone between the close and its delivery: no history read, no write.
    const scope = issueNow(noConfig(nock(API)), {
      body: body("SEV1", ["- [ ] open"]),
      labels,
      state: "open",
    });
    const payload = issueClosed({
      body: body("SEV1", ["- [ ] open"]),
      labels,
      stateReason: "not_planned",
    });
    await receiveClose(probot, payload, "c7");
    expectExactCalls(scope);
  });

  it("does nothing for its own reopen coming back, nor for its own close", async () => {
    const probot = await testProbot();
    const bot = { login: BOT_LOGIN, type: "Bot" as const };
    await probot.receive({
      id: "c8",
      name: "issues",
      payload: issueReopened({ body: body("SEV2", ["- [ ] open"]), labels, sender: bot }),
    });
    await receiveClose(
      probot,
      issueClosed({ body: body("SEV2", ["- [ ] open"]), labels, sender: bot }),
      "c9",
    );
    expect(unexpected).toEqual([]);
  });

  it("a redelivery after the reopen changes nothing; a second blocked close keeps the one comment", async () => {
    const probot = await testProbot();
    const payload = issueClosed({ body: body("SEV2", ["- [ ] open"]), labels });
    const first = blockedClose(payload, { commentId: 7 });
    await receiveClose(probot, payload, "first");
    const comment = expectReopened(first);

    // Redelivered under another id (GitHub's, after a restart): the issue is open, nothing to do.
    // The repository's missing config is remembered for a minute: no config read this time.
    const redelivered = issueNow(nock(API), { body: payload.issue.body ?? "", labels });
    await receiveClose(probot, payload, "redelivered");
    expectExactCalls(redelivered);

    // Closed again later: the comment already says it; only the reopen is written.
    const again = issueClosed({ body: body("SEV2", ["- [ ] open"]), labels });
    again.issue.closed_at = "2026-11-21T10:00:00Z";
    const patches: unknown[] = [];
    const scope = patchesIssue(
      readsNow(nock(API), again, [{ id: 7, body: comment, bot: true }]),
      patches,
    );
    await receiveClose(probot, again, "second-close");
    expect(first.comments).toHaveLength(1);
    expect(patches).toEqual([{ state: "open" }]);
    expectExactCalls(scope);
  });

  it("leaves a close to a maintainer's /disruption close written with it (Close with comment, close delivered first)", async () => {
    const probot = await testProbot();
    const payload = issueClosed({ body: body("SEV2", ["- [ ] open"]), labels });
    // GitHub's "Close with comment" creates the comment a moment before the close.
    const command = {
      id: 3,
      body: "/disruption close moved to the roadmap",
      createdAt: payload.issue.closed_at ?? "",
    };
    const scope = withRole(
      readsNow(noConfig(nock(API)), payload, [command]),
      "octocat",
      "admin",
      "admin",
    );
    await receiveClose(probot, payload, "with-comment");
    expectExactCalls(scope);
  });
});

describe("/disruption close <reason>", () => {
  it("closes the report for a maintainer and records who and why", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const patches: unknown[] = [];
    const report = body("SEV2", ["- [ ] open"]);
    const scope = withRole(noConfig(nock(API)), "maya", "write", "maintain");
    patchesIssue(issueNow(scope, { body: report, labels }), patches);
    postsComment(commentsNow(scope, []), comments);
    const synced: { body: string }[] = [];
    syncedAtClose(scope, { body: report, labels }, synced);

    await receiveComment(probot, "o1", {
      body: report,
      labels,
      state: "open",
      comment: "/disruption close the remaining item moved to the Q1 roadmap",
      commenter: "maya",
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
    expectExactCalls(scope);
  });

  it("refuses a triage-level user and says who may", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const scope = postsComment(
      commentsNow(withRole(noConfig(nock(API)), "tom", "read", "triage"), []),
      comments,
    );

    await receiveComment(probot, "o2", {
      body: body("SEV2", ["- [ ] open"]),
      labels,
      comment: "/disruption close done enough",
      commenter: "tom",
    });

    expect(comments[0]?.body).toBe(
      "<!-- disruption-reports:reply:492700400 -->\n@tom only people with the maintain or admin role on this repository can close a report with open follow-up (your role: triage). Finish or strike through the open items, or ask a maintainer.",
    );
    expectExactCalls(scope);
  });

  it("asks for a reason (😕 and the refusal comment), and costs nothing for ordinary comments", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const reactions = /\/issues\/comments\/\d+\/reactions$/;
    const scope = postsComment(
      commentsNow(
        withRole(
          nock(API)
            .post(reactions, (body) => body.content === "eyes")
            .reply(201, {})
            .post(reactions, (body) => body.content === "confused")
            .reply(201, {}),
          "octocat",
          "write",
          "write",
        ),
        [],
      ),
      comments,
    );
    await receiveComment(probot, "o3", { labels, comment: "/disruption close" });
    await receiveComment(probot, "o4", {
      labels,
      comment: "I think we can close this /disruption close",
    });
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain(
      "- `/disruption close`: say why the report may close with open items: `/disruption close <reason>`.",
    );
    expectExactCalls(scope);
  });
});

describe("every order of a close and /disruption close ends closed, with one comment", () => {
  const report = body("SEV2", ["- [ ] open"]);

  it("the command after the guard reopened: closes, and turns the Reopened comment into the override", async () => {
    const probot = await testProbot();
    const edits: { body: string }[] = [];
    const patches: unknown[] = [];
    const scope = withRole(noConfig(nock(API)), "maya", "write", "maintain");
    patchesIssue(issueNow(scope, { body: report, labels }), patches);
    commentsNow(scope, [
      { id: 7, body: "<!-- disruption-reports:close-guard -->\n**Reopened: …**", bot: true },
    ])
      .patch(`${repoPath}/issues/comments/7`, capture(edits))
      .reply(200, {});
    syncedAtClose(scope, { body: report, labels }, []);
    await receiveComment(probot, "after", {
      body: report,
      labels,
      comment: "/disruption close moved",
      commenter: "maya",
    });
    expect(patches).toEqual([{ state: "closed", state_reason: "completed" }]);
    expect(edits[0]?.body).toContain("**Closed by @maya with the close guard overridden.**");
    expectExactCalls(scope);
  });

  it("Close with comment, the comment delivered first: the issue is closed already, only the comment is written", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const scope = issueNow(withRole(noConfig(nock(API)), "maya", "write", "maintain"), {
      body: report,
      labels,
      state: "closed",
      closedAt: "2026-11-20T16:00:00Z",
    });
    postsComment(commentsNow(scope, []), comments, 8);
    syncedAtClose(scope, { body: report, labels }, []);
    await receiveComment(probot, "first", {
      body: report,
      labels,
      state: "closed",
      comment: "/disruption close moved",
      commenter: "maya",
    });
    expect(comments).toHaveLength(1);
    expectExactCalls(scope);
  });
});

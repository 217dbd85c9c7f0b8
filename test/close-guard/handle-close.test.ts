import nock from "nock";
import { describe, expect, it } from "vitest";
import { capture, noConfig, repoPath } from "../helpers/github-mocks.js";
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

describe("issues.closed", () => {
  it("lets a close stand when everything is done, with no write", async () => {
    const probot = await testProbot();
    const scope = noConfig(nock(API));
    await probot.receive({
      id: "c1",
      name: "issues",
      payload: issueClosed({ body: body("SEV2", ["- [x] @alice add an alert"]), labels }),
    });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("reopens a report with open items and posts one comment listing them with owners and due dates", async () => {
    const probot = await testProbot();
    const patches: unknown[] = [];
    const comments: { body: string }[] = [];
    const scope = noConfig(nock(API))
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {})
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 });

    await probot.receive({
      id: "c2",
      name: "issues",
      payload: issueClosed({
        body: body("SEV2", [
          "- [ ] @alice @acme/sre add an alert (due 2026-12-01)",
          "- [x] roll back",
          "- [ ] write the runbook",
        ]),
        labels,
      }),
    });

    expect(patches).toEqual([{ state: "open" }]);
    expect(comments).toHaveLength(1);
    const comment = comments[0]?.body ?? "";
    expect(comment).toContain(
      "**Reopened: this report cannot be closed while its follow-up is unfinished.**",
    );
    expect(comment).toContain(
      "- “`@alice` `@acme/sre` add an alert (due 2026-12-01)” (owner `@alice`, `@acme/sre`, due 2026-12-01)",
    );
    expect(comment).toContain("- “write the runbook” (no owner, no due date)");
    expect(comment).not.toContain("roll back");
    // Owners are named in code, so the comment notifies nobody beyond the issue's participants.
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
    const scope = noConfig(nock(API))
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
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {})
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 });

    await probot.receive({
      id: "c3",
      name: "issues",
      payload: issueClosed({
        body: body("SEV2", ["- [x] alert tracked in #12", "- [ ] fix in #13 and acme/pool#4"]),
        labels,
      }),
    });

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
    const scope = noConfig(nock(API))
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
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {})
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 });

    await probot.receive({
      id: "c4",
      name: "issues",
      payload: issueClosed({ body: body("SEV2", ["- [x] done in #99"]), labels }),
    });

    expect(comments[0]?.body).toContain(
      "- “done in #99” (no owner, no due date): #99 could not be read",
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("blocks while sub-issues are open, from the payload alone", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const scope = noConfig(nock(API))
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {})
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 });
    await probot.receive({
      id: "c5",
      name: "issues",
      payload: issueClosed({
        body: body("SEV3", ["- [x] done"]),
        labels,
        subIssues: { total: 4, completed: 1 },
      }),
    });
    expect(comments[0]?.body).toContain("- 3 of 4 sub-issues are still open.");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("blocks a SEV1 report that has no action item", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const scope = noConfig(nock(API))
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {})
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 });
    await probot.receive({
      id: "c6",
      name: "issues",
      payload: issueClosed({ body: body("SEV1", []), labels }),
    });
    expect(comments[0]?.body).toContain("- This is a SEV1 report without any action item");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("lets a close as not planned stand whatever is open", async () => {
    const probot = await testProbot();
    const scope = noConfig(nock(API));
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

  it("posts no second comment for a redelivery, and one comment for each of two closes", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const scope = noConfig(noConfig(nock(API)))
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .times(2)
      .reply(200, {})
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .times(2)
      .reply(201, { id: 1 });
    const payload = issueClosed({ body: body("SEV2", ["- [ ] open"]), labels });
    await probot.receive({ id: "same-delivery", name: "issues", payload });
    await probot.receive({ id: "same-delivery", name: "issues", payload });
    await probot.receive({ id: "second-close", name: "issues", payload });
    expect(comments).toHaveLength(2);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

describe("/disruption close <reason>", () => {
  it("closes the report for a maintainer and records who and why", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const patches: unknown[] = [];
    const scope = noConfig(nock(API))
      .get(`${repoPath}/collaborators/maya/permission`)
      .reply(200, { permission: "write", role_name: "maintain", user: { login: "maya" } })
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 })
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {});

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
        body: "Closed by @maya with the close guard overridden.\n\n> the remaining item moved to the Q1 roadmap",
      },
    ]);
    expect(patches).toEqual([{ state: "closed", state_reason: "completed" }]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("refuses a triage-level user and says who may", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const scope = noConfig(nock(API))
      .get(`${repoPath}/collaborators/tom/permission`)
      .reply(200, { permission: "read", role_name: "triage", user: { login: "tom" } })
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
      "@tom only people with the maintain or admin role on this repository can close a report with open follow-up (your role: triage). Finish or strike through the open items, or ask a maintainer.",
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("asks for a reason, and costs nothing for ordinary comments", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const scope = nock(API)
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
    expect(comments).toEqual([
      { body: "Say why the report may close with open items: `/disruption close <reason>`." },
    ]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

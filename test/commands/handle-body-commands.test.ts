import { readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { REFUSAL_COMMENT_MARKER } from "../../src/commands/render-refusal.js";
import { fillReport } from "../../src/report/fill-report.js";
import { capture, noConfig, repoPath } from "../helpers/github-mocks.js";
import { commentCreated } from "../helpers/payloads.js";
import { API, testProbot, unexpected, useNock } from "../helpers/probot.js";

useNock();

const formBody = readFileSync(join(import.meta.dirname, "../../examples/form-report.md"), "utf8");
/** The filled example: started 14:05, detected 14:12, mitigated 14:40, resolved 15:30 UTC, SEV2. */
const filled = fillReport(formBody);
const reportLabels = [
  "disruption",
  "type: infrastructure",
  "severity: sev2",
  "service: api",
  "service: checkout",
];
const COMMENT_ID = 4242;
const reactions = `${repoPath}/issues/comments/${COMMENT_ID}/reactions`;

/** A command comment written at 15:45 UTC on the day of the example's disruption. */
function command(comment: string, options: { labels?: string[]; commenter?: string } = {}) {
  const payload = commentCreated({
    body: "(the webhook's snapshot: never written back)",
    labels: options.labels ?? reportLabels,
    comment,
    commenter: options.commenter ?? "maya",
  });
  payload.comment.id = COMMENT_ID;
  payload.comment.created_at = "2026-11-20T15:45:30Z";
  return payload;
}

/** The issue as `GET /issues/1` answers just before the write. */
function issue(body: string, labels: readonly string[] = reportLabels) {
  return {
    number: 1,
    body,
    labels: labels.map((name) => ({ name })),
    created_at: "2026-11-20T14:20:00Z",
    state: "open",
  };
}

/** 👀, the role check, the config read (none), the issue read. */
function taken(scope: nock.Scope, body: string, role = "write", labels?: readonly string[]) {
  const seen: { content: string }[] = [];
  noConfig(
    scope
      .post(reactions, capture(seen))
      .reply(201, { id: 1, content: "eyes" })
      .get(`${repoPath}/collaborators/maya/permission`)
      .reply(200, { permission: role, role_name: role, user: { login: "maya" } }),
  )
    .get(`${repoPath}/issues/1`)
    .reply(200, issue(body, labels));
  return seen;
}

describe("/disruption timeline", () => {
  it("adds a row in time order under the free-text Timeline, in one PATCH, and reacts 👀 then 👍", async () => {
    const probot = await testProbot();
    const patches: { body?: string; labels?: string[] }[] = [];
    const seen: { content: string }[] = [];
    const scope = nock(API);
    const eyes = taken(scope, filled);
    scope
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {})
      .post(reactions, capture(seen))
      .reply(201, { id: 2, content: "+1" });

    await probot.receive({
      id: "t1",
      name: "issue_comment",
      payload: command("/disruption timeline 14:20 rolled back v2.3 +"),
    });

    expect([...eyes, ...seen].map((r) => r.content)).toEqual(["eyes", "+1"]);
    expect(patches).toHaveLength(1);
    expect(patches[0]?.labels).toBeUndefined();
    expect(patches[0]?.body).toBe(
      filled.replace(
        "14:12 alert fires\n",
        "14:12 alert fires\n\n| Time | Party | Event | Effect |\n| --- | --- | --- | --- |\n" +
          "| 2026-11-20 14:20 UTC | maya | rolled back v2.3 | positive <!-- dr:c=4242 --> |\n",
      ),
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("applies several commands of one comment in one write: times, severity, labels, derived rows", async () => {
    const probot = await testProbot();
    const patches: { body?: string; labels?: string[] }[] = [];
    const added: { labels: string[] }[] = [];
    const scope = nock(API);
    taken(scope, filled);
    scope
      .get(`${repoPath}/labels`)
      .query({ per_page: 100 })
      .reply(
        200,
        reportLabels.map((name) => ({ name })),
      )
      .post(`${repoPath}/labels`, (body) => body.name === "severity: sev1")
      .reply(201, {})
      // A label was created (a second's wait on GitHub): the issue is read again before writing.
      .get(`${repoPath}/issues/1`)
      .reply(200, issue(filled))
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {})
      .post(`${repoPath}/issues/1/labels`, capture(added))
      .reply(200, [])
      .delete(`${repoPath}/issues/1/labels/severity%3A%20sev2`)
      .reply(200, [])
      .post(reactions)
      .reply(201, {});

    await probot.receive({
      id: "t2",
      name: "issue_comment",
      payload: command(
        "/disruption mitigated 14:35\n/disruption severity SEV1\n/disruption timeline failover to the replica -\nThanks all, back to it.",
      ),
    });

    const body = patches[0]?.body ?? "";
    expect(body).toContain("| Mitigated | 2026-11-20 14:35 UTC |");
    expect(body).toContain("| Time to mitigate | 23 min |");
    expect(body).toContain("| Severity | SEV1 — complete outage |");
    expect(body).toContain(
      "| 2026-11-20 14:35 UTC | maya | Mitigated | positive <!-- dr:c=4242 --> |\n" +
        "| 2026-11-20 15:45 UTC | maya | Severity changed from SEV2 to SEV1 | neutral <!-- dr:c=4242 --> |\n" +
        "| 2026-11-20 15:45 UTC | maya | failover to the replica | negative <!-- dr:c=4242 --> |\n",
    );
    expect(patches[0]?.labels).toBeUndefined();
    expect(added).toEqual([{ labels: ["severity: sev1"] }]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("applies a redelivered comment once: the body already holds its rows", async () => {
    const probot = await testProbot();
    const seen: { content: string }[] = [];
    const applied = `${filled}\n| 2026-11-20 14:20 UTC | maya | rolled back | positive <!-- dr:c=4242 --> |\n`;
    const scope = nock(API);
    taken(scope, applied);
    scope.post(reactions, capture(seen)).reply(201, {});

    await probot.receive({
      id: "t3-after-restart",
      name: "issue_comment",
      payload: command("/disruption timeline 14:20 rolled back +"),
    });

    expect(seen).toEqual([{ content: "+1" }]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

describe("refusals", () => {
  it("refuses a mitigated time before detection with the parser's reason, writing nothing to the body", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const seen: { content: string }[] = [];
    const scope = nock(API);
    taken(scope, filled);
    scope
      .post(reactions, capture(seen))
      .reply(201, {})
      .get(`${repoPath}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 9 });

    await probot.receive({
      id: "r1",
      name: "issue_comment",
      payload: command("/disruption mitigated 14:10\n/disruption timeline rollback +"),
    });

    expect(seen).toEqual([{ content: "confused" }]);
    expect(comments[0]?.body).toContain(REFUSAL_COMMENT_MARKER);
    expect(comments[0]?.body).toContain(
      "- `/disruption mitigated 14:10`: Mitigated (2026-11-20 14:10 UTC) is before Detected (2026-11-20 14:12 UTC)",
    );
    expect(comments[0]?.body).toContain("`/disruption timeline [TIME] TEXT [+|-]`");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("refuses an unreadable time with the parser's message, editing the earlier refusal in place", async () => {
    const probot = await testProbot();
    const edits: { body: string }[] = [];
    const scope = nock(API);
    taken(scope, filled);
    scope
      .post(reactions)
      .reply(201, {})
      .get(`${repoPath}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, [{ id: 77, body: `${REFUSAL_COMMENT_MARKER}\nolder refusal` }])
      .patch(`${repoPath}/issues/comments/77`, capture(edits))
      .reply(200, {});

    await probot.receive({
      id: "r2",
      name: "issue_comment",
      payload: command("/disruption resolved 14:05 IST"),
    });

    expect(edits[0]?.body).toContain(
      "the zone `IST` names more than one time zone; write an IANA name (e.g. Asia/Kolkata) or an offset (e.g. +05:30)",
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("refuses someone without write access before reading anything else", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const scope = nock(API)
      .post(reactions)
      .reply(201, {})
      .get(`${repoPath}/collaborators/maya/permission`)
      .reply(200, { permission: "read", role_name: "triage", user: { login: "maya" } })
      .post(reactions, (body) => body.content === "confused")
      .reply(201, {})
      .get(`${repoPath}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 9 });

    await probot.receive({
      id: "r3",
      name: "issue_comment",
      payload: command("/disruption severity SEV1"),
    });

    expect(comments[0]?.body).toContain(
      "commands need write access to this repository (your role: triage)",
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("costs nothing for a command in a quote, a code block, or after other text", async () => {
    const probot = await testProbot();
    const scope = nock(API);
    for (const [index, comment] of [
      "> /disruption timeline rollback +",
      "```\n/disruption mitigated\n```",
      "    /disruption mitigated",
      "We should run\n/disruption mitigated",
    ].entries()) {
      await probot.receive({ id: `q${index}`, name: "issue_comment", payload: command(comment) });
    }
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

describe("/disruption declare", () => {
  it("makes any issue a report: the label, the filled body with Started = the issue's creation, a timeline row", async () => {
    const probot = await testProbot();
    const added: { labels: string[] }[] = [];
    const patches: { body?: string; labels?: string[] }[] = [];
    const comments: { body: string }[] = [];
    const scope = nock(API);
    taken(scope, "Checkout is throwing 500s since the deploy.", "write", ["bug"]);
    scope
      .get(`${repoPath}/labels`)
      .query({ per_page: 100 })
      .reply(200, [{ name: "bug" }, { name: "disruption" }])
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {})
      .post(`${repoPath}/issues/1/labels`, capture(added))
      .reply(200, [])
      .get(`${repoPath}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 9 })
      .post(reactions, (body) => body.content === "+1")
      .reply(201, {});

    await probot.receive({
      id: "d1",
      name: "issue_comment",
      payload: command("/disruption declare", { labels: ["bug"] }),
    });

    const body = patches[0]?.body ?? "";
    expect(patches[0]?.labels).toBeUndefined();
    expect(added).toEqual([{ labels: ["disruption"] }]);
    expect(body).toContain("| Started | 2026-11-20 14:20 UTC |");
    expect(body).toContain("## Summary\n\nCheckout is throwing 500s since the deploy.\n");
    expect(body).toContain(
      "| 2026-11-20 15:45 UTC | maya | Declared a disruption | neutral <!-- dr:c=4242 --> |",
    );
    // The new report's problems, as the intake posts them for a new report.
    expect(comments[0]?.body).toContain("Severity is missing");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("refuses other commands on an issue that is not a report, and says how to make it one", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const scope = nock(API);
    taken(scope, "just a bug", "write", ["bug"]);
    scope
      .post(reactions)
      .reply(201, {})
      .get(`${repoPath}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 9 });
    await probot.receive({
      id: "d2",
      name: "issue_comment",
      payload: command("/disruption mitigated", { labels: ["bug"] }),
    });
    expect(comments[0]?.body).toContain("`/disruption declare` makes it one");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

describe("/disruption timeline sync", () => {
  const history = {
    data: {
      repository: {
        issue: {
          createdAt: "2026-11-20T14:20:00Z",
          author: { login: "maya" },
          timelineItems: {
            nodes: [
              {
                __typename: "LabeledEvent",
                id: "LE_1",
                createdAt: "2026-11-20T14:20:01Z",
                actor: { login: "maya" },
                label: { name: "disruption" },
              },
              {
                __typename: "LabeledEvent",
                id: "LE_2",
                createdAt: "2026-11-20T14:50:00Z",
                actor: { login: "disruption-reports[bot]" },
                label: { name: "severity: sev1" },
              },
              {
                __typename: "ClosedEvent",
                id: "CE_1",
                createdAt: "2026-11-20T15:35:00Z",
                actor: { login: "sam" },
                stateReason: "COMPLETED",
              },
              {
                __typename: "ReopenedEvent",
                id: "RE_1",
                createdAt: "2026-11-20T15:36:00Z",
                actor: { login: "disruption-reports[bot]" },
              },
            ],
          },
          closedByPullRequestsReferences: {
            nodes: [
              {
                number: 12,
                title: "Roll back v2.3",
                createdAt: "2026-11-20T14:30:00Z",
                mergedAt: "2026-11-20T14:38:00Z",
                author: { login: "bob" },
              },
            ],
          },
        },
      },
    },
  };
  const synced = [
    "| 2026-11-20 14:20 UTC | maya | Issue opened | neutral <!-- dr:sync=opened --> |",
    "| 2026-11-20 14:30 UTC | bob | Pull request #12 opened | neutral <!-- dr:sync=pr12-opened --> |",
    "| 2026-11-20 14:38 UTC | bob | Pull request #12 merged | positive <!-- dr:sync=pr12-merged --> |",
    "| 2026-11-20 14:50 UTC | disruption-reports | Severity SEV1 | neutral <!-- dr:sync=LE_2 --> |",
    "| 2026-11-20 15:35 UTC | sam | Closed (completed) | neutral <!-- dr:sync=CE_1 --> |",
    "| 2026-11-20 15:36 UTC | disruption-reports | Reopened | neutral <!-- dr:sync=RE_1 --> |",
  ];

  it("adds the issue's history in one GraphQL query and one PATCH, each event once", async () => {
    const probot = await testProbot();
    const patches: { body: string }[] = [];
    const queries: { query: string; variables: Record<string, unknown> }[] = [];
    const scope = nock(API);
    taken(scope, filled);
    scope
      .post("/graphql", capture(queries))
      .reply(200, history)
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {})
      .post(reactions, (body) => body.content === "+1")
      .reply(201, {});

    await probot.receive({
      id: "s1",
      name: "issue_comment",
      payload: command("/disruption timeline sync"),
    });

    expect(queries[0]?.variables).toEqual({ owner: "Codertocat", repo: "Hello-World", number: 1 });
    expect(patches[0]?.body).toContain(
      `| Time | Party | Event | Effect |\n| --- | --- | --- | --- |\n${synced.join("\n")}\n`,
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("adds nothing the body already holds, however a person edited those rows", async () => {
    const probot = await testProbot();
    const edited = synced.map((row) => row.replace("neutral", "neutral (edited)"));
    const body = filled.replace(
      "14:12 alert fires\n",
      `14:12 alert fires\n\n| Time | Party | Event | Effect |\n| --- | --- | --- | --- |\n${edited.join("\n")}\n`,
    );
    const scope = nock(API);
    taken(scope, body);
    scope
      .post("/graphql")
      .reply(200, history)
      .post(reactions, (b) => b.content === "+1")
      .reply(201, {});

    await probot.receive({
      id: "s2",
      name: "issue_comment",
      payload: command("/disruption timeline sync"),
    });

    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

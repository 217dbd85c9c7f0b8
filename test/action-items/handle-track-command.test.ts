import nock from "nock";
import { describe, expect, it } from "vitest";
import { itemKey, trackedMarker } from "../../src/action-items/tracked-marker.js";
import { capture, configPath, noConfig, repoPath } from "../helpers/github-mocks.js";
import { commentCreated, OWNER, REPO } from "../helpers/payloads.js";
import { API, testProbot, unexpected, useNock } from "../helpers/probot.js";

useNock();

const labels = ["disruption", "severity: sev2"];
const REPORT = 1347;

function reportBody(items: string[]): string {
  return [
    "## Overview",
    "",
    "| Field | Value |",
    "| --- | --- |",
    "| Services | api |",
    "| Severity | SEV2 |",
    "| Started | 2026-11-20 14:05 UTC |",
    "",
    "## Action items",
    "",
    ...items,
    "",
    "## Supporting documentation",
    "",
    "Dashboards.",
  ].join("\n");
}

const ITEMS = [
  "- [ ] @alice @acme/sre add a connection-pool alert (due 2026-12-05)",
  "- [x] @bob roll back v2.3",
  "- [ ] write the runbook",
  "- [ ] load-test releases #12",
  "- [ ] ~~rewrite everything~~ not worth it",
];

const COMMENT_ID = commentCreated({ comment: "" }).comment.id;
/** The reactions to the command comment, in order: 👀 when taken, then 👍 or 😕. */
let reactions: string[] = [];

/** The two reactions every track command gets (👀, then 👍 or 😕), captured into `reactions`. */
function reacting(scope: nock.Scope) {
  reactions = [];
  return scope
    .post(`${repoPath}/issues/comments/${COMMENT_ID}/reactions`, (body: { content?: string }) => {
      // nock asks this matcher about other requests too: keep only reaction bodies.
      if (typeof body?.content === "string") reactions.push(body.content);
      return true;
    })
    .times(2)
    .reply(201, {});
}

function writer(scope: nock.Scope) {
  return reacting(scope)
    .get(`${repoPath}/collaborators/octocat/permission`)
    .reply(200, { permission: "write", role_name: "write", user: { login: "octocat" } });
}

function track(id: string, body: string) {
  return {
    id,
    name: "issue_comment" as const,
    payload: commentCreated({ comment: "/disruption track", body, labels, number: REPORT }),
  };
}

describe("/disruption track", () => {
  it("creates one sub-issue per open unlinked item, links each, and appends the references in one body write", async () => {
    const probot = await testProbot();
    const created: { title: string; body: string; labels: string[]; assignees?: string[] }[] = [];
    const links: { sub_issue_id: number }[] = [];
    const writes: { body: string }[] = [];
    const body = reportBody(ITEMS);
    // Someone edited the report while the issues were created: the write is built on this body.
    const current = body.replace("Dashboards.", "Dashboards and logs.");
    let next = 500;
    const scope = noConfig(writer(nock(API)))
      .get(`${repoPath}/issues`)
      .query({
        labels: "disruption-action",
        state: "all",
        sort: "created",
        direction: "desc",
        per_page: "100",
      })
      .reply(200, [])
      .get(`${repoPath}/labels`)
      .query(true)
      .reply(200, [{ name: "disruption" }])
      .post(`${repoPath}/labels`, {
        name: "disruption-action",
        color: "fbca04",
        description: "An action item of a disruption report (Disruption Reports)",
      })
      .reply(201, {})
      .post(`${repoPath}/issues`, (body) => "title" in body && capture(created)(body))
      .times(2)
      .reply(201, () => {
        next += 1;
        return { id: 90_000 + next, number: next };
      })
      .post(`${repoPath}/issues/${REPORT}/sub_issues`, capture(links))
      .times(2)
      .reply(201, {})
      .get(`${repoPath}/issues/${REPORT}`)
      .reply(200, { number: REPORT, body: current })
      .patch(`${repoPath}/issues/${REPORT}`, capture(writes))
      .reply(200, {});

    await probot.receive(track("t1", body));
    expect(reactions).toEqual(["eyes", "+1"]);

    expect(created).toEqual([
      {
        title: "Add a connection-pool alert",
        labels: ["disruption-action"],
        assignees: ["alice"],
        body: [
          `An action item of the disruption report #${REPORT}:`,
          "",
          "> @alice @acme/sre add a connection-pool alert (due 2026-12-05)",
          "",
          "**Owners:** @alice, @acme/sre",
          "",
          "**Due:** 2026-12-05 (Saturday, not a working day), so by Monday 2026-12-07, 18:00 UTC",
          "",
          `Closing this issue as completed checks the item in #${REPORT}; closing it as not planned strikes the item through there (it then no longer counts). Reopening it unchecks the item.`,
          "",
          trackedMarker(
            REPORT,
            itemKey("@alice @acme/sre add a connection-pool alert (due 2026-12-05)"),
          ),
        ].join("\n"),
      },
      {
        title: "Write the runbook",
        labels: ["disruption-action"],
        body: expect.stringContaining("> write the runbook"),
      },
    ]);
    expect(links).toEqual([{ sub_issue_id: 90_501 }, { sub_issue_id: 90_502 }]);
    expect(writes).toEqual([
      {
        body: current
          .replace("(due 2026-12-05)", "(due 2026-12-05) #501")
          .replace("write the runbook", "write the runbook #502"),
      },
    ]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("a second track (every item links an issue) creates nothing, writes nothing, and reacts 👍", async () => {
    const probot = await testProbot();
    const body = reportBody(["- [ ] add an alert #501", "- [ ] write the runbook #502"]);
    const scope = noConfig(writer(nock(API)));
    await probot.receive(track("t2", body));
    expect(reactions).toEqual(["eyes", "+1"]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("after a lost answer, finds the issue already created by its marker: links it, creates nothing", async () => {
    const probot = await testProbot();
    const links: { sub_issue_id: number }[] = [];
    const writes: { body: string }[] = [];
    const body = reportBody(["- [ ] write the runbook", "- [ ] add an alert"]);
    const scope = noConfig(writer(nock(API)))
      .get(`${repoPath}/issues`)
      .query(true)
      .reply(200, [
        // Created and linked by the lost run.
        {
          id: 7001,
          number: 601,
          body: `x\n${trackedMarker(REPORT, itemKey("write the runbook"))}`,
          parent_issue_url: `https://api.github.com/repos/${OWNER}/${REPO}/issues/${REPORT}`,
        },
        // Created, not linked yet.
        {
          id: 7002,
          number: 602,
          body: `x\n${trackedMarker(REPORT, itemKey("add an alert"))}`,
          parent_issue_url: null,
        },
        // Another report's item with the same text.
        { id: 7003, number: 603, body: `x\n${trackedMarker(9, itemKey("add an alert"))}` },
      ])
      .post(`${repoPath}/issues/${REPORT}/sub_issues`, capture(links))
      .reply(201, {})
      .get(`${repoPath}/issues/${REPORT}`)
      .reply(200, { number: REPORT, body })
      .patch(`${repoPath}/issues/${REPORT}`, capture(writes))
      .reply(200, {});
    await probot.receive(track("t3", body));
    expect(reactions).toEqual(["eyes", "+1"]);
    expect(links).toEqual([{ sub_issue_id: 7002 }]);
    expect(writes).toEqual([
      {
        body: body
          .replace("write the runbook", "write the runbook #601")
          .replace("add an alert", "add an alert #602"),
      },
    ]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("without sub-issues (404, as older GitHub Enterprise Server answers) tracks with plain references and stops asking", async () => {
    const probot = await testProbot();
    const writes: { body: string }[] = [];
    const body = reportBody(["- [ ] write the runbook", "- [ ] add an alert"]);
    let next = 700;
    const scope = noConfig(writer(nock(API)))
      .get(`${repoPath}/issues`)
      .query(true)
      .reply(200, [])
      .get(`${repoPath}/labels`)
      .query(true)
      .reply(200, [{ name: "disruption-action" }])
      .post(`${repoPath}/issues`)
      .times(2)
      .reply(201, () => {
        next += 1;
        return { id: next * 10, number: next };
      })
      // One try only: the second item is not linked.
      .post(`${repoPath}/issues/${REPORT}/sub_issues`)
      .reply(404, { message: "Not Found" })
      .get(`${repoPath}/issues/${REPORT}`)
      .reply(200, { number: REPORT, body })
      .patch(`${repoPath}/issues/${REPORT}`, capture(writes))
      .reply(200, {});
    await probot.receive(track("t4", body));
    expect(reactions).toEqual(["eyes", "+1"]);
    expect(writes[0]?.body).toContain("- [ ] write the runbook #701\n- [ ] add an alert #702");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("names an owner who cannot be assigned in the body only (GitHub refuses the assignee with 422)", async () => {
    const probot = await testProbot();
    const created: { assignees?: string[] }[] = [];
    const body = reportBody(["- [ ] @outsider write the runbook"]);
    const scope = noConfig(writer(nock(API)))
      .get(`${repoPath}/issues`)
      .query(true)
      .reply(200, [])
      .get(`${repoPath}/labels`)
      .query(true)
      .reply(200, [{ name: "disruption-action" }])
      .post(`${repoPath}/issues`, (body) => "title" in body && capture(created)(body))
      .reply(422, {
        message: "Validation Failed",
        errors: [{ resource: "Issue", field: "assignees", code: "invalid", value: "outsider" }],
      })
      .post(`${repoPath}/issues`, (body) => "title" in body && capture(created)(body))
      .reply(201, { id: 1, number: 801 })
      .post(`${repoPath}/issues/${REPORT}/sub_issues`)
      .reply(201, {})
      .get(`${repoPath}/issues/${REPORT}`)
      .reply(200, { number: REPORT, body })
      .patch(`${repoPath}/issues/${REPORT}`)
      .reply(200, {});
    await probot.receive(track("t5", body));
    expect(reactions).toEqual(["eyes", "+1"]);
    expect(created.map((c) => c.assignees)).toEqual([["outsider"], undefined]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("refuses someone with read permission, and an issue that is not a report, with one reply each", async () => {
    const probot = await testProbot();
    const replies: { body: string }[] = [];
    const scope = reacting(nock(API))
      .get(`${repoPath}/collaborators/octocat/permission`)
      .reply(200, { permission: "read", role_name: "read", user: { login: "octocat" } })
      .post(`${repoPath}/issues/${REPORT}/comments`, capture(replies))
      .reply(201, {});
    await probot.receive(track("t6", reportBody(["- [ ] a"])));
    expect(reactions).toEqual(["eyes", "confused"]);
    const other = noConfig(writer(nock(API)))
      .post(`${repoPath}/issues/5/comments`, capture(replies))
      .reply(201, {});
    await probot.receive({
      id: "t7",
      name: "issue_comment",
      payload: commentCreated({
        comment: "/disruption track",
        body: "- [ ] a",
        labels: ["bug"],
        number: 5,
      }),
    });
    expect(reactions).toEqual(["eyes", "confused"]);
    expect(replies.map((r) => r.body)).toEqual([
      "@octocat tracking action items as issues needs triage or write permission on this repository (your role: read).",
      "`/disruption track` works on disruption reports (issues labelled `disruption`) only.",
    ]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(other.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
    void configPath;
  });
});

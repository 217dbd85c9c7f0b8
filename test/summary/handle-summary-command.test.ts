import { readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { SUMMARY_MARKER } from "../../src/summary/handle-summary-command.js";
import { capture, commentsNow, configPath, issueNow, repoPath } from "../helpers/github-mocks.js";
import { commentCreated } from "../helpers/payloads.js";
import { API, testProbot, useNock } from "../helpers/probot.js";

useNock();

const FIXTURE = join(import.meta.dirname, "../fixtures/templates/upptime-down");
const issue = JSON.parse(readFileSync(join(FIXTURE, "issue.json"), "utf8"));
const golden = readFileSync(join(FIXTURE, "summary.md"), "utf8");
const CONFIG = "template: upptime\nsummary:\n  internalHosts: [acme.internal]\n";
const labels = ["status", "checkout-api"];

function summaryCommand(id: string, options: { labels?: string[] } = {}) {
  const payload = commentCreated({
    comment: "/disruption summary",
    body: issue.body,
    title: issue.title,
    labels: options.labels ?? labels,
  });
  (payload.issue as { created_at: string }).created_at = issue.created_at;
  return { id, name: "issue_comment" as const, payload };
}

function triager(scope: nock.Scope): nock.Scope {
  return scope
    .get(`${repoPath}/collaborators/octocat/permission`)
    .reply(200, { permission: "read", role_name: "triage", user: { login: "octocat" } })
    .get(configPath)
    .reply(200, CONFIG, { "content-type": "text/plain; charset=utf-8" });
}

const current = { body: issue.body, labels, state: "closed" as const, closedAt: issue.closed_at };

describe("/disruption summary", () => {
  it("posts the external summary of an Upptime issue as one marked comment and reacts 👍", async () => {
    const probot = await testProbot();
    const posted: { body: string }[] = [];
    const reactions: { content: string }[] = [];
    const scope = commentsNow(issueNow(triager(nock(API)), current), [])
      .post(`${repoPath}/issues/1/comments`, capture(posted))
      .reply(201, {
        id: 77,
        body: `${SUMMARY_MARKER}\n${golden}`,
        user: { login: "disruption-reports[bot]" },
      })
      .post(`${repoPath}/issues/comments/492700400/reactions`, capture(reactions))
      .reply(201, {});

    await probot.receive(summaryCommand("s1"));

    expect(posted.map((p) => p.body)).toEqual([`${SUMMARY_MARKER}\n${golden}`]);
    expect(golden).toContain("| Services | Checkout API |");
    expect(golden).toContain("| Duration | 35 min |");
    expect(reactions).toEqual([{ content: "+1" }]);
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("asked again, edits its comment in place only when the summary changed", async () => {
    const probot = await testProbot();
    const edits: { body: string }[] = [];
    const scope = commentsNow(issueNow(triager(nock(API)), current), [
      { id: 77, body: `${SUMMARY_MARKER}\nan older summary`, bot: true },
    ])
      .patch(`${repoPath}/issues/comments/77`, capture(edits))
      .reply(200, {})
      .post(`${repoPath}/issues/comments/492700400/reactions`)
      .reply(201, {});
    await probot.receive(summaryCommand("s2"));
    expect(edits.map((e) => e.body)).toEqual([`${SUMMARY_MARKER}\n${golden}`]);
    expect(scope.pendingMocks()).toEqual([]);

    // The same summary already stands: no write at all, only the reaction.
    const again = commentsNow(issueNow(triager(nock(API)), current), [
      { id: 77, body: `${SUMMARY_MARKER}\n${golden}`, bot: true },
    ])
      .post(`${repoPath}/issues/comments/492700400/reactions`)
      .reply(201, {});
    await probot.receive(summaryCommand("s3"));
    expect(again.pendingMocks()).toEqual([]);
  });

  it("refuses on an issue that is not a report, in a comment that says which label makes one", async () => {
    const probot = await testProbot();
    const replies: { body: string }[] = [];
    const scope = issueNow(triager(nock(API)), { ...current, labels: ["question"] })
      .post(`${repoPath}/issues/1/comments`, capture(replies))
      .reply(201, {});
    await probot.receive(summaryCommand("s4", { labels: ["question"] }));
    expect(replies.map((r) => r.body)).toEqual([
      "`/disruption summary` works on disruption reports (issues labelled `status`) only.",
    ]);
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("refuses someone with read access only, before reading anything else", async () => {
    const probot = await testProbot();
    const replies: { body: string }[] = [];
    const scope = nock(API)
      .get(`${repoPath}/collaborators/octocat/permission`)
      .reply(200, { permission: "read", role_name: "read", user: { login: "octocat" } })
      .post(`${repoPath}/issues/1/comments`, capture(replies))
      .reply(201, {});
    await probot.receive(summaryCommand("s5"));
    expect(replies[0]?.body).toContain("needs triage or write permission");
    expect(scope.pendingMocks()).toEqual([]);
  });
});

import nock from "nock";
import { describe, expect, it } from "vitest";
import { capture, configPath, repoPath } from "../helpers/github-mocks.js";
import { issueEdited } from "../helpers/payloads.js";
import { API, testProbot, unexpected, useNock } from "../helpers/probot.js";

useNock();

const labels = ["disruption", "severity: sev3", "service: api"];

function body(items: string[]): string {
  return [
    "## Overview",
    "",
    "| Field | Value |",
    "| --- | --- |",
    "| Services | api |",
    "| Severity | SEV3 |",
    "| Started | 2026-11-20 14:05 UTC |",
    "| Detected | 2026-11-20 14:12 UTC |",
    "| Length |  |",
    "| Time to detect | 7 min |",
    "| Time to acknowledge |  |",
    "| Time to mitigate |  |",
    "| Time to resolve |  |",
    `| Action items | 0 of ${items.length} done |`,
    "",
    "## Action items",
    "",
    ...items,
  ].join("\n");
}

function config(scope: nock.Scope, text: string): nock.Scope {
  return scope.get(configPath).reply(200, text, { "content-type": "text/plain; charset=utf-8" });
}

describe("actionItems.track: true", () => {
  it("an item added by an edit becomes a sub-issue, and only that one", async () => {
    const probot = await testProbot();
    const before = body(["- [ ] add an alert #40"]);
    const after = body(["- [ ] add an alert #40", "- [ ] write the runbook"]);
    const writes: { body: string }[] = [];
    const scope = config(nock(API), "actionItems:\n  track: true\n")
      .get(`${repoPath}/issues`)
      .query(true)
      .reply(200, [])
      .get(`${repoPath}/labels`)
      .query(true)
      .reply(200, [{ name: "disruption-action" }])
      .post(`${repoPath}/issues`, (b) => b.title === "Write the runbook")
      .reply(201, { id: 4100, number: 41 })
      .post(`${repoPath}/issues/1/sub_issues`, { sub_issue_id: 4100 })
      .reply(201, {})
      .get(`${repoPath}/issues/1`)
      .reply(200, { number: 1, body: after })
      .patch(`${repoPath}/issues/1`, capture(writes))
      .reply(200, {});
    await probot.receive({
      id: "a1",
      name: "issues",
      payload: issueEdited({ body: after, previousBody: before, labels, number: 1 }),
    });
    expect(writes).toEqual([{ body: after.replace("write the runbook", "write the runbook #41") }]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("costs nothing more when every open item links an issue, or when tracking is off", async () => {
    const probot = await testProbot();
    const linked = body(["- [ ] add an alert #40"]);
    const scope = config(nock(API), "actionItems:\n  track: true\n");
    await probot.receive({
      id: "a2",
      name: "issues",
      payload: issueEdited({ body: linked, previousBody: `${linked}\n`, labels, number: 1 }),
    });
    const off = config(nock(API), "timeZone: UTC\n");
    const open = body(["- [ ] write the runbook"]);
    await probot.receive({
      id: "a3",
      name: "issues",
      payload: issueEdited({ body: open, previousBody: `${open}\n`, labels, number: 1 }),
    });
    expect(scope.pendingMocks()).toEqual([]);
    expect(off.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

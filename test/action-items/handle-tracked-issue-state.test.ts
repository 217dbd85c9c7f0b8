import nock from "nock";
import { describe, expect, it } from "vitest";
import { itemKey, trackedMarker } from "../../src/action-items/tracked-marker.js";
import { capture, noConfig, repoPath } from "../helpers/github-mocks.js";
import { issueClosed, issueReopened } from "../helpers/payloads.js";
import { API, testProbot, unexpected, useNock } from "../helpers/probot.js";

useNock();

const REPORT = 12;
const TRACKED = 45;

function report(items: string[], done: number, total: number): string {
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
    `| Action items | ${done} of ${total} done |`,
    "",
    "## Action items",
    "",
    ...items,
  ].join("\n");
}

const trackedBody = `An action item of the disruption report #${REPORT}:\n\n${trackedMarker(REPORT, itemKey("add an alert"))}`;
const reportIssue = (body: string) => ({
  number: REPORT,
  body,
  labels: [{ name: "disruption" }, { name: "severity: sev3" }],
});

function tracked(action: "closed" | "reopened", stateReason: string | null, id: string) {
  const options = {
    body: trackedBody,
    labels: ["disruption-action"],
    number: TRACKED,
    stateReason,
  };
  return {
    id,
    name: "issues" as const,
    payload: action === "closed" ? issueClosed(options) : issueReopened(options),
  };
}

describe("a tracked issue closed or reopened", () => {
  it("closed as completed: checks the report's item and its Action items row, in one write", async () => {
    const probot = await testProbot();
    const writes: { body: string }[] = [];
    const before = report(["- [ ] add an alert #45", "- [ ] write the runbook #46"], 0, 2);
    const scope = noConfig(nock(API))
      .get(`${repoPath}/issues/${REPORT}`)
      .reply(200, reportIssue(before))
      .patch(`${repoPath}/issues/${REPORT}`, capture(writes))
      .reply(200, {});
    await probot.receive(tracked("closed", "completed", "s1"));
    expect(writes).toEqual([
      { body: report(["- [x] add an alert #45", "- [ ] write the runbook #46"], 1, 2) },
    ]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("reopened: unchecks it; closed as not planned: strikes it through and it stops counting", async () => {
    const probot = await testProbot();
    const writes: { body: string }[] = [];
    const checked = report(["- [x] add an alert #45", "- [x] write the runbook #46"], 2, 2);
    const unchecked = report(["- [ ] add an alert #45", "- [x] write the runbook #46"], 1, 2);
    const scope = noConfig(nock(API))
      .get(`${repoPath}/issues/${REPORT}`)
      .reply(200, reportIssue(checked))
      .patch(`${repoPath}/issues/${REPORT}`, capture(writes))
      .reply(200, {});
    await probot.receive(tracked("reopened", "reopened", "s2"));
    // The same app a moment later: the missing config is remembered, not read again.
    const second = nock(API)
      .get(`${repoPath}/issues/${REPORT}`)
      .reply(200, reportIssue(unchecked))
      .patch(`${repoPath}/issues/${REPORT}`, capture(writes))
      .reply(200, {});
    await probot.receive(tracked("closed", "not_planned", "s3"));
    expect(writes).toEqual([
      { body: unchecked },
      {
        body: report(
          ["- [ ] ~~add an alert #45~~ not planned", "- [x] write the runbook #46"],
          1,
          1,
        ),
      },
    ]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(second.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("reopened after not planned: the app's strike-through is taken off again", async () => {
    const probot = await testProbot();
    const writes: { body: string }[] = [];
    const struck = report(["- [ ] ~~add an alert #45~~ not planned"], 0, 0);
    const scope = noConfig(nock(API))
      .get(`${repoPath}/issues/${REPORT}`)
      .reply(200, reportIssue(struck))
      .patch(`${repoPath}/issues/${REPORT}`, capture(writes))
      .reply(200, {});
    await probot.receive(tracked("reopened", "reopened", "s4"));
    expect(writes).toEqual([{ body: report(["- [ ] add an alert #45"], 0, 1) }]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("writes nothing when the item already agrees (checked by hand), and costs nothing for an untracked issue", async () => {
    const probot = await testProbot();
    const scope = noConfig(nock(API))
      .get(`${repoPath}/issues/${REPORT}`)
      .reply(200, reportIssue(report(["- [x] add an alert #45"], 1, 1)));
    await probot.receive(tracked("closed", "completed", "s5"));
    await probot.receive({
      id: "s6",
      name: "issues",
      payload: issueReopened({ body: "A plain issue", labels: [], number: 77 }),
    });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

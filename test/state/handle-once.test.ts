import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, startRedis } from "../../dev/scale/start-redis.js";
import { createSharedState } from "../../src/state/create-shared-state.js";
import type { SharedState } from "../../src/state/shared-state.js";
import { capture, commentsNow, issueNow, noConfig, repoPath } from "../helpers/github-mocks.js";
import { issueClosed } from "../helpers/payloads.js";
import { API, testProbot, unexpected, useNock } from "../helpers/probot.js";

useNock();

let redis: RedisServer;
const states: SharedState[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(states.map((state) => state.close()));
  await redis.stop();
});

/** Two replicas of the app on one Redis. */
async function twoReplicas() {
  const a = createSharedState({ REDIS_URL: redis.url });
  const b = createSharedState({ REDIS_URL: redis.url });
  states.push(a, b);
  return [await testProbot({ state: a }), await testProbot({ state: b })] as const;
}

const labels = ["disruption", "severity: sev2"];
const blockedClose = () =>
  issueClosed({
    body: [
      "## Overview",
      "",
      "| Field | Value |",
      "| --- | --- |",
      "| Severity | SEV2 |",
      "",
      "## Action items",
      "",
      "- [ ] @alice add an alert",
    ].join("\n"),
    labels,
  });

/** The close guard's reads before it writes: the issue, still closed by this close, and its comments. */
function readsNow(
  scope: nock.Scope,
  payload: ReturnType<typeof blockedClose>,
  comments: { id: number; body: string; bot?: boolean }[] = [],
): nock.Scope {
  issueNow(scope, {
    body: payload.issue.body ?? "",
    labels,
    state: "closed",
    closedAt: payload.issue.closed_at,
  });
  return commentsNow(scope, comments);
}

describe("deliveries across replicas (REDIS_URL)", () => {
  it("handles a close once when GitHub redelivers it to the other replica", async () => {
    const [first, second] = await twoReplicas();
    const comments: { body: string }[] = [];
    const payload = blockedClose();
    const scope = readsNow(noConfig(nock(API)), payload)
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 })
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {});
    await first.receive({ id: "close-1", name: "issues", payload });
    await second.receive({ id: "close-1", name: "issues", payload });
    expect(comments).toHaveLength(1);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("lets the other replica retry a delivery whose handling failed", async () => {
    const [first, second] = await twoReplicas();
    const comments: { body: string }[] = [];
    const payload = blockedClose();
    const scope = readsNow(noConfig(nock(API)), payload)
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 })
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(502, { message: "Server Error" });
    await expect(first.receive({ id: "close-2", name: "issues", payload })).rejects.toThrow();
    expect(scope.pendingMocks()).toEqual([]);

    // The comment stands (found by its marker); only the reopen is left to do.
    const retry = readsNow(noConfig(nock(API)), payload, [
      { id: 1, body: comments[0]?.body ?? "", bot: true },
    ])
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {});
    await second.receive({ id: "close-2", name: "issues", payload });
    expect(comments).toHaveLength(1);
    expect(retry.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("answers a failure while the other replica is still handling the delivery", async () => {
    const [first, second] = await twoReplicas();
    const payload = blockedClose();
    const scope = readsNow(noConfig(nock(API)), payload)
      .post(`${repoPath}/issues/1/comments`)
      .reply(201, { id: 1 })
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .delay(500)
      .reply(200, {});
    // The first replica has claimed the delivery once it reads the config.
    const reading = new Promise((resolve) => scope.once("request", resolve));
    const handling = first.receive({ id: "close-3", name: "issues", payload });
    await reading;
    await expect(second.receive({ id: "close-3", name: "issues", payload })).rejects.toThrow(
      /being handled by another replica/,
    );
    await handling;
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

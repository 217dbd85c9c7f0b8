import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, startRedis } from "../../dev/scale/start-redis.js";
import { createSharedState } from "../../src/state/create-shared-state.js";
import type { SharedState } from "../../src/state/shared-state.js";
import { capture, noConfig, repoPath } from "../helpers/github-mocks.js";
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

describe("deliveries across replicas (REDIS_URL)", () => {
  it("handles a close once when GitHub redelivers it to the other replica", async () => {
    const [first, second] = await twoReplicas();
    const comments: { body: string }[] = [];
    const scope = noConfig(nock(API))
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {})
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 });
    const payload = blockedClose();
    await first.receive({ id: "close-1", name: "issues", payload });
    await second.receive({ id: "close-1", name: "issues", payload });
    expect(comments).toHaveLength(1);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("lets the other replica retry a delivery whose handling failed", async () => {
    const [first, second] = await twoReplicas();
    const comments: { body: string }[] = [];
    const scope = noConfig(nock(API))
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(502, { message: "Server Error" });
    const payload = blockedClose();
    await expect(first.receive({ id: "close-2", name: "issues", payload })).rejects.toThrow();
    expect(scope.pendingMocks()).toEqual([]);

    const retry = noConfig(nock(API))
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .reply(200, {})
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 1 });
    await second.receive({ id: "close-2", name: "issues", payload });
    expect(comments).toHaveLength(1);
    expect(retry.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("answers a failure while the other replica is still handling the delivery", async () => {
    const [first, second] = await twoReplicas();
    const scope = noConfig(nock(API))
      .patch(`${repoPath}/issues/1`, { state: "open" })
      .delay(300)
      .reply(200, {})
      .post(`${repoPath}/issues/1/comments`)
      .reply(201, { id: 1 });
    const payload = blockedClose();
    const handling = first.receive({ id: "close-3", name: "issues", payload });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(second.receive({ id: "close-3", name: "issues", payload })).rejects.toThrow(
      /being handled by another replica/,
    );
    await handling;
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

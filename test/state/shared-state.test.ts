import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, startRedis } from "../../dev/scale/start-redis.js";
import { createSharedState } from "../../src/state/create-shared-state.js";
import { createMemoryState } from "../../src/state/memory-state.js";
import type { SharedState } from "../../src/state/shared-state.js";

let redis: RedisServer;
const opened: SharedState[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(opened.map((state) => state.close()));
  await redis.stop();
});

/** Two replicas' views of one shared state. */
function replicas(kind: "redis" | "memory"): [SharedState, SharedState] {
  if (kind === "memory") {
    // In memory there is one replica; both names are the same state.
    const state = createMemoryState();
    return [state, state];
  }
  const a = createSharedState({ REDIS_URL: redis.url });
  const b = createSharedState({ REDIS_URL: redis.url });
  opened.push(a, b);
  return [a, b];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(["redis", "memory"] as const)("the %s state", (kind) => {
  it("is the kind the environment asks for", () => {
    const [a] = replicas(kind);
    expect(a.kind).toBe(kind);
  });

  it("lets one claimant handle a delivery, and remembers it handled", async () => {
    const [a, b] = replicas(kind);
    const id = `d-${kind}-${Math.random()}`;
    expect(await a.claimDelivery(id, 30)).toBe(true);
    expect(await b.claimDelivery(id, 30)).toBe(false);
    expect(await b.isDeliveryHandled(id)).toBe(false);
    await a.completeDelivery(id, 60);
    expect(await b.isDeliveryHandled(id)).toBe(true);
    expect(await b.claimDelivery(id, 30)).toBe(false);
  });

  it("frees a released claim for a retry", async () => {
    const [a, b] = replicas(kind);
    const id = `r-${kind}-${Math.random()}`;
    expect(await a.claimDelivery(id, 30)).toBe(true);
    await a.releaseDelivery(id);
    expect(await b.claimDelivery(id, 30)).toBe(true);
  });

  it("frees the claim of a holder that died once its time is up", async () => {
    const [a, b] = replicas(kind);
    const id = `t-${kind}-${Math.random()}`;
    expect(await a.claimDelivery(id, 1)).toBe(true);
    await sleep(1_100);
    expect(await b.claimDelivery(id, 30)).toBe(true);
  });

  it("runs a locked job on one holder at a time", async () => {
    const [a, b] = replicas(kind);
    const name = `job-${kind}-${Math.random()}`;
    let release = () => {};
    let holding = () => {};
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const first = a.withLock(
      name,
      10,
      () =>
        new Promise<string>((resolve) => {
          release = () => resolve("first");
          holding();
        }),
    );
    await held;
    expect(await b.withLock(name, 10, async () => "second")).toEqual({ ran: false });
    release();
    expect(await first).toEqual({ ran: true, value: "first" });
    expect(await b.withLock(name, 10, async () => "third")).toEqual({ ran: true, value: "third" });
  });

  it("gives the lock up when the job fails", async () => {
    const [a, b] = replicas(kind);
    const name = `fail-${kind}-${Math.random()}`;
    await expect(
      a.withLock(name, 10, async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await b.withLock(name, 10, async () => 1)).toEqual({ ran: true, value: 1 });
  });

  it("keeps deliveries answered 202 for the other replicas until dropped, oldest first, until they expire", async () => {
    const [a, b] = replicas(kind);
    // Other tests' entries share the Redis: only this test's ids are looked at.
    const mine = (found: Array<{ id: string }>) => found.filter((each) => each.id.startsWith(tag));
    const tag = `k-${kind}-${Math.random()}-`;
    await a.keepAnswered(`${tag}1`, '{"name":"issues"}', 60);
    await sleep(5);
    await a.keepAnswered(`${tag}2`, '{"name":"issue_comment"}', 1);
    const later = Date.now() + 1;
    expect(mine(await b.answeredBefore(later, 1_000))).toEqual([
      { id: `${tag}1`, delivery: '{"name":"issues"}' },
      { id: `${tag}2`, delivery: '{"name":"issue_comment"}' },
    ]);
    // Only those kept before the time given.
    expect(mine(await b.answeredBefore(later - 60_000, 1_000))).toEqual([]);
    await b.dropAnswered(`${tag}1`);
    await sleep(1_100);
    // The second has expired meanwhile.
    expect(mine(await a.answeredBefore(Date.now() + 1, 1_000))).toEqual([]);
  });

  it("shares small values and answers a ping", async () => {
    const [a, b] = replicas(kind);
    const key = `v-${kind}-${Math.random()}`;
    expect(await b.getValue(key)).toBeNull();
    await a.setValue(key, "2026-12-02T03:00:00Z");
    expect(await b.getValue(key)).toBe("2026-12-02T03:00:00Z");
    await expect(a.ping()).resolves.toBeUndefined();
  });
});

describe("the redis state", () => {
  it("renews a lock while the job runs past its time", async () => {
    const [a, b] = replicas("redis");
    const name = `long-${Math.random()}`;
    const job = a.withLock(name, 1, () => sleep(1_600).then(() => "done"));
    await sleep(1_200);
    expect(await b.withLock(name, 1, async () => "other")).toEqual({ ran: false });
    expect(await job).toEqual({ ran: true, value: "done" });
  });

  it("fails a ping when Redis is not there", async () => {
    const state = createSharedState({ REDIS_URL: "redis://127.0.0.1:1" });
    await expect(state.ping()).rejects.toThrow();
    state.close();
  });
});

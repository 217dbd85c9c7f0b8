import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { SharedState } from "./shared-state.js";

/** Every key the app writes starts with this, so the app can share a Redis with others. */
const PREFIX = "disruption-reports:";

/** Sets a key's expiry only while it still holds the caller's value. */
const EXTEND_IF_MINE = `if redis.call("GET", KEYS[1]) == ARGV[1] then
  return redis.call("PEXPIRE", KEYS[1], ARGV[2])
end
return 0`;

/** Deletes a key only while it still holds the caller's value. */
const DELETE_IF_MINE = `if redis.call("GET", KEYS[1]) == ARGV[1] then
  return redis.call("DEL", KEYS[1])
end
return 0`;

export interface RedisStateOptions {
  /** Hears connection errors (ioredis reconnects by itself); default: ignored. */
  onError?: (error: Error) => void;
}

/**
 * The shared state in Redis (`REDIS_URL`, as Probot's throttling reads it). A claim is
 * `SET NX EX`: the first replica to claim a delivery handles it, the others see it claimed; a
 * claim or a lock holds a value unique to its holder, so that only the holder extends or gives it
 * up (https://redis.io/docs/latest/develop/use/patterns/distributed-locks/, single instance).
 */
export function createRedisState(url: string, options: RedisStateOptions = {}): SharedState {
  const redis = new Redis(url, {
    // A delivery waits at most a few seconds for Redis, then fails (and is caught up later).
    maxRetriesPerRequest: 2,
    connectTimeout: 5_000,
    keyPrefix: PREFIX,
  });
  redis.on("error", (error: Error) => options.onError?.(error));
  return {
    kind: "redis",
    ...deliveries(redis),
    ...locks(redis, options),
    ...values(redis),
    ...answered(redis),
    async ping() {
      await redis.ping();
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

async function extendIfMine(redis: Redis, key: string, value: string, ttlSeconds: number) {
  return (await redis.eval(EXTEND_IF_MINE, 1, key, value, String(ttlSeconds * 1000))) === 1;
}

async function deleteIfMine(redis: Redis, key: string, value: string): Promise<void> {
  await redis.eval(DELETE_IF_MINE, 1, key, value);
}

type Deliveries = Pick<
  SharedState,
  "claimDelivery" | "extendDelivery" | "completeDelivery" | "releaseDelivery" | "isDeliveryHandled"
>;

/** Delivery claims, held under a value unique to this process. */
function deliveries(redis: Redis): Deliveries {
  const holding = `handling:${randomUUID()}`;
  return {
    async claimDelivery(id, ttlSeconds) {
      return (await redis.set(`delivery:${id}`, holding, "EX", ttlSeconds, "NX")) === "OK";
    },
    extendDelivery(id, ttlSeconds) {
      return extendIfMine(redis, `delivery:${id}`, holding, ttlSeconds);
    },
    async completeDelivery(id, ttlSeconds) {
      await redis.set(`delivery:${id}`, "done", "EX", ttlSeconds);
    },
    releaseDelivery(id) {
      return deleteIfMine(redis, `delivery:${id}`, holding);
    },
    async isDeliveryHandled(id) {
      return (await redis.get(`delivery:${id}`)) === "done";
    },
  };
}

function locks(redis: Redis, options: RedisStateOptions): Pick<SharedState, "withLock"> {
  return {
    async withLock(name, ttlSeconds, fn) {
      const key = `lock:${name}`;
      const mine = randomUUID();
      if ((await redis.set(key, mine, "EX", ttlSeconds, "NX")) !== "OK") return { ran: false };
      // Renewed while `fn` runs, so a long run keeps it; a dead holder's lock expires.
      const renew = setInterval(
        () => {
          extendIfMine(redis, key, mine, ttlSeconds).catch((error: Error) =>
            options.onError?.(error),
          );
        },
        Math.max(100, (ttlSeconds * 1000) / 3),
      );
      renew.unref();
      try {
        return { ran: true, value: await fn() };
      } finally {
        clearInterval(renew);
        await deleteIfMine(redis, key, mine).catch((error: Error) => options.onError?.(error));
      }
    },
  };
}

/** Where the ids of deliveries answered 202 are kept, scored by when (milliseconds). */
const ANSWERED = "answered";

/**
 * Deliveries answered 202: each under a key of its own with its expiry, its id in a sorted set
 * by time. An id whose key has expired is taken out of the set when read.
 */
function answered(
  redis: Redis,
): Pick<SharedState, "keepAnswered" | "answeredBefore" | "dropAnswered"> {
  return {
    async keepAnswered(id, delivery, ttlSeconds) {
      await redis
        .multi()
        .set(`answered:${id}`, delivery, "EX", ttlSeconds)
        .zadd(ANSWERED, Date.now(), id)
        .exec();
    },
    async answeredBefore(time, limit) {
      const ids = await redis.zrangebyscore(ANSWERED, "-inf", `(${time}`, "LIMIT", 0, limit);
      if (ids.length === 0) return [];
      const deliveries = await redis.mget(ids.map((id) => `answered:${id}`));
      const found: Array<{ id: string; delivery: string }> = [];
      const expired: string[] = [];
      ids.forEach((id, index) => {
        const delivery = deliveries[index];
        if (delivery) found.push({ id, delivery });
        else expired.push(id);
      });
      if (expired.length > 0) await redis.zrem(ANSWERED, ...expired);
      return found;
    },
    async dropAnswered(id) {
      await redis.multi().del(`answered:${id}`).zrem(ANSWERED, id).exec();
    },
  };
}

function values(redis: Redis): Pick<SharedState, "getValue" | "setValue"> {
  return {
    getValue(key) {
      return redis.get(`value:${key}`);
    },
    async setValue(key, value) {
      await redis.set(`value:${key}`, value);
    },
  };
}

import { randomUUID } from "node:crypto";
import type { SharedState } from "./shared-state.js";

interface Entry {
  value: string;
  expiresAt: number;
}

/** How many keys the memory state keeps at most; the oldest go first. */
const CAPACITY = 20_000;

/**
 * The shared state of one process, in memory, for running without Redis: the same answers as the
 * Redis state for a single replica. Entries expire like Redis keys; `now` is the clock in
 * milliseconds.
 */
export function createMemoryState(now: () => number = Date.now): SharedState {
  const store = memoryStore(now);
  return {
    kind: "memory",
    ...deliveries(store),
    ...locks(store),
    ...values(store),
    ...answered(now),
    async ping() {},
    async close() {},
  };
}

/** Keys that expire like Redis keys, at most `CAPACITY` of them. */
interface MemoryStore {
  read(key: string): string | null;
  write(key: string, value: string, ttlSeconds: number): void;
  /** Writes the key only when it holds nothing (`SET NX`); true when written. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): boolean;
  remove(key: string): void;
}

function memoryStore(now: () => number): MemoryStore {
  const entries = new Map<string, Entry>();
  const read = (key: string): string | null => {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return null;
    }
    return entry.value;
  };
  const write = (key: string, value: string, ttlSeconds: number): void => {
    entries.delete(key);
    entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
    if (entries.size > CAPACITY) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
  };
  return {
    read,
    write,
    setIfAbsent(key, value, ttlSeconds) {
      if (read(key) !== null) return false;
      write(key, value, ttlSeconds);
      return true;
    },
    remove(key) {
      entries.delete(key);
    },
  };
}

type Deliveries = Pick<
  SharedState,
  "claimDelivery" | "extendDelivery" | "completeDelivery" | "releaseDelivery" | "isDeliveryHandled"
>;

/** Delivery claims, held under a value unique to this process. */
function deliveries(store: MemoryStore): Deliveries {
  const holding = `handling:${randomUUID()}`;
  return {
    async claimDelivery(id, ttlSeconds) {
      return store.setIfAbsent(`delivery:${id}`, holding, ttlSeconds);
    },
    async extendDelivery(id, ttlSeconds) {
      if (store.read(`delivery:${id}`) !== holding) return false;
      store.write(`delivery:${id}`, holding, ttlSeconds);
      return true;
    },
    async completeDelivery(id, ttlSeconds) {
      store.write(`delivery:${id}`, "done", ttlSeconds);
    },
    async releaseDelivery(id) {
      if (store.read(`delivery:${id}`) === holding) store.remove(`delivery:${id}`);
    },
    async isDeliveryHandled(id) {
      return store.read(`delivery:${id}`) === "done";
    },
  };
}

function locks(store: MemoryStore): Pick<SharedState, "withLock"> {
  return {
    async withLock(name, _ttlSeconds, fn) {
      const key = `lock:${name}`;
      const mine = randomUUID();
      // One process: the lock lives as long as `fn` runs, and dies with the process.
      if (!store.setIfAbsent(key, mine, Number.POSITIVE_INFINITY)) return { ran: false };
      try {
        return { ran: true, value: await fn() };
      } finally {
        if (store.read(key) === mine) store.remove(key);
      }
    },
  };
}

type Answered = Pick<SharedState, "keepAnswered" | "answeredBefore" | "dropAnswered">;

/** Deliveries answered 202, by id, with when they were kept; expired ones are dropped when read. */
function answered(now: () => number): Answered {
  const kept = new Map<string, { delivery: string; at: number; expiresAt: number }>();
  return {
    async keepAnswered(id, delivery, ttlSeconds) {
      kept.delete(id);
      kept.set(id, { delivery, at: now(), expiresAt: now() + ttlSeconds * 1000 });
      if (kept.size > CAPACITY) kept.delete(kept.keys().next().value as string);
    },
    async answeredBefore(time, limit) {
      const found: Array<{ id: string; delivery: string }> = [];
      for (const [id, entry] of kept) {
        if (entry.expiresAt <= now()) kept.delete(id);
        else if (entry.at < time && found.length < limit)
          found.push({ id, delivery: entry.delivery });
      }
      return found;
    },
    async dropAnswered(id) {
      kept.delete(id);
    },
  };
}

function values(store: MemoryStore): Pick<SharedState, "getValue" | "setValue"> {
  return {
    async getValue(key) {
      return store.read(`value:${key}`);
    },
    async setValue(key, value) {
      store.write(`value:${key}`, value, Number.POSITIVE_INFINITY);
    },
  };
}

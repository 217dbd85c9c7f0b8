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
  const entries = new Map<string, Entry>();
  const token = randomUUID();

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
  const setIfAbsent = (key: string, value: string, ttlSeconds: number): boolean => {
    if (read(key) !== null) return false;
    write(key, value, ttlSeconds);
    return true;
  };
  const holding = `handling:${token}`;

  return {
    kind: "memory",
    async claimDelivery(id, ttlSeconds) {
      return setIfAbsent(`delivery:${id}`, holding, ttlSeconds);
    },
    async extendDelivery(id, ttlSeconds) {
      if (read(`delivery:${id}`) !== holding) return false;
      write(`delivery:${id}`, holding, ttlSeconds);
      return true;
    },
    async completeDelivery(id, ttlSeconds) {
      write(`delivery:${id}`, "done", ttlSeconds);
    },
    async releaseDelivery(id) {
      if (read(`delivery:${id}`) === holding) entries.delete(`delivery:${id}`);
    },
    async isDeliveryHandled(id) {
      return read(`delivery:${id}`) === "done";
    },
    async withLock(name, _ttlSeconds, fn) {
      const key = `lock:${name}`;
      const mine = randomUUID();
      // One process: the lock lives as long as `fn` runs, and dies with the process.
      if (!setIfAbsent(key, mine, Number.POSITIVE_INFINITY)) return { ran: false };
      try {
        return { ran: true, value: await fn() };
      } finally {
        if (read(key) === mine) entries.delete(key);
      }
    },
    async getValue(key) {
      return read(`value:${key}`);
    },
    async setValue(key, value) {
      write(`value:${key}`, value, Number.POSITIVE_INFINITY);
    },
    async ping() {},
    async close() {},
  };
}

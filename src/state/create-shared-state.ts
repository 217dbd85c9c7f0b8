import { createMemoryState } from "./memory-state.js";
import { createRedisState } from "./redis-state.js";
import type { SharedState } from "./shared-state.js";

/**
 * The shared state the environment asks for: Redis at `REDIS_URL` (Probot's own setting, which
 * also makes Probot's throttling share its limiter across replicas), else this process's memory.
 */
export function createSharedState(
  env: Record<string, string | undefined>,
  options: { onError?: (error: Error) => void } = {},
): SharedState {
  const url = env.REDIS_URL?.trim();
  return url ? createRedisState(url, options) : createMemoryState();
}

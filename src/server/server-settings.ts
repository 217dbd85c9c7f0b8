import { DEFAULT_WEBHOOK_PATH } from "./start-server.js";

/** The server's settings from the environment (`.env.example` lists each key). */
export interface ServerSettings {
  port: number;
  host: string;
  webhookPath: string;
  webhookProxyUrl: string | undefined;
  shutdownTimeoutMs: number;
  /** The app's login (`<slug>[bot]`), when given. */
  botLogin: string | undefined;
  /** The API's base URL (`GITHUB_API_URL`), when given; else Probot's (GitHub, or `GHE_HOST`). */
  githubApiUrl: string | undefined;
  /**
   * Octokit's throttling (`GITHUB_THROTTLE`, default on): GitHub's advice on pacing requests,
   * shared through Redis with `REDIS_URL`. Off only for a GitHub without rate limits, such as
   * the local GitHub of the scale test.
   */
  throttle: boolean;
  /** The hourly schedule on this replica (`HOURLY_SCHEDULE`, default on). */
  schedule: boolean;
}

/** Reads and checks the server's settings; throws an Error naming the key and what to write. */
export function readServerSettings(env: Record<string, string | undefined>): ServerSettings {
  return {
    port: integer(env, "PORT", 3000, 0, 65_535),
    // Loopback unless told: a container sets HOST=0.0.0.0 (the Dockerfile does).
    host: env.HOST || "127.0.0.1",
    webhookPath: env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH,
    webhookProxyUrl: env.WEBHOOK_PROXY_URL || undefined,
    shutdownTimeoutMs: integer(env, "SHUTDOWN_TIMEOUT_SECONDS", 25, 0, 3600) * 1000,
    botLogin: env.APP_BOT_LOGIN || undefined,
    githubApiUrl: env.GITHUB_API_URL || undefined,
    throttle: onOff(env, "GITHUB_THROTTLE"),
    schedule: onOff(env, "HOURLY_SCHEDULE"),
  };
}

/** `on` (the default when unset) or `off`; anything else is an error naming the key. */
function onOff(env: Record<string, string | undefined>, key: string): boolean {
  const text = (env[key] ?? "").trim().toLowerCase();
  if (text === "" || text === "on") return true;
  if (text === "off") return false;
  throw new Error(`${key}=${env[key]} must be on or off`);
}

function integer(
  env: Record<string, string | undefined>,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = env[key];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${key}=${text} is not a whole number from ${min} to ${max}`);
  return value;
}

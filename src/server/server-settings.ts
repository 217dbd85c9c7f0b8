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
  };
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

import type { Probot } from "probot";

/** What the health check asks of the shared state (`src/state/`): Redis `PING`, or nothing in memory. */
export interface PingableState {
  readonly kind: string;
  ping(): Promise<void>;
}

interface CheckResult {
  ok: boolean;
  /** Milliseconds the check took (the GitHub check's last run when cached). */
  ms: number;
  /** Why it failed, in one line. */
  error?: string;
}

export interface HealthReport {
  /** `ok`, `failing` (GitHub or Redis cannot be reached) or `stopping` (a shutdown began). */
  status: "ok" | "failing" | "stopping";
  github: CheckResult;
  /** `null` without `REDIS_URL`: the state is in memory. */
  redis: CheckResult | null;
}

export interface HealthOptions {
  probot: Probot;
  state?: PingableState | undefined;
  stopping: () => boolean;
  /** How long a GitHub answer is reused (default 30 s), so a busy health check costs GitHub little. */
  githubTtlMs?: number;
  /** A check that takes longer fails (default 5 s). */
  timeoutMs?: number;
  now?: () => number;
}

/**
 * The health endpoint's check: can the app reach GitHub as itself (`GET /app`, authenticated with
 * the App's JWT: it checks APP_ID and the private key too) and, with `REDIS_URL`, Redis (`PING`)?
 */
export function createHealthCheck(options: HealthOptions): () => Promise<HealthReport> {
  const now = options.now ?? Date.now;
  const ttl = options.githubTtlMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 5_000;
  let cached: { at: number; result: CheckResult } | undefined;
  let pending: Promise<CheckResult> | undefined;

  const checkGitHub = async (): Promise<CheckResult> => {
    if (cached && now() - cached.at < ttl) return cached.result;
    pending ??= timed(async () => {
      const octokit = await options.probot.auth();
      await octokit.request("GET /app");
    }, timeoutMs).then((result) => {
      cached = { at: now(), result };
      pending = undefined;
      return result;
    });
    return pending;
  };

  return async () => {
    const state = options.state;
    const [github, redis] = await Promise.all([
      checkGitHub(),
      state && state.kind !== "memory" ? timed(() => state.ping(), timeoutMs) : null,
    ]);
    const status = options.stopping()
      ? "stopping"
      : github.ok && (redis?.ok ?? true)
        ? "ok"
        : "failing";
    return { status, github, redis };
  };
}

async function timed(check: () => Promise<void>, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      ms: Math.round(performance.now() - started),
      error: oneLine(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

function oneLine(error: unknown): string {
  const status = (error as { status?: number }).status;
  const message = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message;
  return (
    `${status ? `${status} ` : ""}${message}${detail ? ` (${detail})` : ""}`.split("\n")[0] ?? ""
  );
}

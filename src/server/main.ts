import { join } from "node:path";
import { createProbot, type Logger, type Probot, ProbotOctokit, run } from "probot";
import { createApp } from "../app.js";
import { catchUpIntervalMinutes } from "../catch-up/catch-up-interval.js";
import { createSharedState } from "../state/create-shared-state.js";
import { createLogger } from "./create-logger.js";
import { loadEnvFile } from "./load-env-file.js";
import { readServerSettings, type ServerSettings } from "./server-settings.js";
import { type RunningServer, startServer } from "./start-server.js";

type Env = Record<string, string | undefined>;

/**
 * `npm start`: the app's server. Without APP_ID and a private key it starts Probot's setup mode,
 * which registers the App from `app.yml` and writes `.env` (README, "Running it for real").
 * Every setting comes from the environment (`.env.example` lists each key).
 */
async function main(): Promise<void> {
  const env = process.env;
  loadEnvFile(join(process.cwd(), ".env"), env);
  if (!env.APP_ID || !(env.PRIVATE_KEY || env.PRIVATE_KEY_PATH)) {
    // Probot's own setup mode: its setup pages, the smee.io channel, `.env` written.
    await run(createApp({ schedule: false }));
    return;
  }
  const settings = readServerSettings(env);
  const log = await serverLog(env);
  const probot = await serverProbot(settings, log);
  // One shared state for the app and the server: the health check pings it, the shutdown closes it.
  const state = createSharedState(env, {
    onError: (error) => log.warn({ err: error }, "shared state unreachable"),
  });
  const running = await startServer({
    probot,
    log,
    state,
    app: (inFlight) =>
      createApp({
        state,
        botLogin: settings.botLogin,
        schedule: settings.schedule,
        // Its own setting, whether or not this replica runs the hourly schedule.
        catchUpIntervalMinutes: catchUpIntervalMinutes(env.CATCH_UP_INTERVAL_MINUTES),
        track: (label, work) => inFlight.track(label, work),
      }),
    port: settings.port,
    host: settings.host,
    webhookPath: settings.webhookPath,
    webhookProxyUrl: settings.webhookProxyUrl,
    shutdownTimeoutMs: settings.shutdownTimeoutMs,
  });
  log.info(
    `listening on ${running.url}; webhooks at ${running.webhookUrl}, health at ${running.url}/healthz`,
  );
  stopOnSignals(running, log);
}

/** The log as Probot makes its own from LOG_LEVEL, LOG_FORMAT, LOG_LEVEL_IN_STRING, SENTRY_DSN. */
function serverLog(env: Env): Promise<Logger> {
  return createLogger({
    level: env.LOG_LEVEL || "info",
    format: (env.LOG_FORMAT || (env.NODE_ENV === "production" ? "json" : "pretty")) as
      | "json"
      | "pretty",
    logLevelInString: env.LOG_LEVEL_IN_STRING === "true",
    sentryDsn: env.SENTRY_DSN || undefined,
  });
}

/**
 * Probot from its own environment keys (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, REDIS_URL, GHE_HOST),
 * with GITHUB_API_URL (as in GitHub Actions and the CLI) and GITHUB_THROTTLE on top.
 */
async function serverProbot(settings: ServerSettings, log: Logger): Promise<Probot> {
  type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;
  const probot = createProbot({
    overrides: {
      log,
      ...(settings.githubApiUrl ? { baseUrl: settings.githubApiUrl } : {}),
      ...(settings.throttle
        ? {}
        : {
            Octokit: ProbotOctokit.defaults((options: OctokitOptions) => ({
              ...options,
              throttle: { ...options.throttle, enabled: false },
            })),
          }),
    },
  });
  await probot.ready();
  if (!settings.throttle) log.warn("GITHUB_THROTTLE=off: requests to GitHub are not paced");
  return probot;
}

/** SIGTERM or SIGINT: the graceful shutdown; a second signal exits at once. */
function stopOnSignals(running: RunningServer, log: Logger): void {
  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    log.info({ signal }, "stopping");
    running.stop().then(
      ({ drained }) => process.exit(drained ? 0 : 1),
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `disruption-reports: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

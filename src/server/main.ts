import { join } from "node:path";
import { createProbot, run } from "probot";
import { createApp } from "../app.js";
import { createSharedState } from "../state/create-shared-state.js";
import { createLogger } from "./create-logger.js";
import { loadEnvFile } from "./load-env-file.js";
import { readServerSettings } from "./server-settings.js";
import { startServer } from "./start-server.js";

/**
 * `npm start`: the app's server. Without APP_ID and a private key it starts Probot's setup mode,
 * which registers the App from `app.yml` and writes `.env` (README, "Running it for real").
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
  const log = await createLogger({
    level: env.LOG_LEVEL || "info",
    format: (env.LOG_FORMAT || (env.NODE_ENV === "production" ? "json" : "pretty")) as
      | "json"
      | "pretty",
    logLevelInString: env.LOG_LEVEL_IN_STRING === "true",
    sentryDsn: env.SENTRY_DSN || undefined,
  });
  const probot = createProbot({
    // GITHUB_API_URL as in GitHub Actions and the CLI (GHE_HOST, Probot's own, works too).
    overrides: { log, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) },
  });
  await probot.ready();
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

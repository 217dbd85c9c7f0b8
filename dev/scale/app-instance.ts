/**
 * One replica of the app for the scale test: the app's real server (Probot's Node middleware
 * around `createApp`, as `npm start` runs it) on 127.0.0.1:PORT, with the shared state at
 * REDIS_URL and the catch-up every CATCH_UP_INTERVAL_MINUTES. GitHub is the local GitHub at
 * GITHUB_API_URL, which has no rate limit, so Probot's throttling is off (as in the demo).
 *
 *   APP_ID PRIVATE_KEY WEBHOOK_SECRET GITHUB_API_URL REDIS_URL PORT CATCH_UP_INTERVAL_MINUTES
 */
import { createServer } from "node:http";
import { pino } from "pino";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { createApp } from "../../src/app.js";
import { catchUpIntervalMinutes } from "../../src/catch-up/catch-up-interval.js";
import { createSharedState } from "../../src/state/create-shared-state.js";

const env = process.env;
const required = (name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const log = pino({ level: env.LOG_LEVEL ?? "warn" }, pino.destination(2));
const probot = new Probot({
  appId: Number(required("APP_ID")),
  privateKey: required("PRIVATE_KEY"),
  secret: required("WEBHOOK_SECRET"),
  baseUrl: required("GITHUB_API_URL"),
  Octokit: ProbotOctokit.defaults(
    (options: NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...options.throttle, enabled: false },
    }),
  ),
  log,
});
const state = createSharedState(env, {
  onError: (error) => log.warn({ err: error }, "shared state unreachable"),
});
const middleware = await createNodeMiddleware(
  createApp({
    state,
    schedule: false,
    catchUpIntervalMinutes: catchUpIntervalMinutes(env.CATCH_UP_INTERVAL_MINUTES),
  }),
  { probot },
);
const server = createServer((request, response) => {
  void middleware(request, response, () => response.writeHead(404).end());
});
server.listen(Number(required("PORT")), "127.0.0.1", () => {
  process.stdout.write(`listening ${env.PORT}\n`);
});
process.on("SIGTERM", () => {
  server.close();
  void state.close().then(() => process.exit(0));
});

/**
 * One side of `npm run bench:webhooks`, in a process of its own so that its CPU time is its own:
 * the app's real server (`src/server/`) running either this app or a bare Probot app with a no-op
 * handler. Settings come from the environment; the parent asks for `process.cpuUsage()` over IPC.
 */
import { Writable } from "node:stream";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../../src/app.js";
import { loggerTo } from "../../src/server/create-logger.js";
import { startServer } from "../../src/server/start-server.js";

const kind = process.argv[2];
const env = process.env;
const log = loggerTo(
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  }),
  "warn",
);
const probot = new Probot({
  appId: Number(env.APP_ID),
  privateKey: env.PRIVATE_KEY ?? "",
  secret: env.WEBHOOK_SECRET ?? "",
  baseUrl: env.GITHUB_API_URL ?? "",
  // Throttling paces writes to one a second (GitHub's advice for content creation): that is
  // waiting, not CPU, and would swamp the latency of a form opened. Off on both sides.
  Octokit: ProbotOctokit.defaults(
    (options: NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...options.throttle, enabled: false },
    }),
  ),
  log,
});
const server = await startServer({
  probot,
  log,
  port: 0,
  host: "127.0.0.1",
  app: () =>
    kind === "bare"
      ? (app: Probot) => {
          app.on("issues", async () => {});
        }
      : createApp({ schedule: false, botLogin: env.APP_BOT_LOGIN }),
});
process.on("message", (message) => {
  if (message === "cpu") process.send?.({ cpu: process.cpuUsage() });
  if (message === "stop") void server.stop().then(() => process.exit(0));
});
process.send?.({ url: server.webhookUrl });

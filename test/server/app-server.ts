import { generateKeyPairSync } from "node:crypto";
import { Writable } from "node:stream";
import { Probot, ProbotOctokit } from "probot";
import { FORM_BODY, REPO, seedRepository } from "../../dev/demo/scenario.js";
import { type LocalGitHub, startLocalGitHub } from "../../dev/local-github/index.js";
import { createApp } from "../../src/app.js";
import { loggerTo } from "../../src/server/create-logger.js";
import {
  type RunningServer,
  type ServerOptions,
  startServer,
} from "../../src/server/start-server.js";

export interface AppServer {
  github: LocalGitHub;
  server: RunningServer;
  secret: string;
  privateKey: string;
  /** Every log line the server wrote, as JSON objects, and as the raw text. */
  logs: Array<Record<string, unknown>>;
  logText: () => string;
  close(): Promise<void>;
}

/** A fresh App key (2048-bit RSA, PKCS#1 as GitHub hands it out). */
export function appKey(): string {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
}

/** The local GitHub (seeded as in the demo) and the app's real server, with its log captured. */
export async function startAppServer(
  options: Partial<Omit<ServerOptions, "probot" | "log" | "app">> = {},
): Promise<AppServer> {
  const privateKey = appKey();
  const secret = "test-secret";
  const github = await startLocalGitHub({ appKey: privateKey });
  const logs: Array<Record<string, unknown>> = [];
  let text = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      for (const line of String(chunk).split("\n"))
        if (line.trim() !== "") logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = loggerTo(sink);
  const probot = new Probot({
    appId: github.store.app.id,
    privateKey,
    secret,
    baseUrl: github.url,
    Octokit: ProbotOctokit.defaults(
      (octokitOptions: NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>) => ({
        ...octokitOptions,
        retry: { enabled: false },
        throttle: { ...octokitOptions.throttle, enabled: false },
      }),
    ),
    log,
  });
  const server = await startServer({
    probot,
    log,
    app: (inFlight) =>
      createApp({ schedule: false, track: (label, work) => inFlight.track(label, work) }),
    port: 0,
    host: "127.0.0.1",
    ...options,
  });
  seedRepository({ github } as Parameters<typeof seedRepository>[0]);
  return {
    github,
    server,
    secret,
    privateKey,
    logs,
    logText: () => text,
    async close() {
      await server.stop();
      await github.close();
    },
  };
}

/** Files the demo's report through the form in the local GitHub; returns its `issues.opened` event. */
export function fileReport(github: LocalGitHub) {
  const mark = github.webhooks.length;
  github.store.createIssue("maya", REPO, {
    title: "[Disruption] Checkout failing for EU customers",
    body: FORM_BODY,
    labels: ["disruption"],
  });
  const event = github.webhooks
    .slice(mark)
    .find(
      (each) => each.name === "issues" && (each.payload as { action?: string }).action === "opened",
    );
  if (!event) throw new Error("the local GitHub sent no issues event");
  return event;
}

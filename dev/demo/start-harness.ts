import { generateKeyPairSync } from "node:crypto";
import type { DateTime } from "luxon";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../../src/app.js";
import { startServer } from "../../src/server/start-server.js";
import {
  deliveryRequest,
  type LocalGitHub,
  type RecordedRequest,
  startLocalGitHub,
  type WebhookEvent,
} from "../local-github/index.js";

/** One webhook delivery to the app and the API calls the app made while handling it. */
export interface Delivery {
  event: WebhookEvent;
  status: number;
  calls: RecordedRequest[];
  /** Milliseconds until the app's server answered. */
  ms: number;
}

export interface Harness {
  github: LocalGitHub;
  /** The app's Probot, for what runs outside webhooks (the hourly schedule). */
  probot: Probot;
  /** Where the app's server takes webhooks (`…/api/github/webhooks`). */
  webhookUrl: string;
  secret: string;
  /**
   * Delivers the webhook events GitHub has queued (what people did, and the echoes of the app's own
   * writes), one at a time, until none is left.
   */
  settle(): Promise<Delivery[]>;
  /** Takes the queued events without delivering them, for a test that delivers in its own order. */
  takeQueued(): WebhookEvent[];
  /** Delivers one event now, signed with `secret` (default: the right one). */
  deliver(event: WebhookEvent, secret?: string): Promise<Delivery>;
  /**
   * Stops the app's server and starts a new one, as a deploy or a crash does: what the app kept in
   * memory (handled delivery ids, caches) is gone; GitHub's state stays.
   */
  restart(octokit?: HarnessOptions["octokit"]): Promise<void>;
  /** Resolves when the app is handling nothing (a delivery answered 202 may still be running). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The clock of the local GitHub's timestamps. */
  githubNow?: () => Date;
  /** The app's clock (the analytics' "today"). */
  appClock?: () => DateTime;
  /**
   * `quiet` (default): throttling and retries off, so a demo does not wait. `production`: Probot's
   * Octokit as \`npm start\` configures it (retry and throttling plugins with Probot's handlers),
   * its write limiter keyed to this harness, so harnesses in one process do not queue on each other.
   */
  octokit?: "quiet" | "production";
}

/**
 * The local GitHub and the app's real server (`src/server/`, as `npm start` runs it, with a
 * generated App key and webhook secret) on loopback, wired as GitHub would be: webhooks are
 * signed HTTP deliveries, and the app authenticates as an installation to call the API.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const privateKey = appKey();
  const secret = `demo-secret-${Math.random().toString(36).slice(2)}`;
  const github = await startLocalGitHub({
    appKey: privateKey,
    ...(options.githubNow ? { now: options.githubNow } : {}),
  });
  let kind = options.octokit ?? "quiet";
  const start = async () => {
    const probot = new Probot({
      appId: github.store.app.id,
      privateKey,
      secret,
      baseUrl: github.url,
      Octokit: harnessOctokit(kind),
      log: pino({ level: process.env.HARNESS_LOG ?? "silent" }),
    });
    const server = await startServer({
      probot,
      log: probot.log,
      app: () =>
        createApp({ schedule: false, ...(options.appClock ? { clock: options.appClock } : {}) }),
      port: 0,
      host: "127.0.0.1",
    });
    return { probot, server };
  };
  let app = await start();

  const queue: WebhookEvent[] = [];
  const unsubscribe = github.onWebhook((event) => {
    queue.push(event);
  });

  const deliver = async (event: WebhookEvent, signWith = secret): Promise<Delivery> => {
    const mark = github.requests.length;
    const { headers, body } = await deliveryRequest(event, signWith);
    const started = performance.now();
    const response = await fetch(app.server.webhookUrl, { method: "POST", headers, body });
    await response.text();
    return {
      event,
      status: response.status,
      calls: github.requests.slice(mark),
      ms: Math.round(performance.now() - started),
    };
  };

  return {
    github,
    get probot() {
      return app.probot;
    },
    get webhookUrl() {
      return app.server.webhookUrl;
    },
    secret,
    deliver,
    takeQueued() {
      return queue.splice(0, queue.length);
    },
    async idle() {
      while (app.server.inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async restart(octokit) {
      await app.server.stop();
      if (octokit) kind = octokit;
      app = await start();
    },
    async settle() {
      const deliveries: Delivery[] = [];
      for (let event = queue.shift(); event; event = queue.shift())
        deliveries.push(await deliver(event));
      return deliveries;
    },
    async close() {
      unsubscribe();
      await app.server.stop();
      await github.close();
    },
  };
}

let harnesses = 0;

/** The Octokit class the harness's Probot uses (see `HarnessOptions.octokit`). */
function harnessOctokit(kind: "quiet" | "production"): typeof ProbotOctokit {
  type Options = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;
  if (kind === "production") {
    // The plugin's limiters are per process and keyed by `throttle.id` (one deployment each).
    const id = `harness-${process.pid}-${++harnesses}`;
    return ProbotOctokit.defaults((octokitOptions: Options) => ({
      ...octokitOptions,
      throttle: { ...octokitOptions.throttle, id },
    }));
  }
  // Throttling and retries off: the local GitHub has no rate limit, and a demo should not wait.
  return ProbotOctokit.defaults((octokitOptions: Options) => ({
    ...octokitOptions,
    retry: { enabled: false },
    throttle: { ...octokitOptions.throttle, enabled: false },
  }));
}

let key: string | undefined;

/** The App's private key: one generated per process (an RSA key takes a while to make). */
function appKey(): string {
  key ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return key;
}

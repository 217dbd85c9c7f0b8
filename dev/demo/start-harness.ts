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
  /** Delivers one event now, signed with `secret` (default: the right one). */
  deliver(event: WebhookEvent, secret?: string): Promise<Delivery>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The clock of the local GitHub's timestamps. */
  githubNow?: () => Date;
  /** The app's clock (the analytics' "today"). */
  appClock?: () => DateTime;
}

/**
 * The local GitHub and the app's real server (`src/server/`, as `npm start` runs it, with a
 * generated App key and webhook secret) on loopback, wired as GitHub would be: webhooks are
 * signed HTTP deliveries, and the app authenticates as an installation to call the API.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const secret = `demo-secret-${Math.random().toString(36).slice(2)}`;
  const github = await startLocalGitHub({
    appKey: privateKey,
    ...(options.githubNow ? { now: options.githubNow } : {}),
  });
  const probot = new Probot({
    appId: github.store.app.id,
    privateKey,
    secret,
    baseUrl: github.url,
    // Throttling and retries off: the local GitHub has no rate limit, and a demo should not wait.
    Octokit: ProbotOctokit.defaults(
      (octokitOptions: NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>) => ({
        ...octokitOptions,
        retry: { enabled: false },
        throttle: { ...octokitOptions.throttle, enabled: false },
      }),
    ),
    log: pino({ level: "silent" }),
  });
  const server = await startServer({
    probot,
    log: probot.log,
    app: () =>
      createApp({ schedule: false, ...(options.appClock ? { clock: options.appClock } : {}) }),
    port: 0,
    host: "127.0.0.1",
  });
  const webhookUrl = server.webhookUrl;

  const queue: WebhookEvent[] = [];
  const unsubscribe = github.onWebhook((event) => {
    queue.push(event);
  });

  const deliver = async (event: WebhookEvent, signWith = secret): Promise<Delivery> => {
    const mark = github.requests.length;
    const { headers, body } = deliveryRequest(event, signWith);
    const started = performance.now();
    const response = await fetch(webhookUrl, { method: "POST", headers, body });
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
    probot,
    webhookUrl,
    secret,
    deliver,
    async settle() {
      const deliveries: Delivery[] = [];
      for (let event = queue.shift(); event; event = queue.shift())
        deliveries.push(await deliver(event));
      return deliveries;
    },
    async close() {
      unsubscribe();
      await server.stop();
      await github.close();
    },
  };
}

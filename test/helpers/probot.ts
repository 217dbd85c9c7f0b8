import { generateKeyPairSync } from "node:crypto";
import { DateTime } from "luxon";
import nock from "nock";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createApp } from "../../src/app.js";
import type { SharedState } from "../../src/state/shared-state.js";
import { BOT_LOGIN } from "./payloads.js";

/** The clock of every handler test: the report command publishes October 2026. */
const TEST_NOW = DateTime.fromISO("2026-11-02T10:00:00Z");

// Function form: Probot 14 replaces an object-form `throttle` with its own, which would keep
// throttling on (a second write waits a second).
type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;
const TestOctokit = ProbotOctokit.defaults((options: OctokitOptions) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...options.throttle, enabled: false },
}));

export const API = "https://api.github.com";

/** Requests nock saw that no interceptor matched; a handler test ends by asserting none. */
export const unexpected: string[] = [];
const onNoMatch = (request: Request) => {
  unexpected.push(`${request.method} ${request.url}`);
};

/** Network off for the suite, the unexpected-request log cleared after each test. */
export function useNock(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on("no match", onNoMatch);
  });
  afterEach(() => {
    nock.cleanAll();
    unexpected.length = 0;
  });
  afterAll(() => {
    nock.emitter.removeListener("no match", onNoMatch);
    nock.enableNetConnect();
  });
}

/**
 * A Probot with the app loaded, a plain token (no app JWT), silent logs; its own memory state
 * unless one is given (two Probots on one Redis state are two replicas).
 */
export async function testProbot(options: { state?: SharedState } = {}): Promise<Probot> {
  const probot = new Probot({
    githubToken: "test",
    Octokit: TestOctokit,
    log: pino({ level: "silent" }),
  });
  await probot.load(
    createApp({
      botLogin: BOT_LOGIN,
      schedule: false,
      clock: () => TEST_NOW,
      ...(options.state ? { state: options.state } : {}),
    }),
  );
  return probot;
}

const { privateKey: appKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

/**
 * A Probot that authenticates as an App (JWT, then installation tokens), as the hourly run does;
 * no app loaded, logs silent unless `level` is given.
 */
export function appProbot(level = "silent"): Probot {
  return new Probot({ appId: 123, privateKey: appKey, Octokit: TestOctokit, log: pino({ level }) });
}

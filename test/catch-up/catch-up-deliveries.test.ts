import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FORM_BODY } from "../../dev/demo/scenario.js";
import { type LocalGitHub, startLocalGitHub } from "../../dev/local-github/index.js";
import { createApp } from "../../src/app.js";
import { catchUpDeliveries } from "../../src/github/catch-up-deliveries.js";
import { createMemoryState } from "../../src/state/memory-state.js";
import type { SharedState } from "../../src/state/shared-state.js";

const REPO = "acme/ops";
let github: LocalGitHub;
let probot: Probot;
let state: SharedState;
let server: Server;
/** While true the app's address answers 502, as a load balancer does with every replica down. */
let down = false;
/** While true it answers `202 still processing` and handles nothing: a replica that then dies. */
let dies = false;

beforeEach(async () => {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const secret = "catch-up-secret";
  github = await startLocalGitHub({ appKey: privateKey });
  probot = new Probot({
    appId: github.store.app.id,
    privateKey,
    secret,
    baseUrl: github.url,
    Octokit: ProbotOctokit.defaults(
      (options: NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>) => ({
        ...options,
        retry: { enabled: false },
        throttle: { ...options.throttle, enabled: false },
      }),
    ),
    log: pino({ level: "silent" }),
  });
  state = createMemoryState();
  const middleware = await createNodeMiddleware(createApp({ schedule: false, state }), { probot });
  server = createServer((request, response) => {
    if (down || dies) {
      request.resume();
      response.writeHead(down ? 502 : 202).end();
      return;
    }
    void middleware(request, response, () => response.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  github.setHook({ url: `http://127.0.0.1:${port}/api/github/webhooks`, secret });
  const { store } = github;
  store.addRepo({ owner: "acme", name: "ops", ownerType: "Organization" });
  store.addInstallation({ account: "acme" });
  store.addLabel(REPO, { name: "disruption", color: "b60205" });
  down = false;
  dies = false;
});

afterEach(async () => {
  await github.hooks.idle();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await github.close();
});

/** Lets every delivery (and the deliveries of the app's own writes) finish. */
async function settle(): Promise<void> {
  await github.hooks.idle();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await github.hooks.idle();
}

const catchUpCalls = (from: number) =>
  github.requests
    .slice(from)
    .filter((request) => request.operation?.includes("/app/hook/deliveries"))
    .map((request) => `${request.operation} ${request.status}`);

describe("the catch-up", () => {
  it("handles a delivery answered 202 whose replica died, once, five minutes on", async () => {
    await catchUpDeliveries(probot, state, new Date());
    dies = true;
    const report = github.store.createIssue("maya", REPO, {
      title: "Checkout down",
      body: FORM_BODY,
      labels: ["disruption"],
    });
    await settle();
    dies = false;
    // GitHub counts the 202 as a success: it lists no failure and redelivers nothing.
    const answered = [...github.hooks.attempts];
    expect(answered.map((a) => `${a.event.event} ${a.status}`)).toEqual([
      "issues.opened OK",
      "issues.labeled OK",
    ]);
    // What the endpoint keeps in the shared state as it answers 202 (src/server/webhook-endpoint.ts).
    for (const { guid, event } of answered) {
      await state.keepAnswered(
        guid,
        JSON.stringify({ name: event.name, payload: event.payload }),
        86_400,
      );
    }
    const minutes = (n: number) => new Date(Date.now() + n * 60_000);

    // Within five minutes the replica that answered may still be at it: left alone.
    expect((await catchUpDeliveries(probot, state, minutes(1))).resumed).toEqual([]);
    expect(github.store.issue(REPO, report.number).body).toBe(FORM_BODY);

    const run = await catchUpDeliveries(probot, state, minutes(6));
    expect(run.redelivered).toEqual([]);
    expect(run.resumed.sort()).toEqual(answered.map((a) => a.guid).sort());
    await settle();
    expect(github.store.issue(REPO, report.number).body).toContain("| Severity | SEV2");
    expect(await state.answeredBefore(Number.POSITIVE_INFINITY, 10)).toEqual([]);
    // Kept again (a replica's keep that came late): handled already, so dropped and not handled twice.
    const { guid, event } = answered[0] as (typeof answered)[number];
    await state.keepAnswered(
      guid,
      JSON.stringify({ name: event.name, payload: event.payload }),
      86_400,
    );
    const writes = github.requests.filter((request) => request.method !== "GET").length;
    expect((await catchUpDeliveries(probot, state, minutes(12))).resumed).toEqual([]);
    expect(await state.answeredBefore(Number.POSITIVE_INFINITY, 10)).toEqual([]);
    expect(github.requests.filter((request) => request.method !== "GET").length).toBe(writes);
  });

  it("has GitHub redeliver what failed while the app was down, and nothing twice", async () => {
    const now = new Date();
    await catchUpDeliveries(probot, state, now);
    down = true;
    const report = github.store.createIssue("maya", REPO, {
      title: "Checkout down",
      body: FORM_BODY,
      labels: ["disruption"],
    });
    await settle();
    // GitHub sends issues.opened and issues.labeled for an issue filed with a label.
    expect(github.hooks.attempts.map((a) => `${a.event.event} ${a.status}`)).toEqual([
      "issues.opened Invalid HTTP Response: 502",
      "issues.labeled Invalid HTTP Response: 502",
    ]);
    const lost = github.hooks.attempts.map((a) => a.guid);
    expect(github.store.issue(REPO, report.number).body).toBe(FORM_BODY);
    down = false;

    const mark = github.requests.length;
    const run = await catchUpDeliveries(probot, state, new Date());
    expect(run.redelivered.sort()).toEqual([...lost].sort());
    expect(catchUpCalls(mark)).toEqual([
      "GET /app/hook/deliveries 200",
      "POST /app/hook/deliveries/{delivery_id}/attempts 202",
      "POST /app/hook/deliveries/{delivery_id}/attempts 202",
    ]);
    await settle();
    // The redelivery filled the report; the app's own write came back and did nothing.
    expect(github.store.issue(REPO, report.number).body).toContain("| Severity | SEV2");
    const redeliveries = github.hooks.attempts.filter((a) => a.redelivery);
    expect(redeliveries.map((a) => a.status)).toEqual(["OK", "OK"]);
    expect(redeliveries.map((a) => a.guid).sort()).toEqual([...lost].sort());

    const again = github.requests.length;
    expect((await catchUpDeliveries(probot, state, new Date())).redelivered).toEqual([]);
    expect(catchUpCalls(again)).toEqual(["GET /app/hook/deliveries 200"]);
  });

  it("does not ask again for a delivery GitHub saw fail but the app handled", async () => {
    await catchUpDeliveries(probot, state, new Date());
    const report = github.store.createIssue("maya", REPO, {
      title: "Checkout down",
      body: FORM_BODY,
      labels: ["disruption"],
    });
    await settle();
    const first = github.hooks.attempts.find((a) => a.event.event === "issues.opened");
    if (!first) throw new Error("no delivery");
    // As if the answer had come after GitHub's 10 seconds: handled, but recorded as timed out.
    first.status = "timed out";
    first.statusCode = 0;
    const mark = github.requests.length;
    const run = await catchUpDeliveries(probot, state, new Date());
    expect(run).toMatchObject({ redelivered: [], alreadyHandled: 1 });
    expect(catchUpCalls(mark)).toEqual(["GET /app/hook/deliveries 200"]);
    expect(github.store.issue(REPO, report.number).body).toContain("| Severity | SEV2");
  });

  it("asks at most its limit a run, and the next run asks for the rest", async () => {
    await catchUpDeliveries(probot, state, new Date());
    down = true;
    for (let i = 0; i < 5; i++) github.store.createIssue("maya", REPO, { title: `Issue ${i}` });
    await settle();
    down = false;
    const mark = github.requests.length;
    const run = await catchUpDeliveries(probot, state, new Date(), { pages: 10, redeliveries: 3 });
    expect(run.failed).toBe(5);
    expect(run.redelivered).toHaveLength(3);
    expect(catchUpCalls(mark)).toEqual([
      "GET /app/hook/deliveries 200",
      "POST /app/hook/deliveries/{delivery_id}/attempts 202",
      "POST /app/hook/deliveries/{delivery_id}/attempts 202",
      "POST /app/hook/deliveries/{delivery_id}/attempts 202",
    ]);
    await settle();
    const twoPages = github.requests.length;
    // The two not asked for yet are still failed: the next run asks for them.
    const next = await catchUpDeliveries(probot, state, new Date(), { pages: 10, redeliveries: 3 });
    expect(next.redelivered).toHaveLength(2);
    expect(catchUpCalls(twoPages)[0]).toBe("GET /app/hook/deliveries 200");
  });
});

/**
 * `npm run scale`: the app as it runs at scale, for real. Debian's `redis-server`, two replicas
 * of the app's real server behind Debian's `haproxy`, and the local GitHub, which sends every
 * webhook to the load balancer and records each delivery's outcome. 100 reports go through their
 * stories (filed, edited, closed with open items, commands) as signed deliveries; a random fifth
 * of the deliveries is redelivered to the other replica; one replica is killed with SIGKILL
 * half-way and started again, and the catch-up has GitHub redeliver what the kill lost. Then
 * GitHub's final state is checked, report by report. Ends with:
 *
 *   scale: 1200 deliveries, 37 lost to the kill, 37 recovered, 0 duplicate writes, 0 reports wrong
 *
 * and exits 1 unless there were no duplicate writes, no wrong report and nothing left lost.
 */
import { generateKeyPairSync } from "node:crypto";
import { parseReport } from "../../src/report/parse-report.js";
import { updateDerivedRows } from "../../src/report/update-derived-rows.js";
import { createSharedState } from "../../src/state/create-shared-state.js";
import { seeded } from "../demo/sample-reports.js";
import {
  type HookDelivery,
  type InterceptedRequest,
  startLocalGitHub,
  type WebhookEvent,
} from "../local-github/index.js";
import { freePort } from "./free-port.js";
import { type Expected, seedScale, story } from "./scale-scenario.js";
import { startHaproxy } from "./start-haproxy.js";
import { type Instance, startInstance } from "./start-instance.js";
import { startRedis } from "./start-redis.js";

const REPORTS = 100;
/** Reports whose stories run at the same time. */
const LANES = 20;
/** The share of deliveries redelivered to the other replica. */
const REDELIVERED_SHARE = 0.2;
/** How long a lost delivery may take to come back before it counts as lost for good. */
const RECOVERY_TIMEOUT_MS = 120_000;

const random = seeded(Number(process.env.SCALE_SEED ?? Date.now() % 1_000_000));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => process.stderr.write(`${line}\n`);

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const secret = `scale-${Math.random().toString(36).slice(2)}`;

const redis = await startRedis();
const github = await startLocalGitHub({ appKey: privateKey });
seedScale(github.store);
const ports: Record<string, number> = { a: await freePort(), b: await freePort() };
const env = {
  APP_ID: String(github.store.app.id),
  PRIVATE_KEY: privateKey,
  WEBHOOK_SECRET: secret,
  GITHUB_API_URL: github.url,
  REDIS_URL: redis.url,
  CATCH_UP_INTERVAL_MINUTES: "0.1",
  // The local GitHub has no rate limit: pacing writes one a second would only slow the test.
  GITHUB_THROTTLE: "off",
  // Nothing of the hourly schedule is due in the test; a replica's random minute must not add to it.
  HOURLY_SCHEDULE: "off",
  NODE_ENV: "production",
  LOG_LEVEL: "fatal",
};
const instances: Record<string, Instance> = {};
const stopAll = async () => {
  for (const instance of Object.values(instances)) {
    instance.process.kill("SIGKILL");
    await instance.exited;
  }
  await lb?.stop();
  await github.close();
  await redis.stop();
};
let lb: Awaited<ReturnType<typeof startHaproxy>> | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
try {
  await Promise.all(
    Object.entries(ports).map(async ([name, port]) => {
      instances[name] = await startInstance(name, port, env);
    }),
  );
  lb = await startHaproxy(ports);
  github.setHook({ url: `${lb.url}/api/github/webhooks`, secret, automatic: false });
  log(`redis ${redis.url}, replicas a:${ports.a} b:${ports.b}, haproxy ${lb.url}`);

  // Writes by the app that change nothing: the PATCHes a duplicate handling would make.
  let duplicateWrites = 0;
  const noOpWrites: string[] = [];
  github.intercept((request: InterceptedRequest) => {
    const match = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(request.path);
    if (request.method !== "PATCH" || !match || request.caller === null) return undefined;
    const issue = github.store.issue(`${match[1]}/${match[2]}`, Number(match[3]));
    const body = request.body as { body?: string; state?: string; labels?: string[] };
    const same =
      (body.body === undefined || body.body === issue.body) &&
      (body.state === undefined || body.state === issue.state) &&
      (body.labels === undefined ||
        [...body.labels].sort().join("\n") === [...issue.labels].sort().join("\n"));
    if (same) {
      duplicateWrites += 1;
      noOpWrites.push(`${request.path} ${JSON.stringify(Object.keys(body))}`);
    }
    return undefined;
  });

  const originals: HookDelivery[] = [];
  /** Deliveries that failed because a replica died under them (refused, cut off: no answer). */
  const lost = new Set<string>();
  /** Deliveries GitHub gave up on after 10 seconds (the replica went on handling them). */
  const late = new Set<string>();
  const shared = createSharedState({ REDIS_URL: redis.url });
  const pending = new Map<string, Set<Promise<void>>>();
  /** Handled: the app says so in the shared state (or it answered OK to an attempt). */
  const handled = async (guid: string) =>
    github.hooks.attempts.some((attempt) => attempt.guid === guid && attempt.status === "OK") ||
    (await shared.isDeliveryHandled(guid));
  const waitRecovered = async (guid: string) => {
    const until = Date.now() + RECOVERY_TIMEOUT_MS;
    while (!(await handled(guid)) && Date.now() < until) await sleep(200);
  };
  const deliver = async (event: WebhookEvent): Promise<void> => {
    const attempt = await github.hooks.send(event);
    originals.push(attempt);
    if (attempt.status !== "OK") {
      (attempt.status === "timed out" ? late : lost).add(attempt.guid);
      await waitRecovered(attempt.guid);
      return;
    }
    if (random() < REDELIVERED_SHARE) {
      const other = attempt.responseHeaders["x-served-by"] === "a" ? "b" : "a";
      await github.hooks.send(event, {
        url: `http://127.0.0.1:${ports[other]}/api/github/webhooks`,
        redelivery: true,
      });
    }
  };
  github.onWebhook((event) => {
    const issue = event.payload.issue as { number: number };
    const repository = event.payload.repository as { full_name: string };
    const key = `${repository.full_name}#${issue.number}`;
    const set = pending.get(key) ?? new Set<Promise<void>>();
    pending.set(key, set);
    const promise = deliver(event).finally(() => set.delete(promise));
    set.add(promise);
  });
  const settle = async (key: string) => {
    for (let set = pending.get(key); set && set.size > 0; set = pending.get(key))
      await Promise.all([...set]);
  };

  const stories = Array.from({ length: REPORTS }, (_, i) => story(i));
  const totalSteps = stories.reduce((sum, s) => sum + s.steps.length, 0);
  let stepsDone = 0;
  let killed = false;
  let restart: Promise<void> | undefined;
  const killHalfWay = async () => {
    if (killed || stepsDone < totalSteps / 2) return;
    killed = true;
    const victim = instances.a as Instance;
    victim.process.kill("SIGKILL");
    await victim.exited;
    log(`replica a killed (SIGKILL) after ${originals.length} deliveries`);
    await sleep(1_500);
    instances.a = await startInstance("a", ports.a as number, env);
    log("replica a started again");
  };

  const started = performance.now();
  const progress = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    log(
      `${seconds.toFixed(0)} s: ${stepsDone}/${totalSteps} steps, ${originals.length} deliveries, ${lost.size} lost`,
    );
  }, 10_000);
  let next = 0;
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      for (let i = next++; i < REPORTS; i = next++) {
        const { steps, repo } = stories[i] as (typeof stories)[number];
        for (const step of steps) {
          step(github.store);
          await settle(`${repo}#${stories[i]?.expected().number}`);
          stepsDone += 1;
          const kill = killHalfWay();
          // The call that kills (it marks `killed` before its first wait) is the one to await.
          if (killed && !restart) restart = kill;
        }
      }
    }),
  );
  // The killed replica is back before the end is judged: a run that sent everything before its
  // restart was healthy (8.6 s in one CI run) stopped GitHub and Redis under the restarting
  // replica, whose health check then failed the run after the result was printed.
  await restart;
  clearInterval(progress);
  const sendingSeconds = (performance.now() - started) / 1000;
  await github.hooks.idle();

  // GitHub's final state, report by report.
  const wrong: string[] = [];
  for (const s of stories) {
    const want: Expected = s.expected();
    const issue = github.store.issue(want.repo, want.number);
    const body = issue.body ?? "";
    const parsed = parseReport(body, { timeZone: "UTC" });
    const update = updateDerivedRows(body, parsed);
    const appComments = github.store
      .comments(want.repo, want.number)
      .filter((comment) => comment.user === github.store.bot.login).length;
    const problems = [
      issue.state !== want.state && `state ${issue.state}, want ${want.state}`,
      !issue.labels.includes(want.severityLabel) && `labels ${issue.labels.join(", ")}`,
      (!update || update.changed.length > 0) && `derived rows stale: ${update?.changed}`,
      !body.includes(want.kept) && "a person's text is gone",
      appComments < want.appComments && `${appComments} app comments, want ${want.appComments}`,
    ].filter(Boolean);
    if (appComments > want.appComments) duplicateWrites += appComments - want.appComments;
    if (problems.length > 0) wrong.push(`${want.repo}#${want.number}: ${problems.join("; ")}`);
  }

  let recovered = 0;
  for (const guid of lost) if (await handled(guid)) recovered += 1;
  let lateHandled = 0;
  for (const guid of late) if (await handled(guid)) lateHandled += 1;
  await shared.close();
  const durations = originals
    .filter((attempt) => attempt.status === "OK")
    .map((attempt) => attempt.duration * 1000)
    .sort((a, b) => a - b);
  const p = (q: number) =>
    durations[Math.min(durations.length - 1, Math.floor(q * durations.length))];
  const appCalls = github.requests.filter((request) => request.caller !== null);
  const catchUpCalls = appCalls.filter(
    (request) =>
      request.operation?.startsWith("GET /app/hook") ||
      request.operation?.startsWith("POST /app/hook"),
  ).length;
  const redeliveredByTest = github.hooks.attempts.filter(
    (attempt) => attempt.redelivery && !attempt.url.startsWith(lb?.url ?? "-"),
  ).length;

  for (const line of wrong.slice(0, 20)) log(`wrong: ${line}`);
  for (const line of noOpWrites.slice(0, 20)) log(`duplicate write: PATCH ${line}`);
  log(
    [
      `${originals.length} deliveries in ${sendingSeconds.toFixed(1)} s: ${(originals.length / sendingSeconds).toFixed(1)} deliveries/s`,
      `handling time p50 ${p(0.5)?.toFixed(0)} ms, p99 ${p(0.99)?.toFixed(0)} ms; ${late.size} answered after GitHub's 10 s, ${lateHandled} of them handled`,
      `${appCalls.length} API calls by the app: ${(appCalls.length / originals.length).toFixed(2)} per delivery (${catchUpCalls} of them the catch-up's)`,
      `${redeliveredByTest} redelivered to the other replica; ${github.hooks.attempts.filter((a) => a.redelivery && a.url.startsWith(lb?.url ?? "-")).length} redeliveries asked by the catch-up`,
    ].join("\n"),
  );
  process.stdout.write(
    `scale: ${originals.length} deliveries, ${lost.size} lost to the kill, ${recovered} recovered, ${duplicateWrites} duplicate writes, ${wrong.length} reports wrong\n`,
  );
  process.exitCode =
    duplicateWrites === 0 &&
    wrong.length === 0 &&
    recovered === lost.size &&
    lateHandled === late.size &&
    killed
      ? 0
      : 1;
} finally {
  await stopAll();
}

/**
 * Per-delivery cost beside a bare Probot app: `npm run bench:webhooks`. This app and a bare Probot
 * app (the same Probot, one no-op handler) each run the app's real server in a process of their
 * own against one local GitHub; signed deliveries go to each in turn, in alternating rounds, and
 * the bench prints p50/p99 latency and CPU time per delivery for four events with the ratio:
 *
 * - an edit of a filled report's summary (the common event: the app finds its config cached and
 *   has nothing to write), each delivery a new edit: an edit of prose alone is not planned again;
 * - an edit of an action item's wording, for which the app reads only the Action items;
 * - an edit of its Overview table that changes nothing derived (the people involved), which the
 *   app reads in full;
 * - a report opened through the issue form (filled, labelled: one PATCH).
 *
 * Target (issue 12): the summary edit at 2× the bare app's CPU or less. Where /proc is (Linux),
 * each side's CPU is also split between its main thread and its background threads (V8's
 * optimizing compiler and GC helpers). `npx tsx bench/webhooks.ts [rounds] [per round]`;
 * `--cpu-prof` after the file name writes a V8 profile of the app's process.
 */
import { type ChildProcess, fork } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FORM_BODY, REPO, seedRepository } from "../dev/demo/scenario.js";
import {
  deliveryRequest,
  type LocalGitHub,
  startLocalGitHub,
  type WebhookEvent,
} from "../dev/local-github/index.js";

const args = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const ROUNDS = Number(args[0] ?? 10);
const PER_ROUND = Number(args[1] ?? 50);
const PROFILE = process.argv.includes("--cpu-prof");
const SECRET = "bench-secret";

interface Side {
  name: "app" | "bare";
  child: ChildProcess;
  url: string;
}

async function startSide(name: Side["name"], github: LocalGitHub, key: string): Promise<Side> {
  const child = fork(join(import.meta.dirname, "webhooks/serve-app.ts"), [name], {
    execArgv: [
      "--import",
      "tsx",
      ...(PROFILE && name === "app" ? ["--cpu-prof", "--cpu-prof-dir=bench-profiles"] : []),
    ],
    env: {
      ...process.env,
      APP_ID: String(github.store.app.id),
      PRIVATE_KEY: key,
      WEBHOOK_SECRET: SECRET,
      GITHUB_API_URL: github.url,
      APP_BOT_LOGIN: `${github.store.app.slug}[bot]`,
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve) =>
    child.once("message", (message) => resolve((message as { url: string }).url)),
  );
  return { name, child, url };
}

function cpuOf(side: Side): Promise<number> {
  return new Promise((resolve) => {
    side.child.once("message", (message) => {
      const { cpu } = message as { cpu: NodeJS.CpuUsage };
      resolve((cpu.user + cpu.system) / 1000);
    });
    side.child.send("cpu");
  });
}

async function deliver(side: Side, event: WebhookEvent, id: string): Promise<number> {
  const { headers, body } = await deliveryRequest({ ...event, id }, SECRET);
  const started = performance.now();
  const response = await fetch(side.url, { method: "POST", headers, body });
  await response.text();
  if (response.status !== 200)
    throw new Error(`${side.name}: ${event.name} answered ${response.status}`);
  return performance.now() - started;
}

/** One event of each kind, made by people in the local GitHub. */
function events(github: LocalGitHub): { opened: () => WebhookEvent } {
  const { store } = github;
  const byAction = (action: string, from: number) =>
    github.webhooks
      .slice(from)
      .find(
        (each) => each.name === "issues" && (each.payload as { action?: string }).action === action,
      );
  const opened = (): WebhookEvent => {
    const mark = github.webhooks.length;
    store.createIssue("maya", REPO, {
      title: "[Disruption] Checkout failing for EU customers",
      body: FORM_BODY,
      labels: ["disruption"],
    });
    const event = byAction("opened", mark);
    if (!event) throw new Error("no opened event");
    return event;
  };
  return { opened };
}

/**
 * Each thread's CPU time so far, in milliseconds, by thread id, from Linux's
 * `/proc/<pid>/task/<tid>/schedstat` (its first field: nanoseconds on a CPU), or null where
 * there is none. A round's split counts only the threads there at both its ends: one that
 * starts or ends within the round would count its whole life, or less than nothing.
 */
function threadCpu(pid: number | undefined): Map<number, number> | null {
  const threads = new Map<number, number>();
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8");
      threads.set(Number(task), Number(stat.split(" ")[0]) / 1e6);
    }
  } catch {
    return null;
  }
  return threads;
}

/** The CPU of a round on the main thread and on the others (threads there at both ends). */
function threadSplit(
  pid: number | undefined,
  before: Map<number, number>,
  after: Map<number, number>,
): { main: number; other: number } {
  const split = { main: 0, other: 0 };
  for (const [tid, end] of after) {
    const start = before.get(tid);
    if (start === undefined) continue;
    if (tid === pid) split.main += end - start;
    else split.other += end - start;
  }
  return split;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

async function main(): Promise<void> {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const github = await startLocalGitHub({ appKey: privateKey });
  seedRepository({ github } as Parameters<typeof seedRepository>[0]);
  const sides = [
    await startSide("app", github, privateKey),
    await startSide("bare", github, privateKey),
  ];
  const app = sides[0] as Side;
  const { opened } = events(github);

  // A filled report: the form opened, delivered to the app, which fills it. Then maya edits the
  // summary, an action item's wording or the people involved, again and again: the derived rows
  // stay right, so the app has nothing to write. Each delivery is an edit of its own (its body new, its previous body the
  // edit before it).
  const first = opened();
  await deliver(app, first, "warm-1");
  const number = (first.payload as { issue: { number: number } }).issue.number;
  const filled = github.store.issue(REPO, number).body ?? "";
  const people = "| People involved | @maya, @sam";
  if (!filled.includes(people)) throw new Error("the filled report has no such row");
  const item = "load-test releases before rollout";
  if (!filled.includes(item)) throw new Error("the filled report has no such action item");
  let edits = 0;
  const edit = (where: "summary" | "item" | "people"): WebhookEvent => {
    edits += 1;
    const mark = github.webhooks.length;
    github.store.updateIssue("maya", REPO, number, {
      body:
        where === "summary"
          ? filled.replace("## Summary\n\n", `## Summary\n\nUpdated by maya (${edits}). `)
          : where === "item"
            ? filled.replace(item, `${item} (${edits})`)
            : filled.replace(people, `${people}, @oncall-${edits}`),
    });
    const event = github.webhooks
      .slice(mark)
      .find((each) => (each.payload as { action?: string }).action === "edited");
    if (!event) throw new Error("no edited event");
    return event;
  };

  type Figures = { ms: number[]; cpu: number[]; calls: number; main: number; other: number };
  const figures = (): Figures => ({ ms: [], cpu: [], calls: 0, main: 0, other: 0 });
  // Per side: each delivery's latency, each round's CPU per delivery.
  const results = {
    edit: { app: figures(), bare: figures() },
    item: { app: figures(), bare: figures() },
    overview: { app: figures(), bare: figures() },
    opened: { app: figures(), bare: figures() },
  };
  const kinds = ["edit", "item", "overview", "opened"] as const;
  const event = (kind: (typeof kinds)[number]): WebhookEvent =>
    kind === "opened"
      ? opened()
      : edit(kind === "edit" ? "summary" : kind === "item" ? "item" : "people");
  let serial = 0;
  // Warm-up: JIT, token, label cache, config read, on both sides.
  for (const side of sides)
    for (let i = 0; i < 100; i += 1) {
      await deliver(side, edit("summary"), `w-${side.name}-${i}`);
      await deliver(side, edit("item"), `w-${side.name}-item-${i}`);
      await deliver(side, edit("people"), `w-${side.name}-people-${i}`);
    }
  for (const side of sides)
    for (let i = 0; i < 20; i += 1) await deliver(side, opened(), `w-${side.name}-open-${i}`);

  for (let round = 0; round < ROUNDS; round += 1) {
    for (const kind of kinds) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const prepared = Array.from({ length: PER_ROUND }, () => event(kind));
        const threadsBefore = threadCpu(side.child.pid);
        const before = await cpuOf(side);
        const callsBefore = github.requests.length;
        for (const event of prepared) {
          serial += 1;
          results[kind][side.name].ms.push(await deliver(side, event, `d-${serial}`));
        }
        results[kind][side.name].cpu.push(((await cpuOf(side)) - before) / PER_ROUND);
        const round = results[kind][side.name];
        round.calls += github.requests.length - callsBefore;
        const threadsAfter = threadCpu(side.child.pid);
        if (threadsBefore && threadsAfter) {
          const split = threadSplit(side.child.pid, threadsBefore, threadsAfter);
          round.main += split.main;
          round.other += split.other;
        }
      }
    }
  }

  const median = (values: number[]) => percentile(values, 50);
  const line = (label: string, side: Figures) =>
    `  ${label.padEnd(6)} p50 ${percentile(side.ms, 50).toFixed(2).padStart(7)} ms  p99 ${percentile(side.ms, 99).toFixed(2).padStart(7)} ms  CPU ${median(side.cpu).toFixed(2).padStart(6)} ms/delivery  API calls ${(side.calls / side.ms.length).toFixed(1)}/delivery`;
  console.log(
    `bench:webhooks (Node ${process.versions.node}): ${ROUNDS} alternating rounds of ${PER_ROUND} deliveries per event and side (CPU: the median round; ratio: the median of the rounds' ratios, each round's two sides run back to back)`,
  );
  const titles = {
    edit: "an edit of the summary (derived rows already right):",
    item: "an edit of an action item's wording (derived rows already right, Action items read):",
    overview:
      "an edit of the Overview's people involved (derived rows already right, read in full):",
    opened: "a report opened through the form:",
  };
  for (const kind of kinds) {
    const { app: mine, bare } = results[kind];
    console.log(titles[kind]);
    console.log(line("app", mine));
    console.log(line("bare", bare));
    const ratio = median(mine.cpu.map((cpu, round) => cpu / (bare.cpu[round] ?? Number.NaN)));
    console.log(
      `  ratio  CPU ${ratio.toFixed(2)}×, p50 ${(percentile(mine.ms, 50) / percentile(bare.ms, 50)).toFixed(2)}×${kind === "edit" ? ` (target ≤ 2×: ${ratio <= 2 ? "met" : "NOT met"})` : ""}`,
    );
    // Where the CPU goes: the handling itself, or the JIT compiling and the GC on other threads.
    if (mine.main + mine.other > 0) {
      const per = (side: Figures, ms: number) => (ms / side.ms.length).toFixed(2);
      console.log(
        `  threads (mean of all rounds): app main ${per(mine, mine.main)} + background ${per(mine, mine.other)} ms/delivery, bare main ${per(bare, bare.main)} + background ${per(bare, bare.other)} (background: V8's optimizing compiler and GC helpers)`,
      );
    }
  }
  for (const side of sides) side.child.send("stop");
  await Promise.all(
    sides.map((side) => new Promise((resolve) => side.child.once("exit", resolve))),
  );
  await github.close();
}

await main();

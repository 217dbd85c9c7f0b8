/**
 * `npm run faults`: issue 11's fault matrix. Each scenario is first played fault-free against the
 * app as `npm start` configures it (Probot's retry and throttling plugins with Probot's handlers),
 * which gives its write calls and the state GitHub should end in; then each write call is failed
 * in turn, in each way GitHub's API fails (before GitHub applied it: 500, 502, 429 rate limit, 403
 * secondary limit, lost connection; after: 500, 502, lost connection), and the end state is
 * compared after GitHub's redelivery of any delivery answered with an error. Prints a table and
 * ends with the one-line count; exits 1 on any duplicate or half-written state (README, "Writes,
 * redeliveries and faults").
 */
import { availableParallelism } from "node:os";
import { FAULT_SCENARIOS, type FaultScenario } from "./fault-scenarios.js";
import type { Snapshot } from "./github-snapshot.js";
import { type CaseResult, type Failure, type Outcome, runFaultCase } from "./run-fault-case.js";

const FAILURES: readonly Failure[] = [
  { kind: "500", when: "before" },
  { kind: "502", when: "before" },
  { kind: "rate-limit", when: "before" },
  { kind: "secondary-rate-limit", when: "before" },
  { kind: "reset", when: "before" },
  { kind: "500", when: "after" },
  { kind: "502", when: "after" },
  { kind: "reset", when: "after" },
];

interface Case {
  scenario: FaultScenario;
  write: number;
  call: string;
  failure: Failure;
}

const OUTCOMES: readonly Outcome[] = ["correct", "duplicate", "half-written", "answered as failed"];

async function main(): Promise<void> {
  const started = performance.now();
  const only = process.env.FAULTS_SCENARIO;
  const scenarios = FAULT_SCENARIOS.filter((scenario) => !only || scenario.name.includes(only));
  const baselines = new Map<FaultScenario, { writes: string[]; expected: Snapshot }>();
  await pool(scenarios, async (scenario) => {
    const run = await runFaultCase(scenario, null, null);
    if (run.answers.some((status) => status < 200 || status > 299))
      throw new Error(
        `${scenario.name}: the fault-free run was answered ${run.answers.join(", ")}`,
      );
    baselines.set(scenario, { writes: run.writes, expected: run.final });
  });
  const cases: Case[] = scenarios.flatMap((scenario) =>
    (baselines.get(scenario)?.writes ?? []).flatMap((call, index) =>
      FAILURES.map((failure) => ({ scenario, write: index + 1, call, failure })),
    ),
  );
  const results = new Map<Case, CaseResult>();
  await pool(cases, async (each) => {
    const expected = baselines.get(each.scenario)?.expected ?? null;
    results.set(
      each,
      await runFaultCase(each.scenario, { write: each.write, failure: each.failure }, expected),
    );
  });
  printTable(scenarios, baselines, cases, results);
  const count = (outcome: Outcome) =>
    cases.filter((each) => results.get(each)?.outcome === outcome).length;
  console.log(`(${Math.round((performance.now() - started) / 1000)} s)`);
  console.log(
    `faults: ${cases.length} tried, ${count("correct")} correct, ${count("duplicate")} duplicates, ${count("half-written")} half-written, ${count("answered as failed")} answered as failed`,
  );
  if (count("duplicate") + count("half-written") > 0) process.exitCode = 1;
}

function printTable(
  scenarios: readonly FaultScenario[],
  baselines: Map<FaultScenario, { writes: string[] }>,
  cases: readonly Case[],
  results: Map<Case, CaseResult>,
): void {
  const rows = scenarios.map((scenario) => {
    const mine = cases.filter((each) => each.scenario === scenario);
    const counts = OUTCOMES.map(
      (outcome) => mine.filter((each) => results.get(each)?.outcome === outcome).length,
    );
    return [
      scenario.name,
      String(baselines.get(scenario)?.writes.length ?? 0),
      String(mine.length),
      ...counts.map(String),
    ];
  });
  const header = ["scenario", "writes", "tried", ...OUTCOMES];
  console.log(`| ${header.join(" | ")} |`);
  console.log(`| ${header.map((_, index) => (index === 0 ? "---" : "---:")).join(" | ")} |`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  console.log("");
  for (const scenario of scenarios) {
    console.log(`${scenario.name}: ${(baselines.get(scenario)?.writes ?? []).join(", ")}`);
  }
  const notable = cases.filter((each) => results.get(each)?.outcome !== "correct");
  if (notable.length > 0) console.log("\nNot correct at once:");
  for (const each of notable) {
    const result = results.get(each);
    console.log(
      `- ${each.scenario.name}, write ${each.write} (${each.call}) ${each.failure.kind} ${each.failure.when}: ${result?.outcome} (${result?.note}; answered ${result?.answers.join(", ")})`,
    );
  }
  console.log("");
}

/** Runs `work` over `items`, FAULTS_CONCURRENCY at a time (default 8 per core): most of a case is waiting. */
async function pool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  const size = Number(process.env.FAULTS_CONCURRENCY) || 8 * availableParallelism();
  let next = 0;
  const workers = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});

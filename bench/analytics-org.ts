/**
 * The organisation-wide report: 10,000 generated reports over 20 repositories, read from the local
 * GitHub by the built CLI (`disruptions report --repo … --repo …`, a process of its own), beside
 * the baseline of the same 10,000 reports in one repository (the single-repository path), with
 * the ratio. Targets (issue 15): under 5 s and 300 MB; GraphQL calls ⌈N/100⌉ + 1 per 50
 * repositories. Run: `npm run bench:analytics-org` (it builds first), or `npx tsx
 * bench/analytics-org.ts [count] [repositories]` after `npm run build`.
 */
import { spawn } from "node:child_process";
import { startLocalGitHub } from "../dev/local-github/index.js";
import { analyticsWindowStart } from "../src/analytics/compute-monthly-metrics.js";
import { generate, MONTH, NOW, ZONE } from "./analytics-data.js";

const COUNT = Number(process.argv[2] ?? 10_000);
const REPOSITORIES = Number(process.argv[3] ?? 20);
const names = Array.from({ length: REPOSITORIES }, (_, index) => `acme/service-${index + 1}`);

const github = await startLocalGitHub({ personalTokens: { "ghp-bench": "bench" } });
const { store } = github;
for (const name of [...names, "acme/everything"]) {
  const [owner = "", repo = ""] = name.split("/");
  store.addRepo({ owner, name: repo });
}
const config = `timeZone: ${ZONE}\n`;
store.setFile(names[0] ?? "", ".github/disruption-reports.yml", config);
store.setFile("acme/everything", ".github/disruption-reports.yml", config);
const issues = generate(COUNT, (index) => names[index % REPOSITORIES] ?? "");
for (const [index, issue] of issues.entries()) {
  const seed = {
    title: issue.title,
    body: issue.body,
    labels: issue.labels,
    state: issue.state,
    stateReason: issue.stateReason as "completed" | "duplicate" | null,
    createdAt: issue.createdAt,
    updatedAt: issue.closedAt ?? issue.createdAt,
    closedAt: issue.closedAt,
  };
  store.addIssue(names[index % REPOSITORIES] ?? "", seed);
  store.addIssue("acme/everything", seed);
}
const open = issues.filter((issue) => issue.state === "open").length;
console.log(
  `${COUNT} reports (${open} open) over ${REPOSITORIES} repositories, and the same ${COUNT} in one repository as the baseline; local GitHub at ${github.url}`,
);

interface Run {
  code: number;
  ms: number;
  /** CPU time of the process (user and system), ms: what a loaded machine does not inflate. */
  cpu: number;
  maxRss: number;
  out: number;
  graphql: number;
  rest: number;
}

/** The built CLI in a process of its own (asynchronously: this process serves the local GitHub). */
async function cli(repos: readonly string[]): Promise<Run> {
  github.requests.length = 0;
  const args = ["report", "--period", MONTH, "--now", NOW.toISO() ?? "", "--format", "markdown"];
  for (const repo of repos) args.push("--repo", repo);
  const main = new URL("../dist/cli/main.js", import.meta.url).href;
  const child = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const { runCli } = await import(${JSON.stringify(main)});
       const started = performance.now();
       let out = 0;
       const code = await runCli(${JSON.stringify(args)}, {
         stdin: process.stdin, stdout: (text) => { out += text.length; }, stderr: (text) => process.stderr.write(text),
         env: { GITHUB_TOKEN: "ghp-bench", GITHUB_API_URL: ${JSON.stringify(github.url)} },
       });
       console.log(JSON.stringify({ code, out, ms: performance.now() - started, cpu: (process.cpuUsage().user + process.cpuUsage().system) / 1000, maxRss: process.resourceUsage().maxRSS * 1024 }));`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  await new Promise((resolve) => child.once("close", resolve));
  const run = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Omit<Run, "graphql" | "rest">;
  const graphql = github.requests.filter((request) => request.path === "/graphql").length;
  return { ...run, graphql, rest: github.requests.length - graphql };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const show = (name: string, run: Run): string =>
  `${name.padEnd(34)} exit ${run.code}, ${(run.ms / 1000).toFixed(2)} s (CPU ${(run.cpu / 1000).toFixed(2)} s), peak rss ${mb(run.maxRss)}, ${run.graphql} GraphQL + ${run.rest} REST calls, ${run.out} characters`;

const baseline = await cli(["acme/everything"]);
const orgWide = await cli(names);
await github.close();
// Issues read: the reports updated since the window's start, and the open ones (again).
const since = analyticsWindowStart(MONTH, ZONE).toMillis();
const inWindow = issues.filter(
  (issue) => Date.parse(issue.closedAt ?? issue.createdAt) >= since,
).length;
const expected = Math.ceil((inWindow + open) / 100) + Math.ceil(REPOSITORIES / 50);
console.log(show("baseline: one repository", baseline));
console.log(show(`org-wide: ${REPOSITORIES} repositories`, orgWide));
console.log(
  `ratio org-wide / baseline: time ${(orgWide.ms / baseline.ms).toFixed(2)}×, CPU ${(orgWide.cpu / baseline.cpu).toFixed(2)}×, peak rss ${(orgWide.maxRss / baseline.maxRss).toFixed(2)}×, GraphQL calls ${(orgWide.graphql / baseline.graphql).toFixed(2)}×`,
);
console.log(
  `targets: under 5 s (${orgWide.ms < 5000 ? "met" : `NOT met; CPU ${orgWide.cpu < 5000 ? "under" : "over"} 5 s`}), under 300 MB (${orgWide.maxRss < 300 * 1024 * 1024 ? "met" : "NOT met"}), GraphQL calls ⌈N/100⌉ + ⌈R/50⌉ = ${expected} (${orgWide.graphql === expected ? "met" : `NOT met: ${orgWide.graphql}`})`,
);

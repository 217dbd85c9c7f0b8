import { Readable } from "node:stream";
import { ProbotOctokit } from "probot";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LocalGitHub, startLocalGitHub } from "../../dev/local-github/index.js";
import { runCli } from "../../src/cli/main.js";
import { configSchema } from "../../src/config/config.js";
import { buildMonthlyReport } from "../../src/github/publish-monthly-report.js";
import { reportBody } from "../analytics/build-issue.js";

/**
 * An organisation-wide report read through the local GitHub: the reports of several
 * repositories with batched GraphQL, one query counting each repository's lists, then one per
 * 100 issues however they are spread (README, "API cost").
 */
const SIZES = { "acme/ops": 150, "acme/web": 95, "acme/api": 40, "acme/empty": 0 };
/** Open reports nobody touched since long before the window (follow-through still counts them). */
const OLD_OPEN = 5;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let github: LocalGitHub;
let token: string;

/** Reports updated in the window (all), open ones (every third, and the old ones). */
function expectedReads(): number {
  const window = Object.values(SIZES).reduce((sum, n) => sum + n, 0);
  const open = Object.values(SIZES).reduce((sum, n) => sum + Math.ceil(n / 3), 0) + OLD_OPEN;
  return window + open;
}

beforeAll(async () => {
  github = await startLocalGitHub({ personalTokens: { "ghp-alice": "alice" } });
  const { store } = github;
  for (const [name, count] of Object.entries(SIZES)) {
    const [owner = "", repo = ""] = name.split("/");
    store.addRepo({ owner, name: repo });
    for (let index = 0; index < count; index += 1) {
      const day = String(1 + (index % 28)).padStart(2, "0");
      store.addIssue(name, {
        title: `Disruption ${index + 1}`,
        labels: ["disruption"],
        body: reportBody({
          severity: index % 4 === 0 ? "SEV2" : "SEV3",
          started: `2026-10-${day} 10:00`,
          detected: `2026-10-${day} 10:20`,
          resolved: `2026-10-${day} 11:00`,
        }),
        ...(index % 3 === 0 ? {} : { state: "closed", stateReason: "completed" }),
        createdAt: "2026-10-01T00:00:00Z",
        updatedAt: "2026-10-20T00:00:00Z",
      });
    }
  }
  for (let index = 0; index < OLD_OPEN; index += 1)
    store.addIssue("acme/web", {
      title: "Forgotten",
      labels: ["disruption"],
      body: reportBody({ started: "2024-01-02 10:00", detected: "2024-01-02 10:05" }),
      createdAt: "2024-01-02T00:00:00Z",
      updatedAt: "2024-01-03T00:00:00Z",
    });
  store.addIssue("acme/ops", { title: "Not a report", labels: ["bug"] });
  const installation = store.addInstallation({ account: "acme" });
  token = github.installationToken(installation.id);
});

afterAll(async () => {
  await github.close();
});

beforeEach(() => {
  github.store.setFile("acme/ops", ".github/disruption-reports.yml", null);
  github.requests.length = 0;
});

const graphqlCalls = () => github.requests.filter((request) => request.path === "/graphql");

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(["report", "--period", "2026-10", "--format", "json", ...args], {
    stdin: Readable.from([]),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { GITHUB_TOKEN: "ghp-alice", GITHUB_API_URL: github.url },
  });
  return { code, stdout, stderr };
}

describe("an organisation-wide report", () => {
  it("--repo more than once: one report over the repositories, ⌈N/100⌉ + 1 GraphQL queries", async () => {
    const result = await cli([
      "--repo",
      "acme/ops",
      "--repo",
      "acme/web",
      "--repo",
      "acme/api",
      "--repo",
      "acme/empty",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const figures = JSON.parse(result.stdout);
    expect(figures.byRepository).toEqual({ "acme/ops": 150, "acme/web": 95, "acme/api": 40 });
    expect(figures.disruptions).toBe(285);
    expect(figures.followThrough.openReports).toBe(50 + 32 + 14 + OLD_OPEN);
    // 285 updated in the window + 101 open = 386 issues read: 4 pages, and 1 query of counts.
    expect(expectedReads()).toBe(386);
    expect(graphqlCalls()).toHaveLength(1 + Math.ceil(expectedReads() / 100));
    const pages = graphqlCalls().slice(1);
    for (const page of pages.slice(0, -1)) {
      const data = (page.response as { data: Record<string, { issues: { nodes: unknown[] } }> })
        .data;
      const read = Object.values(data).reduce((sum, alias) => sum + alias.issues.nodes.length, 0);
      expect(read).toBe(100);
    }
    // Besides GraphQL: the first repository's config (its file, then the owner's .github).
    expect(github.requests.length - graphqlCalls().length).toBeLessThanOrEqual(3);
  });

  it("report.repositories in the config of the repository that publishes", async () => {
    github.store.setFile(
      "acme/ops",
      ".github/disruption-reports.yml",
      "report:\n  repositories: [acme/web, ACME/OPS, acme/api, acme/gone]\n",
    );
    const result = await cli(["--repo", "acme/ops"]);
    expect(result.code).toBe(0);
    // A repository GitHub cannot show is left out; acme/ops counts once.
    expect(JSON.parse(result.stdout).byRepository).toEqual({
      "acme/ops": 150,
      "acme/web": 95,
      "acme/api": 40,
    });
    expect(graphqlCalls()).toHaveLength(1 + Math.ceil(expectedReads() / 100));
  });

  it("`all` with the app's installation: the repository list, one count query, ⌈N/100⌉ pages", async () => {
    const octokit = new ProbotOctokit({
      auth: { token },
      baseUrl: github.url,
      log: quiet,
      retry: { enabled: false },
      throttle: { enabled: false },
    });
    const config = configSchema.parse({ report: { repositories: "all" } });
    const { DateTime } = await import("luxon");
    const { result } = await buildMonthlyReport(octokit, {
      owner: "acme",
      repo: "ops",
      period: "2026-10",
      config,
      now: DateTime.fromISO("2026-11-02T09:00:00Z"),
    });
    expect(result.figures.byRepository).toEqual({
      "acme/ops": 150,
      "acme/web": 95,
      "acme/api": 40,
    });
    expect(github.requests.map((request) => request.path)).toEqual([
      "/installation/repositories",
      ...Array.from({ length: 1 + Math.ceil(expectedReads() / 100) }, () => "/graphql"),
    ]);
  });

  it("`all` from the CLI with a personal token says to name the repositories", async () => {
    github.store.setFile(
      "acme/ops",
      ".github/disruption-reports.yml",
      "report:\n  repositories: all\n",
    );
    const result = await cli(["--repo", "acme/ops"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/name each repository \(--repo OWNER\/NAME, more than once\)/);
  });
});

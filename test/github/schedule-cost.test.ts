import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { type LocalGitHub, startLocalGitHub } from "../../dev/local-github/index.js";
import { runMonthlySchedule } from "../../src/github/run-monthly-schedule.js";
import { appKey } from "../local-github/app-key.js";

type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;
const QuietOctokit = ProbotOctokit.defaults((options: OctokitOptions) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...options.throttle, enabled: false },
}));
const CONFIG_PATH = ".github/disruption-reports.yml";
const privateKey = appKey();
const filledReport = readFileSync(
  new URL("../fixtures/bodies/canonical-filled/issue.md", import.meta.url),
  "utf8",
);
let github: LocalGitHub;

afterEach(async () => {
  await github.close();
});

/**
 * An organisation whose `.github` config enables the monthly report for every repository (the
 * case that used to open an empty analytics issue in each), with `count` repositories of which
 * only `acme/repo-0` holds reports.
 */
async function organisation(count: number): Promise<Probot> {
  github = await startLocalGitHub({ appKey: privateKey });
  const { store } = github;
  store.addRepo({ owner: "acme", name: ".github", ownerType: "Organization" });
  store.setFile("acme/.github", CONFIG_PATH, "report:\n  enabled: true\n");
  for (let i = 0; i < count - 1; i += 1)
    store.addRepo({ owner: "acme", name: `repo-${i}`, ownerType: "Organization" });
  store.addLabel("acme/repo-0", { name: "disruption", color: "b60205" });
  store.addIssue("acme/repo-0", {
    title: "Checkout down",
    body: filledReport,
    labels: ["disruption"],
    createdAt: "2026-10-01T08:00:00Z",
    closedAt: "2026-10-01T12:00:00Z",
    updatedAt: "2026-10-01T12:00:00Z",
    state: "closed",
  });
  store.addInstallation({ account: "acme" });
  return new Probot({
    appId: store.app.id,
    privateKey,
    baseUrl: github.url,
    Octokit: QuietOctokit,
    log: pino({ level: "silent" }),
  });
}

const calls = () => github.requests.map((request) => request.operation ?? request.path);
const count = (operation: string) => calls().filter((call) => call === operation).length;

describe("the hourly schedule's cost (README, What it costs)", () => {
  it.each([
    // repositories (the .github one included), calls per tick with nothing due
    [10, 5],
    [100, 6],
    [1_000, 33],
  ])(
    "%i repositories: %i calls a tick when nothing is due",
    async (repositories, expected) => {
      const app = await organisation(repositories);
      // 1 November 08:00 UTC: the report is due at 09:00 (the default hour).
      const run = await runMonthlySchedule(app, DateTime.fromISO("2026-11-01T08:00:00Z"));
      expect(run).toEqual({ repositories, published: [] });
      expect(github.requests).toHaveLength(expected);
      expect(count("GET /installation/repositories")).toBe(Math.ceil(repositories / 100));
      expect(count("GET /repos/{owner}/{repo}/contents/{path}")).toBe(1);
      expect(count("graphql RepositoryProbe")).toBe(Math.ceil(repositories / 50));
      expect(github.requests.every((request) => request.status < 300)).toBe(true);
    },
    60_000,
  );

  it("on the due day publishes only where reports are, and reads nothing else of the others", async () => {
    const app = await organisation(100);
    const run = await runMonthlySchedule(app, DateTime.fromISO("2026-11-01T10:00:00Z"));
    expect(run).toEqual({ repositories: 100, published: ["acme/repo-0#2"] });
    expect(calls()).toEqual([
      "GET /app/installations",
      "POST /app/installations/{installation_id}/access_tokens",
      "GET /installation/repositories",
      "GET /repos/{owner}/{repo}/contents/{path}",
      "graphql RepositoryProbe",
      "graphql RepositoryProbe",
      "GET /repos/{owner}/{repo}/issues",
      "graphql ReportIssues",
      "graphql ReportIssues",
      "POST /repos/{owner}/{repo}/labels",
      "POST /repos/{owner}/{repo}/issues",
      // Publishing looks its new issue up again by marker (a second schedule would find it).
      "GET /repos/{owner}/{repo}/issues",
    ]);
    const analytics = github.store
      .repos()
      .flatMap((repo) =>
        github.store.issues(repo).filter((i) => i.labels.includes("disruption-analytics")),
      );
    expect(analytics.map((issue) => issue.title)).toEqual(["Disruption report: October 2026"]);
  }, 60_000);

  it("looks again, with its own label, at a repository whose config names another report label", async () => {
    const app = await organisation(3);
    const { store } = github;
    store.setFile(
      "acme/repo-1",
      CONFIG_PATH,
      "report:\n  enabled: true\nlabels:\n  report: incident\n",
    );
    store.addLabel("acme/repo-1", { name: "incident", color: "b60205" });
    store.addIssue("acme/repo-1", {
      title: "API down",
      body: filledReport,
      labels: ["incident"],
      createdAt: "2026-10-02T08:00:00Z",
      updatedAt: "2026-10-02T12:00:00Z",
    });
    const run = await runMonthlySchedule(app, DateTime.fromISO("2026-11-01T10:00:00Z"));
    expect(run.published.sort()).toEqual(["acme/repo-0#2", "acme/repo-1#2"]);
    expect(count("graphql RepositoryProbe")).toBe(2);
  }, 60_000);
});

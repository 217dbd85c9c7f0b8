import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LocalGitHub, startLocalGitHub } from "../../dev/local-github/index.js";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import { ensureLabels } from "../../src/github/ensure-labels.js";
import { LabelCache } from "../../src/github/label-cache.js";
import { loadConfig } from "../../src/github/load-config.js";
import { runMonthlySchedule } from "../../src/github/run-monthly-schedule.js";
import { upsertMarkedComment } from "../../src/github/upsert-marked-comment.js";
import { appKey } from "./app-key.js";

type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;
/** Probot's Octokit without retries and throttling (its write group waits a second per write). */
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
let installationId: number;

beforeEach(async () => {
  github = await startLocalGitHub({ appKey: privateKey });
  github.store.addRepo({ owner: "acme", name: "ops", ownerType: "Organization" });
  installationId = github.store.addInstallation({ account: "acme" }).id;
});

afterEach(async () => {
  await github.close();
});

function probot(): Probot {
  return new Probot({
    appId: github.store.app.id,
    privateKey,
    baseUrl: github.url,
    Octokit: QuietOctokit,
    log: pino({ level: "silent" }),
  });
}

describe("the app's GitHub calls against the local GitHub", () => {
  it("reads the config raw, falling back to the owner's .github repository, then to the defaults", async () => {
    const octokit = await probot().auth(installationId);
    github.store.addRepo({ owner: "acme", name: ".github" });
    github.store.setFile("acme/.github", CONFIG_PATH, "timeZone: Europe/Berlin\n");
    expect(await loadConfig(octokit, "acme", "ops")).toMatchObject({
      ok: true,
      source: `acme/.github:${CONFIG_PATH}`,
      config: { timeZone: "Europe/Berlin" },
    });
    github.store.setFile("acme/ops", CONFIG_PATH, "timeZone: [");
    expect(await loadConfig(octokit, "acme", "ops")).toMatchObject({
      ok: false,
      problem: { source: `acme/ops:${CONFIG_PATH}` },
    });
    github.store.setFile("acme/ops", CONFIG_PATH, null);
    github.store.setFile("acme/.github", CONFIG_PATH, null);
    expect(await loadConfig(octokit, "acme", "ops")).toMatchObject({ ok: true, source: null });
    expect(
      github.requests
        .filter((request) => request.operation?.includes("/contents/"))
        .map((request) => `${request.path} ${request.status}`),
    ).toEqual([
      "/repos/acme/ops/contents/.github%2Fdisruption-reports.yml 404",
      "/repos/acme/.github/contents/.github%2Fdisruption-reports.yml 200",
      "/repos/acme/ops/contents/.github%2Fdisruption-reports.yml 200",
      "/repos/acme/ops/contents/.github%2Fdisruption-reports.yml 404",
      "/repos/acme/.github/contents/.github%2Fdisruption-reports.yml 404",
    ]);
  });

  it("creates the missing labels with their style, and keeps one marked comment up to date", async () => {
    const octokit = await probot().auth(installationId);
    github.store.addLabel("acme/ops", { name: "Disruption" });
    const ref = { owner: "acme", repo: "ops", installation: installationId };
    await ensureLabels(
      octokit,
      ref,
      ["disruption", "severity: SEV1"],
      DEFAULT_CONFIG,
      new LabelCache(),
    );
    expect(github.store.labels("acme/ops").map((label) => `${label.name} ${label.color}`)).toEqual([
      "Disruption ededed",
      "severity: SEV1 b60205",
    ]);
    const { number } = github.store.addIssue("acme/ops", { title: "t" });
    const issue = { owner: "acme", repo: "ops", issue_number: number };
    const upsert = (body: string) => upsertMarkedComment(octokit, issue, "<!-- marker -->", body);
    expect(await upsert("<!-- marker -->\none")).toBe("created");
    expect(await upsert("<!-- marker -->\ntwo")).toBe("updated");
    expect(await upsert("<!-- marker -->\ntwo")).toBe("unchanged");
    expect(github.store.comments("acme/ops", number).map((comment) => comment.body)).toEqual([
      "<!-- marker -->\ntwo",
    ]);
  });

  it("runs the monthly schedule as the app: publishes October once, through installations, GraphQL and REST", async () => {
    const { store } = github;
    store.setFile("acme/ops", CONFIG_PATH, "report:\n  enabled: true\n");
    for (let day = 1; day <= 3; day += 1)
      store.addIssue("acme/ops", {
        title: `Checkout down ${day}`,
        body: filledReport,
        labels: ["disruption"],
        createdAt: `2026-10-0${day}T08:00:00Z`,
        closedAt: `2026-10-0${day}T12:00:00Z`,
        updatedAt: `2026-10-0${day}T12:00:00Z`,
        state: "closed",
      });
    const app = probot();
    const now = DateTime.fromISO("2026-11-02T10:00:00Z");
    const first = await runMonthlySchedule(app, now);
    expect(first).toEqual({ repositories: 1, published: ["acme/ops#4"] });
    const published = store.issue("acme/ops", 4);
    expect(published.title).toContain("2026");
    expect(published.labels).toEqual(["disruption-analytics"]);
    expect(store.label("acme/ops", "disruption-analytics")?.color).toBe("5319e7");
    expect(github.requests.map((request) => `${request.operation} ${request.status}`)).toEqual([
      "GET /app/installations 200",
      "POST /app/installations/{installation_id}/access_tokens 201",
      "GET /installation/repositories 200",
      // The owner's .github config (there is none), then one look at every repository.
      "GET /repos/{owner}/{repo}/contents/{path} 404",
      "graphql RepositoryProbe 200",
      "GET /repos/{owner}/{repo}/issues 200",
      "graphql ReportIssues 200",
      "graphql ReportIssues 200",
      "POST /repos/{owner}/{repo}/labels 201",
      "POST /repos/{owner}/{repo}/issues 201",
      "GET /repos/{owner}/{repo}/issues 200",
    ]);
    expect(await runMonthlySchedule(app, now)).toEqual({ repositories: 1, published: [] });
    expect(store.issues("acme/ops")).toHaveLength(4);
  });
});

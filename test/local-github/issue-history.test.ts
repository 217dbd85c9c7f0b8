import { parse } from "graphql";
import { ProbotOctokit } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { githubSchema } from "../../dev/local-github/graphql/github-schema.js";
import { validateQuery } from "../../dev/local-github/graphql/validate-query.js";
import { type LocalGitHub, startLocalGitHub } from "../../dev/local-github/index.js";
import { ISSUE_HISTORY_QUERY, readIssueHistory } from "../../src/github/read-issue-history.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let github: LocalGitHub;
let octokit: InstanceType<typeof ProbotOctokit>;
let report: number;

beforeAll(async () => {
  let clock = "2026-11-20T15:00:00Z";
  // Each write at a minute of its own, set before it.
  github = await startLocalGitHub({ now: () => new Date(clock) });
  const { store } = github;
  store.addRepo({ owner: "acme", name: "ops" });
  const installation = store.addInstallation({ account: "acme" });
  octokit = new ProbotOctokit({
    log: quiet,
    baseUrl: github.url,
    auth: { token: github.installationToken(installation.id) },
    retry: { enabled: false },
    throttle: { enabled: false },
  });
  // Made through the API, so GitHub's events are recorded as on github.com.
  const issue = store.createIssue("sam", "acme/ops", {
    title: "Checkout down",
    labels: ["disruption", "severity: sev3"],
  });
  report = issue.number;
  clock = "2026-11-20T15:01:00Z";
  store.updateIssue("maya", "acme/ops", report, { labels: ["disruption", "severity: sev1"] });
  clock = "2026-11-20T15:02:00Z";
  store.updateIssue("maya", "acme/ops", report, { state: "closed", state_reason: "not_planned" });
  clock = "2026-11-20T15:03:00Z";
  store.updateIssue("sam", "acme/ops", report, { state: "open" });
  store.updateIssue("sam", "acme/ops", report, { title: "Checkout down (edited)" });
  store.addPullRequest("acme/ops", {
    title: "Roll back the cache change",
    body: `Fixes #${report}.`,
    user: "maya",
    merged: true,
    createdAt: "2026-11-20T15:30:00Z",
    mergedAt: "2026-11-20T15:45:00Z",
  });
  store.addPullRequest("acme/ops", {
    title: "A try that was closed",
    body: `closes acme/ops#${report}`,
    user: "maya",
    state: "closed",
  });
  store.addPullRequest("acme/ops", { title: "Mentions only", body: `See #${report}` });
  store.addPullRequest("acme/ops", {
    title: "Open fix",
    body: `Resolves: #${report}`,
    user: "lee",
  });
});

afterAll(async () => {
  await github.close();
});

describe("IssueHistory (timelineItems, closedByPullRequestsReferences)", () => {
  it("validates by the GraphQL specification against GitHub's schema", async () => {
    const errors = validateQuery(await githubSchema(), parse(ISSUE_HISTORY_QUERY));
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it("reads the events the writes made and the pull requests that close the issue by a keyword", async () => {
    const history = await readIssueHistory(octokit, {
      owner: "acme",
      repo: "ops",
      issue_number: report,
    });
    expect(history.createdAt).toBe("2026-11-20T15:00:00Z");
    expect(history.author).toBe("sam");
    expect(history.events.map(({ id: _id, ...event }) => event)).toEqual([
      { kind: "labeled", at: "2026-11-20T15:00:00Z", actor: "sam", label: "disruption" },
      { kind: "labeled", at: "2026-11-20T15:00:00Z", actor: "sam", label: "severity: sev3" },
      { kind: "unlabeled", at: "2026-11-20T15:01:00Z", actor: "maya", label: "severity: sev3" },
      { kind: "labeled", at: "2026-11-20T15:01:00Z", actor: "maya", label: "severity: sev1" },
      { kind: "closed", at: "2026-11-20T15:02:00Z", actor: "maya", reason: "NOT_PLANNED" },
      { kind: "reopened", at: "2026-11-20T15:03:00Z", actor: "sam" },
    ]);
    // Node ids are stable and distinct: a sync's marker names the event by its id.
    const ids = history.events.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    const again = await readIssueHistory(octokit, {
      owner: "acme",
      repo: "ops",
      issue_number: report,
    });
    expect(again.events.map((event) => event.id)).toEqual(ids);
    // The merged one and the open one; the closed one too (includeClosedPrs); not a mere mention.
    expect(history.pullRequests.map((pr) => [pr.title, pr.author, pr.mergedAt])).toEqual([
      ["Roll back the cache change", "maya", "2026-11-20T15:45:00Z"],
      ["A try that was closed", "maya", null],
      ["Open fix", "lee", null],
    ]);
  });

  it("refuses item types it does not record rather than answer an empty list", async () => {
    const query = `query($n: Int!) { repository(owner: "acme", name: "ops") { issue(number: $n) { timelineItems(first: 10, itemTypes: [ASSIGNED_EVENT]) { totalCount } } } }`;
    await expect(octokit.graphql(query, { n: report })).rejects.toThrow(
      "The local GitHub models timelineItems only with itemTypes among LABELED_EVENT",
    );
  });
});

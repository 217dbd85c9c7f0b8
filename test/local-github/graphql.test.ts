import { Octokit } from "@octokit/rest";
import { parse } from "graphql";
import { ProbotOctokit } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { githubSchema } from "../../dev/local-github/graphql/github-schema.js";
import { validateQuery } from "../../dev/local-github/graphql/validate-query.js";
import { type LocalGitHub, startLocalGitHub } from "../../dev/local-github/index.js";
import { fetchReportIssues, REPORT_ISSUES_QUERY } from "../../src/github/fetch-report-issues.js";
import {
  buildReferenceQuery,
  readReferenceStates,
} from "../../src/github/read-reference-states.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const { query: referencedIssuesQuery } = buildReferenceQuery([
  { key: "acme/ops#1", owner: "acme", repo: "ops", number: 1 },
  { key: "acme/ops#2", owner: "acme", repo: "ops", number: 2 },
  { key: "acme/web#3", owner: "acme", repo: "web", number: 3 },
]);
let github: LocalGitHub;
let token: string;

beforeAll(async () => {
  github = await startLocalGitHub({ personalTokens: { "ghp-alice": "alice" } });
  const { store } = github;
  store.addRepo({ owner: "acme", name: "ops" });
  store.addRepo({ owner: "acme", name: "web" });
  store.addRepo({ owner: "other", name: "hidden" });
  store.addRepo({ owner: "acme", name: "dup" });
  store.addIssue("acme/dup", {
    title: "Same outage again",
    labels: ["disruption"],
    state: "closed",
    stateReason: "duplicate",
  });
  const installation = store.addInstallation({ account: "acme" });
  token = github.installationToken(installation.id);
  const start = Date.parse("2026-01-01T00:00:00Z");
  for (let index = 0; index < 230; index += 1) {
    const at = new Date(start + index * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    store.addIssue("acme/ops", {
      title: `Report ${index + 1}`,
      labels: [index % 2 === 0 ? "disruption" : "Disruption", "sev:SEV3"],
      createdAt: at,
      updatedAt: at,
    });
  }
  store.addIssue("acme/ops", { title: "Not a report", labels: ["bug"] });
  store.addPullRequest("acme/ops", { title: "A fix", labels: ["disruption"] });
  store.addIssue("acme/web", { title: "Done", state: "closed", stateReason: "not_planned" });
  store.addPullRequest("acme/web", { title: "Merged fix", merged: true });
  store.addPullRequest("acme/web", { title: "Open fix" });
  const gone = store.addIssue("acme/web", { title: "Deleted" });
  store.deleteIssue("acme/web", gone.number);
});

afterAll(async () => {
  await github.close();
});

function graphqlBodies(): { query: string; variables: Record<string, unknown> }[] {
  return github.requests
    .filter((request) => request.path === "/graphql")
    .map((request) => request.body as { query: string; variables: Record<string, unknown> });
}

describe("the app's queries against GitHub's public schema", () => {
  it("validates ReportIssues by the GraphQL specification", async () => {
    const errors = validateQuery(await githubSchema(), parse(REPORT_ISSUES_QUERY));
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it("validates ReferencedIssues (aliases, several repositories) by the GraphQL specification", async () => {
    const errors = validateQuery(await githubSchema(), parse(referencedIssuesQuery));
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it("refuses, by default, a query that selects one response key with two types", async () => {
    const conflicting =
      "query($o: String!, $n: String!) { repository(owner: $o, name: $n) { issueOrPullRequest(number: 1) { ... on Issue { state } ... on PullRequest { state } } } }";
    const response = await fetch(`${github.url}/graphql`, {
      method: "POST",
      headers: { authorization: `token ${token}` },
      body: JSON.stringify({ query: conflicting, variables: { o: "acme", n: "ops" } }),
    });
    const body = (await response.json()) as { data?: unknown; errors: { message: string }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.message).toContain('Fields "state" conflict');
  });

  it("answers a query that does not validate with GraphQL's validation errors and no data", async () => {
    const response = await fetch(`${github.url}/graphql`, {
      method: "POST",
      headers: { authorization: `token ${token}` },
      body: JSON.stringify({
        query: 'query { repository(owner: "acme", name: "ops") { issue(number: 1) { titel } } }',
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: unknown; errors: { message: string }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.message).toMatch(/^Cannot query field "titel" on type "Issue"\./);
  });
});

describe("ReportIssues", () => {
  it("pages with cursors, 100 a query, filtered by label (any case) and since, oldest first, then the open reports the window left out", async () => {
    const octokit = new Octokit({ log: quiet, baseUrl: github.url, auth: token });
    github.requests.length = 0;
    const pages: number[] = [];
    const issues = await fetchReportIssues(octokit, {
      owner: "acme",
      repo: "ops",
      label: "disruption",
      since: "2026-01-01T10:00:00Z",
      onPage: (count) => pages.push(count),
    });
    // 220 reports updated since 10:00, then the 10 open ones updated before it.
    expect(issues).toHaveLength(230);
    expect(issues.slice(220).map((issue) => issue.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(issues[0]).toMatchObject({
      number: 11,
      title: "Report 11",
      url: "https://github.com/acme/ops/issues/11",
      state: "OPEN",
      stateReason: null,
      createdAt: "2026-01-01T10:00:00Z",
      closedAt: null,
      labels: { nodes: [{ name: "disruption" }, { name: "sev:SEV3" }] },
    });
    expect(pages).toEqual([100, 200, 220, 230, 230, 230]);
    const bodies = graphqlBodies();
    expect(
      bodies.map((body) => [body.variables.cursor ?? null, body.variables.states ?? null]),
    ).toEqual([
      [null, null],
      [expect.any(String), null],
      [expect.any(String), null],
      [null, ["OPEN"]],
      [expect.any(String), ["OPEN"]],
      [expect.any(String), ["OPEN"]],
    ]);
    expect(github.requests.map((request) => `${request.operation} ${request.status}`)).toEqual(
      Array.from({ length: 6 }, () => "graphql ReportIssues 200"),
    );
  });

  it("reads a report closed as duplicate as DUPLICATE (GitHub says NOT_PLANNED unless asked with enableDuplicate)", async () => {
    const octokit = new Octokit({ log: quiet, baseUrl: github.url, auth: token });
    const issues = await fetchReportIssues(octokit, {
      owner: "acme",
      repo: "dup",
      label: "disruption",
      since: "2000-01-01T00:00:00Z",
    });
    expect(issues.map((issue) => [issue.number, issue.stateReason])).toEqual([[1, "DUPLICATE"]]);
    const plain = await octokit.graphql<{ repository: { issue: { stateReason: string } } }>(
      'query { repository(owner: "acme", name: "dup") { issue(number: 1) { stateReason } } }',
    );
    expect(plain.repository.issue.stateReason).toBe("NOT_PLANNED");
  });

  it("refuses a page without first, or over 100, as GitHub does", async () => {
    const octokit = new Octokit({ log: quiet, baseUrl: github.url, auth: token });
    await expect(
      octokit.graphql(
        'query { repository(owner: "acme", name: "ops") { issues(first: 101) { totalCount } } }',
      ),
    ).rejects.toMatchObject({
      errors: [{ type: "EXCESSIVE_PAGINATION" }],
    });
    await expect(
      octokit.graphql('query { repository(owner: "acme", name: "ops") { issues { totalCount } } }'),
    ).rejects.toMatchObject({
      errors: [{ type: "MISSING_PAGINATION_BOUNDARIES" }],
    });
  });
});

describe("ReferencedIssues", () => {
  it("reads issues and pull requests of several repositories, unknown ones null with NOT_FOUND beside the data", async () => {
    const octokit = new ProbotOctokit({
      auth: { token },
      baseUrl: github.url,
      log: quiet,
      retry: { enabled: false },
      throttle: { enabled: false },
    });
    github.requests.length = 0;
    const states = await readReferenceStates(octokit, [
      "acme/ops#1",
      "acme/web#1",
      "acme/web#2",
      "acme/web#3",
      "acme/web#4",
      "acme/web#99",
      "acme/nope#1",
      "other/hidden#1",
      "acme/dup#1",
    ]);
    expect(Object.fromEntries(states)).toEqual({
      "acme/ops#1": {
        kind: "found",
        state: "OPEN",
        stateReason: null,
        title: "Report 1",
        url: "https://github.com/acme/ops/issues/1",
      },
      "acme/web#1": {
        kind: "found",
        state: "CLOSED",
        stateReason: "not_planned",
        title: "Done",
        url: "https://github.com/acme/web/issues/1",
      },
      "acme/web#2": {
        kind: "found",
        state: "CLOSED",
        stateReason: "completed",
        title: "Merged fix",
        url: "https://github.com/acme/web/pull/2",
      },
      "acme/web#3": {
        kind: "found",
        state: "OPEN",
        stateReason: null,
        title: "Open fix",
        url: "https://github.com/acme/web/pull/3",
      },
      "acme/web#4": { kind: "unreadable" },
      "acme/web#99": { kind: "unreadable" },
      "acme/nope#1": { kind: "unreadable" },
      "other/hidden#1": { kind: "unreadable" },
      // Asked with enableDuplicate: true; without it GitHub answers NOT_PLANNED for a duplicate.
      "acme/dup#1": {
        kind: "found",
        state: "CLOSED",
        stateReason: "duplicate",
        title: "Same outage again",
        url: "https://github.com/acme/dup/issues/1",
      },
    });
    expect(github.requests).toHaveLength(1);
    const response = github.requests[0]?.response as {
      data: Record<string, unknown>;
      errors: { type: string; path: string[]; message: string }[];
    };
    expect(response.data.r1).toMatchObject({ i3: null, i4: null });
    expect(response.data.r2).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({
        type: "NOT_FOUND",
        path: ["r1", "i3"],
        message: "Could not resolve to an issue or pull request with the number of 4.",
      }),
      expect.objectContaining({ type: "NOT_FOUND", path: ["r1", "i4"] }),
      expect.objectContaining({
        type: "NOT_FOUND",
        path: ["r2"],
        message: "Could not resolve to a Repository with the name 'acme/nope'.",
      }),
      expect.objectContaining({ type: "NOT_FOUND", path: ["r3"] }),
    ]);
  });

  it("answers 401 without a token", async () => {
    const response = await fetch(`${github.url}/graphql`, {
      method: "POST",
      body: JSON.stringify({ query: "query { viewer { login } }" }),
    });
    expect(response.status).toBe(401);
  });
});

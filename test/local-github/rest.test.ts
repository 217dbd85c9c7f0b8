import { Octokit } from "@octokit/rest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LocalGitHub, startLocalGitHub } from "../../dev/local-github/index.js";

const repo = { owner: "acme", repo: "ops" };
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let github: LocalGitHub;
let bot: Octokit;
let alice: Octokit;

beforeEach(async () => {
  github = await startLocalGitHub({ personalTokens: { "ghp-alice": "alice" } });
  const { store } = github;
  store.addRepo({ owner: "acme", name: "ops" });
  store.addRepo({ owner: "acme", name: "secret", private: true });
  store.addRepo({ owner: "other", name: "elsewhere" });
  const installation = store.addInstallation({ account: "acme" });
  bot = new Octokit({
    log: quiet,
    baseUrl: github.url,
    auth: github.installationToken(installation.id),
  });
  alice = new Octokit({ log: quiet, baseUrl: github.url, auth: "ghp-alice" });
});

afterEach(async () => {
  await github.close();
});

/** The status an Octokit call ended with (Octokit throws for 4xx and 5xx). */
async function statusOf(call: Promise<{ status: number }>): Promise<number> {
  return call.then(
    (response) => response.status,
    (error: { status?: number }) => error.status ?? 0,
  );
}

describe("404 and 410", () => {
  it("answers 404 for an unknown repository or issue, and for a repository outside the installation", async () => {
    expect(await statusOf(bot.rest.issues.get({ ...repo, issue_number: 9 }))).toBe(404);
    expect(
      await statusOf(bot.rest.issues.get({ owner: "acme", repo: "nope", issue_number: 1 })),
    ).toBe(404);
    expect(await statusOf(bot.rest.issues.listForRepo({ owner: "other", repo: "elsewhere" }))).toBe(
      404,
    );
    // A person's token sees every repository.
    expect(
      await statusOf(alice.rest.issues.listForRepo({ owner: "other", repo: "elsewhere" })),
    ).toBe(200);
    expect(github.requests[0]?.response).toMatchObject({ message: "Not Found", status: "404" });
  });

  it("answers 410 Gone for a deleted issue, its comments included", async () => {
    const issue = github.store.addIssue("acme/ops", { title: "Oops" });
    github.store.deleteIssue("acme/ops", issue.number);
    const ref = { ...repo, issue_number: issue.number };
    expect(await statusOf(bot.rest.issues.get(ref))).toBe(410);
    expect(await statusOf(bot.rest.issues.update({ ...ref, body: "x" }))).toBe(410);
    expect(await statusOf(bot.rest.issues.listComments(ref))).toBe(410);
    expect(await statusOf(bot.rest.issues.createComment({ ...ref, body: "x" }))).toBe(410);
    expect(github.requests[0]?.response).toMatchObject({ message: "This issue was deleted" });
  });
});

describe("422 as GitHub answers it", () => {
  it("refuses a body over 65,536 characters and takes one of exactly 65,536", async () => {
    const { number } = github.store.addIssue("acme/ops", { title: "Long" });
    const ref = { ...repo, issue_number: number };
    expect(await statusOf(bot.rest.issues.update({ ...ref, body: "x".repeat(65_537) }))).toBe(422);
    expect(github.requests.at(-1)?.response).toMatchObject({
      message: "Validation Failed",
      errors: [{ resource: "Issue", field: "body", code: "custom" }],
    });
    expect(github.store.issue("acme/ops", number).body).toBeNull();
    expect(await statusOf(bot.rest.issues.update({ ...ref, body: "x".repeat(65_536) }))).toBe(200);
    expect(
      await statusOf(bot.rest.issues.createComment({ ...ref, body: "y".repeat(65_537) })),
    ).toBe(422);
  });

  it("refuses a 51-character label name and a label that exists in another case", async () => {
    const create = (name: string) =>
      statusOf(bot.rest.issues.createLabel({ ...repo, name, color: "b60205" }));
    expect(await create("x".repeat(51))).toBe(422);
    expect(github.requests.at(-1)?.response).toMatchObject({
      errors: [{ resource: "Label", field: "name", code: "custom" }],
    });
    expect(await create("x".repeat(50))).toBe(201);
    expect(await create("Disruption")).toBe(201);
    expect(await create("DISRUPTION")).toBe(422);
    expect(github.requests.at(-1)?.response).toMatchObject({
      errors: [{ resource: "Label", field: "name", code: "already_exists" }],
    });
    const { number } = github.store.addIssue("acme/ops", { title: "t" });
    expect(
      await statusOf(
        bot.rest.issues.update({ ...repo, issue_number: number, labels: ["y".repeat(51)] }),
      ),
    ).toBe(422);
  });

  it("refuses a missing title, an unknown state and a bad list filter", async () => {
    expect(await statusOf(bot.rest.issues.create({ ...repo, title: "" }))).toBe(422);
    const { number } = github.store.addIssue("acme/ops", { title: "t" });
    expect(
      await statusOf(
        bot.rest.issues.update({ ...repo, issue_number: number, state: "done" as "open" }),
      ),
    ).toBe(422);
    expect(await statusOf(bot.rest.issues.listForRepo({ ...repo, since: "yesterday" }))).toBe(422);
  });
});

describe("issues", () => {
  it("replaces the label set, creating missing labels grey and keeping the repository's spelling", async () => {
    github.store.addLabel("acme/ops", { name: "Disruption", color: "b60205" });
    const { number } = github.store.addIssue("acme/ops", {
      title: "t",
      labels: ["Disruption", "old"],
    });
    const { data } = await bot.rest.issues.update({
      ...repo,
      issue_number: number,
      labels: ["disruption", "sev:SEV2"],
    });
    expect(data.labels).toMatchObject([
      { name: "Disruption", color: "b60205" },
      { name: "sev:SEV2", color: "ededed", description: null },
    ]);
    expect(github.store.label("acme/ops", "old")).toBeDefined();
  });

  it("closes with a state reason and reopens as GitHub records it", async () => {
    const { number } = github.store.addIssue("acme/ops", { title: "t" });
    const ref = { ...repo, issue_number: number };
    const { data: closed } = await alice.rest.issues.update({ ...ref, state: "closed" });
    expect(closed).toMatchObject({ state: "closed", state_reason: "completed" });
    expect(closed.closed_at).not.toBeNull();
    expect(closed.closed_by?.login).toBe("alice");
    const { data: reopened } = await bot.rest.issues.update({ ...ref, state: "open" });
    expect(reopened).toMatchObject({ state: "open", state_reason: "reopened", closed_at: null });
    const { data: skipped } = await bot.rest.issues.update({
      ...ref,
      state: "closed",
      state_reason: "not_planned",
    });
    expect(skipped.state_reason).toBe("not_planned");
  });

  it("summarises sub-issues on the issue object", async () => {
    const parent = github.store.addIssue("acme/ops", { title: "Parent" });
    for (const state of ["open", "closed", "closed"] as const)
      github.store.addIssue("acme/ops", { title: "Child", parent: parent.number, state });
    const { data } = await bot.rest.issues.get({ ...repo, issue_number: parent.number });
    expect(data.sub_issues_summary).toEqual({ total: 3, completed: 2, percent_completed: 66 });
  });

  it("filters by labels (all of them, any case), state and since, pull requests included", async () => {
    const { store } = github;
    store.addIssue("acme/ops", {
      title: "a",
      labels: ["disruption", "sev:SEV1"],
      updatedAt: "2026-01-01T00:00:00Z",
    });
    store.addIssue("acme/ops", {
      title: "b",
      labels: ["disruption"],
      updatedAt: "2026-03-01T00:00:00Z",
    });
    store.addIssue("acme/ops", {
      title: "c",
      labels: ["disruption", "sev:sev1"],
      state: "closed",
      updatedAt: "2026-03-02T00:00:00Z",
    });
    store.addPullRequest("acme/ops", {
      title: "pr",
      labels: ["disruption"],
      updatedAt: "2026-03-03T00:00:00Z",
    });
    const titles = async (query: {
      labels?: string;
      state?: "open" | "closed" | "all";
      since?: string;
      direction?: "asc" | "desc";
    }) =>
      (await bot.rest.issues.listForRepo({ ...repo, ...query })).data.map((issue) => issue.title);
    expect(await titles({ labels: "Disruption,SEV:SEV1", state: "all" })).toEqual(["c", "a"]);
    expect(await titles({ labels: "disruption" })).toEqual(["pr", "b", "a"]);
    expect(await titles({ state: "all", since: "2026-02-01T00:00:00Z", direction: "asc" })).toEqual(
      ["b", "c", "pr"],
    );
    const { data } = await bot.rest.issues.listForRepo({ ...repo, labels: "disruption" });
    expect(data[0]?.pull_request).toBeDefined();
    expect(data[1]?.pull_request).toBeUndefined();
  });

  it("pages with Link headers in GitHub's /repositories/{id} form, which Octokit follows", async () => {
    for (let index = 1; index <= 5; index += 1)
      github.store.addIssue("acme/ops", { title: `#${index}` });
    const first = await bot.rest.issues.listForRepo({ ...repo, per_page: 2 });
    const id = github.store.repo("acme/ops").id;
    expect(first.headers.link).toBe(
      `<${github.url}/repositories/${id}/issues?per_page=2&page=2>; rel="next", <${github.url}/repositories/${id}/issues?per_page=2&page=3>; rel="last"`,
    );
    github.requests.length = 0;
    const all = await bot.paginate(bot.rest.issues.listForRepo, { ...repo, per_page: 2 });
    expect(all.map((issue) => issue.number)).toEqual([5, 4, 3, 2, 1]);
    expect(
      github.requests.map((request) => `${request.path}?${new URLSearchParams(request.query)}`),
    ).toEqual([
      "/repos/acme/ops/issues?per_page=2",
      `/repositories/${id}/issues?per_page=2&page=2`,
      `/repositories/${id}/issues?per_page=2&page=3`,
    ]);
    const middle = await bot.request(`GET /repositories/${id}/issues?per_page=2&page=2`);
    expect(middle.headers.link).toContain('rel="prev"');
    expect(middle.headers.link).toContain('rel="first"');
  });
});

describe("comments and labels lists", () => {
  it("pages comments and labels with Link headers", async () => {
    const { number } = github.store.addIssue("acme/ops", { title: "t" });
    for (let index = 1; index <= 3; index += 1)
      github.store.addComment("acme/ops", number, { body: `c${index}` });
    for (const name of ["a", "b", "c"]) github.store.addLabel("acme/ops", { name });
    const comments = await bot.paginate(bot.rest.issues.listComments, {
      ...repo,
      issue_number: number,
      per_page: 2,
    });
    expect(comments.map((comment) => comment.body)).toEqual(["c1", "c2", "c3"]);
    const labels = await bot.paginate(bot.rest.issues.listLabelsForRepo, { ...repo, per_page: 1 });
    expect(labels.map((label) => label.name)).toEqual(["a", "b", "c"]);
    expect(github.requests).toHaveLength(5);
  });

  it("edits a comment in place and counts comments on the issue", async () => {
    const { number } = github.store.addIssue("acme/ops", { title: "t" });
    const { data: comment } = await bot.rest.issues.createComment({
      ...repo,
      issue_number: number,
      body: "a",
    });
    expect(comment.user?.login).toBe("disruption-reports[bot]");
    await bot.rest.issues.updateComment({ ...repo, comment_id: comment.id, body: "b" });
    expect(github.store.comments("acme/ops", number).map((entry) => entry.body)).toEqual(["b"]);
    const { data } = await bot.rest.issues.get({ ...repo, issue_number: number });
    expect(data.comments).toBe(1);
  });
});

describe("repository contents", () => {
  it("serves the config file raw as text/plain, and 404 JSON when it is absent", async () => {
    github.store.setFile("acme/ops", ".github/disruption-reports.yml", "timeZone: UTC\n");
    const token = github.installationToken(github.store.installations()[0]?.id ?? 0);
    const headers = { authorization: `token ${token}`, accept: "application/vnd.github.raw" };
    const found = await fetch(
      `${github.url}/repos/acme/ops/contents/.github%2Fdisruption-reports.yml`,
      {
        headers,
      },
    );
    expect(found.status).toBe(200);
    expect(found.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await found.text()).toBe("timeZone: UTC\n");
    const missing = await fetch(`${github.url}/repos/acme/ops/contents/.github%2Fnope.yml`, {
      headers,
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const { data } = await bot.rest.repos.getContent({
      ...repo,
      path: ".github/disruption-reports.yml",
    });
    expect(Buffer.from((data as { content: string }).content, "base64").toString()).toBe(
      "timeZone: UTC\n",
    );
  });
});

describe("collaborator permission", () => {
  it("gives role_name and the legacy permission (maintain → write, triage → read)", async () => {
    const { store } = github;
    store.setCollaborator("acme/ops", "mia", "maintain");
    store.setCollaborator("acme/ops", "tom", "triage");
    store.addUser({ login: "stranger" });
    const ask = async (username: string, name = "ops") => {
      const { data } = await bot.rest.repos.getCollaboratorPermissionLevel({
        owner: "acme",
        repo: name,
        username,
      });
      return `${data.permission}/${data.role_name}`;
    };
    expect(await ask("acme")).toBe("admin/admin");
    expect(await ask("mia")).toBe("write/maintain");
    expect(await ask("tom")).toBe("read/triage");
    expect(await ask("stranger")).toBe("read/read");
    expect(await ask("stranger", "secret")).toBe("none/none");
    expect(
      await statusOf(bot.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: "ghost" })),
    ).toBe(404);
  });
});

describe("authentication and the edges of the model", () => {
  it("answers 401 without a valid token, and for the wrong kind of credential", async () => {
    const anonymous = new Octokit({ log: quiet, baseUrl: github.url });
    expect(await statusOf(anonymous.rest.issues.listForRepo(repo))).toBe(401);
    const wrong = new Octokit({ log: quiet, baseUrl: github.url, auth: "ghs_forged" });
    expect(await statusOf(wrong.rest.issues.listForRepo(repo))).toBe(401);
    expect(await statusOf(bot.rest.apps.getAuthenticated())).toBe(401);
    expect(github.requests.map((request) => request.response)).toMatchObject([
      { message: "Requires authentication" },
      { message: "Bad credentials" },
      { message: "A JSON web token could not be decoded" },
    ]);
  });

  it("answers 501 for what it does not model, instead of a plausible answer", async () => {
    expect(await statusOf(bot.request("GET /repos/{owner}/{repo}/pulls", repo))).toBe(501);
    expect(await statusOf(bot.rest.issues.listForRepo({ ...repo, milestone: "1" }))).toBe(501);
    expect(await statusOf(bot.rest.issues.create({ ...repo, title: "t", milestone: 1 }))).toBe(501);
  });

  it("records every request: method, path, query, body, status, operation and caller", async () => {
    await bot.rest.issues.create({ ...repo, title: "Hello" });
    expect(github.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/repos/acme/ops/issues",
        query: {},
        body: { title: "Hello" },
        status: 201,
        operation: "POST /repos/{owner}/{repo}/issues",
        caller: "disruption-reports[bot]",
      }),
    ]);
  });

  it("lets a test delay an answer or answer in GitHub's place", async () => {
    const remove = github.intercept(async (request) => {
      if (request.method === "POST") return { status: 502, body: { message: "Server Error" } };
      await new Promise((resolve) => setTimeout(resolve, 50));
      return undefined;
    });
    const started = Date.now();
    expect(await statusOf(bot.rest.issues.listForRepo(repo))).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(await statusOf(bot.rest.issues.create({ ...repo, title: "t" }))).toBe(502);
    expect(github.store.issues("acme/ops")).toHaveLength(0);
    remove();
    expect(await statusOf(bot.rest.issues.create({ ...repo, title: "t" }))).toBe(201);
  });
});

import { Octokit } from "@octokit/rest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LocalGitHub, startLocalGitHub } from "../../dev/local-github/index.js";
import { basicErrorErrors } from "./openapi-validator.js";

const repo = { owner: "acme", repo: "ops" };
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const PATCH_ISSUE = "PATCH /repos/{owner}/{repo}/issues/{issue_number}";
const CREATE_COMMENT = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
let github: LocalGitHub;
let bot: Octokit;

beforeEach(async () => {
  github = await startLocalGitHub();
  const { store } = github;
  store.addRepo({ owner: "acme", name: "ops" });
  const installation = store.addInstallation({ account: "acme" });
  store.addIssue("acme/ops", { title: "Checkout down", body: "first", user: "maya" });
  // No retries: each test sees the one answer the fault gives.
  bot = new Octokit({
    log: quiet,
    baseUrl: github.url,
    auth: github.installationToken(installation.id),
    request: { retries: 0 },
  });
});

afterEach(async () => {
  await github.close();
});

/** The status and message a call ended with (Octokit throws for 4xx, 5xx and a lost connection). */
async function outcome(
  call: Promise<{ status: number }>,
): Promise<{ status: number; message?: string }> {
  return call.then(
    (response) => ({ status: response.status }),
    (error: { status?: number; message?: string }) => ({
      status: error.status ?? 0,
      message: error.message ?? "",
    }),
  );
}

describe("faults: a call fails before or after GitHub applies it", () => {
  it("before: answers 500 and writes nothing; the answer is GitHub's error body", async () => {
    const fault = github.fault({ operation: PATCH_ISSUE, fail: { kind: "500", when: "before" } });
    const result = await outcome(bot.rest.issues.update({ ...repo, issue_number: 1, body: "app" }));
    expect(result.status).toBe(500);
    expect(github.store.issue("acme/ops", 1).body).toBe("first");
    expect(fault.fired).toBe(true);
    const recorded = github.requests.at(-1);
    expect(recorded).toMatchObject({ status: 500, fault: { kind: "500", when: "before" } });
    // The description lists no 500 for this operation; GitHub's body is its basic error.
    expect(basicErrorErrors(recorded?.response)).toEqual([]);
  });

  it("after: the write is applied and the answer is a 502 page, so the caller cannot tell", async () => {
    github.fault({ operation: PATCH_ISSUE, fail: { kind: "502", when: "after" } });
    const result = await outcome(bot.rest.issues.update({ ...repo, issue_number: 1, body: "app" }));
    expect(result.status).toBe(502);
    expect(github.store.issue("acme/ops", 1).body).toBe("app");
    expect(github.webhooks.map((event) => `${event.name}.${event.payload.action}`)).toEqual([
      "issues.edited",
    ]);
  });

  it("after, reset: the comment exists and the caller sees a lost connection, not an answer", async () => {
    github.fault({ operation: CREATE_COMMENT, fail: { kind: "reset", when: "after" } });
    const result = await outcome(
      bot.rest.issues.createComment({ ...repo, issue_number: 1, body: "hello" }),
    );
    expect(result.status).toBe(500);
    expect(result.message).toMatch(/fetch failed|socket|closed|terminated/i);
    expect(github.store.comments("acme/ops", 1).map((comment) => comment.body)).toEqual(["hello"]);
    expect(github.requests.at(-1)).toMatchObject({ status: 0, fault: { kind: "reset" } });
  });

  it("rate limits look as GitHub sends them: 429 with the reset, 403 secondary with retry-after", async () => {
    github.fault({ method: "PATCH", fail: { kind: "rate-limit", when: "before" } });
    github.fault({ method: "POST", fail: { kind: "secondary-rate-limit", when: "before" } });
    const limited = await bot.rest.issues
      .update({ ...repo, issue_number: 1, body: "app" })
      .catch((error: { status: number; response: { headers: Record<string, string> } }) => error);
    expect(limited).toMatchObject({ status: 429 });
    expect("response" in limited && limited.response.headers["x-ratelimit-remaining"]).toBe("0");
    const secondary = await outcome(
      bot.rest.issues.createComment({ ...repo, issue_number: 1, body: "hello" }),
    );
    expect(secondary.status).toBe(403);
    expect(secondary.message).toMatch(/secondary rate limit/);
    expect(github.store.issue("acme/ops", 1).body).toBe("first");
    expect(github.store.comments("acme/ops", 1)).toEqual([]);
  });

  it("fires on the Nth matching call only, once", async () => {
    const fault = github.fault({
      operation: CREATE_COMMENT,
      nth: 2,
      fail: { kind: "500", when: "before" },
    });
    const statuses = [];
    for (const body of ["one", "two", "three"])
      statuses.push(
        (await outcome(bot.rest.issues.createComment({ ...repo, issue_number: 1, body }))).status,
      );
    expect(statuses).toEqual([201, 500, 201]);
    expect(fault.matched).toBe(2);
    expect(github.store.comments("acme/ops", 1).map((comment) => comment.body)).toEqual([
      "one",
      "three",
    ]);
  });

  it("run: lands a person's edit as the app's write arrives, before it is applied", async () => {
    const seen: string[] = [];
    github.fault({
      operation: PATCH_ISSUE,
      run: () => {
        seen.push(github.store.issue("acme/ops", 1).body ?? "");
        github.store.updateIssue("maya", "acme/ops", 1, { labels: ["needs-triage"] });
      },
    });
    const result = await outcome(bot.rest.issues.update({ ...repo, issue_number: 1, body: "app" }));
    expect(result.status).toBe(200);
    expect(seen).toEqual(["first"]);
    expect(github.store.issue("acme/ops", 1)).toMatchObject({
      body: "app",
      labels: ["needs-triage"],
    });
  });

  it("refuses a fault that could never fire as meant", () => {
    expect(() =>
      github.fault({
        operation: "PATCH /repos/{owner}/{repo}/issue",
        fail: { kind: "500", when: "before" },
      }),
    ).toThrow(/invalid fault: .*operation.*not an operation the local GitHub serves/);
    expect(() =>
      github.fault({ operation: PATCH_ISSUE, nth: 0, fail: { kind: "500", when: "before" } }),
    ).toThrow(/invalid fault: .*nth/);
    expect(() => github.fault({ operation: PATCH_ISSUE })).toThrow(/needs `fail`, `run` or both/);
    expect(() =>
      github.fault({ operation: PATCH_ISSUE, fail: { kind: "503" as "500", when: "before" } }),
    ).toThrow(/invalid fault: .*kind/);
  });
});

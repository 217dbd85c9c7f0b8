import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalGitHub, startLocalGitHub } from "../../dev/local-github/index.js";
import { appJwt } from "./app-jwt.js";
import { appKey } from "./app-key.js";
import { describedStatuses, responseErrors, SOURCE, webhookErrors } from "./openapi-validator.js";

const privateKey = appKey();

/** The outcome of a call, whatever its status (Octokit throws on 4xx). */
async function settle(call: Promise<unknown>): Promise<void> {
  await call.catch(() => undefined);
}

const repo = { owner: "acme", repo: "ops" };
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let github: LocalGitHub;
let receiver: Server;

/**
 * Drives every operation the local GitHub serves through Octokit, in its successful and its
 * refused forms, so that each answer can be checked against GitHub's OpenAPI description.
 */
beforeAll(async () => {
  // The App's webhook URL: it takes most events, fails closes, and never answers a comment edit.
  receiver = createServer((request, response) => {
    const event = `${request.headers["x-github-event"]}`;
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => {
      const action = (JSON.parse(text) as { action: string }).action;
      if (event === "issue_comment" && action === "edited") return;
      response.writeHead(event === "issues" && action === "closed" ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  github = await startLocalGitHub({
    appKey: privateKey,
    personalTokens: { "ghp-alice": "alice" },
    hook: {
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
      secret: "s",
      timeoutMs: 300,
    },
  });
  const { store } = github;
  store.addRepo({ owner: "acme", name: "ops", ownerType: "Organization" });
  store.addRepo({ owner: "acme", name: "private-ops", private: true });
  const installation = store.addInstallation({ account: "acme", repositories: ["acme/ops"] });
  store.setFile("acme/ops", ".github/disruption-reports.yml", "timeZone: Europe/Berlin\n");
  store.setCollaborator("acme/ops", "alice", "maintain");
  store.setCollaborator("acme/ops", "tria", "triage");
  store.addLabel("acme/ops", { name: "disruption", color: "b60205", description: "A report" });
  const parent = store.addIssue("acme/ops", { title: "Parent", labels: ["disruption"] });
  const child = store.addIssue("acme/ops", { title: "Child", parent: parent.number });
  store.updateIssue("alice", "acme/ops", child.number, { state: "closed" });
  store.addPullRequest("acme/ops", { title: "Fix", merged: true });
  const gone = store.addIssue("acme/ops", { title: "Deleted" });
  store.deleteIssue("acme/ops", gone.number);
  const comment = store.addComment("acme/ops", parent.number, { body: "First", user: "alice" });

  const app = new Octokit({
    log: quiet,
    baseUrl: github.url,
    auth: appJwt(store.app.id, privateKey),
  });
  const person = new Octokit({ log: quiet, baseUrl: github.url, auth: "ghp-alice" });
  const bot = new Octokit({
    log: quiet,
    baseUrl: github.url,
    auth: github.installationToken(installation.id),
  });

  await app.rest.apps.getAuthenticated();
  await app.rest.apps.listInstallations();
  await app.rest.apps.createInstallationAccessToken({ installation_id: installation.id });
  await settle(app.rest.apps.createInstallationAccessToken({ installation_id: 999 }));
  await bot.rest.apps.listReposAccessibleToInstallation();

  await bot.rest.repos.getContent({ ...repo, path: ".github/disruption-reports.yml" });
  await bot.rest.repos.getContent({
    ...repo,
    path: ".github/disruption-reports.yml",
    mediaType: { format: "raw" },
  });
  await settle(bot.rest.repos.getContent({ ...repo, path: "missing.yml" }));

  await bot.rest.issues.listLabelsForRepo({ ...repo, per_page: 1 });
  await settle(bot.rest.issues.listLabelsForRepo({ owner: "acme", repo: "nope" }));
  await bot.rest.issues.createLabel({ ...repo, name: "sev:SEV2", color: "d93f0b" });
  await settle(bot.rest.issues.createLabel({ ...repo, name: "DISRUPTION", color: "b60205" }));
  await settle(bot.rest.issues.createLabel({ ...repo, name: "x".repeat(51), color: "b60205" }));
  await settle(bot.rest.issues.createLabel({ owner: "acme", repo: "private-ops", name: "a" }));

  await bot.rest.issues.listForRepo({ ...repo, state: "all", per_page: 2 });
  await settle(bot.rest.issues.listForRepo({ ...repo, state: "bogus" as "all" }));
  await settle(bot.rest.issues.listForRepo({ owner: "acme", repo: "private-ops" }));

  const { data: created } = await bot.rest.issues.create({
    ...repo,
    title: "Checkout down",
    body: "It broke.",
    labels: ["disruption", "service:checkout"],
  });
  await person.rest.issues.create({ ...repo, title: "Filed by a person", assignees: ["alice"] });
  await settle(bot.rest.issues.create({ ...repo, title: "Too long", body: "x".repeat(65_537) }));
  await settle(bot.rest.issues.create({ ...repo, title: "" }));
  await settle(bot.rest.issues.create({ owner: "acme", repo: "nope", title: "t" }));

  const number = created.number;
  await bot.rest.issues.get({ ...repo, issue_number: number });
  await bot.rest.issues.get({ ...repo, issue_number: parent.number });
  await bot.rest.issues.get({ ...repo, issue_number: 3 });
  await settle(bot.rest.issues.get({ ...repo, issue_number: 999 }));
  await settle(bot.rest.issues.get({ ...repo, issue_number: gone.number }));

  await person.rest.issues.update({ ...repo, issue_number: number, body: "Edited.", title: "New" });
  await bot.rest.issues.update({
    ...repo,
    issue_number: number,
    labels: ["disruption", "sev:SEV1"],
  });
  await person.rest.issues.update({
    ...repo,
    issue_number: number,
    state: "closed",
    state_reason: "not_planned",
  });
  await bot.rest.issues.update({ ...repo, issue_number: number, state: "open" });
  await settle(bot.rest.issues.update({ ...repo, issue_number: number, body: "x".repeat(65_537) }));
  await settle(bot.rest.issues.update({ ...repo, issue_number: 999, body: "b" }));
  await settle(bot.rest.issues.update({ ...repo, issue_number: gone.number, body: "b" }));
  await bot.rest.issues.addLabels({ ...repo, issue_number: number, labels: ["extra"] });
  await settle(
    bot.rest.issues.addLabels({ ...repo, issue_number: number, labels: ["x".repeat(51)] }),
  );
  await settle(bot.rest.issues.addLabels({ ...repo, issue_number: 999, labels: ["a"] }));
  await bot.rest.issues.addLabels({ ...repo, issue_number: number, labels: ["needs-triage"] });
  await bot.rest.issues.removeLabel({ ...repo, issue_number: number, name: "needs-triage" });
  await settle(bot.rest.issues.removeLabel({ ...repo, issue_number: number, name: "nope" }));
  await settle(bot.rest.issues.removeLabel({ ...repo, issue_number: gone.number, name: "a" }));

  const { data: orphan } = await bot.rest.issues.create({ ...repo, title: "Follow-up" });
  await bot.rest.issues.addSubIssue({
    ...repo,
    issue_number: parent.number,
    sub_issue_id: orphan.id,
  });
  await settle(
    bot.rest.issues.addSubIssue({ ...repo, issue_number: parent.number, sub_issue_id: orphan.id }),
  );
  await settle(
    bot.rest.issues.addSubIssue({ ...repo, issue_number: 999, sub_issue_id: orphan.id }),
  );
  await settle(
    bot.rest.issues.addSubIssue({ ...repo, issue_number: gone.number, sub_issue_id: 1 }),
  );

  await bot.rest.issues.listComments({ ...repo, issue_number: parent.number });
  await settle(bot.rest.issues.listComments({ ...repo, issue_number: 999 }));
  await settle(bot.rest.issues.listComments({ ...repo, issue_number: gone.number }));
  const { data: reply } = await bot.rest.issues.createComment({
    ...repo,
    issue_number: number,
    body: "Thanks",
  });
  await person.rest.issues.createComment({ ...repo, issue_number: number, body: "Sure" });
  await settle(bot.rest.issues.createComment({ ...repo, issue_number: number, body: "" }));
  await settle(bot.rest.issues.createComment({ ...repo, issue_number: 999, body: "b" }));
  await settle(bot.rest.issues.createComment({ ...repo, issue_number: gone.number, body: "b" }));
  await bot.rest.issues.updateComment({ ...repo, comment_id: reply.id, body: "Thanks!" });
  await person.rest.issues.updateComment({ ...repo, comment_id: comment.id, body: "First!" });
  await settle(
    bot.rest.issues.updateComment({ ...repo, comment_id: reply.id, body: "x".repeat(65_537) }),
  );
  await settle(bot.rest.issues.updateComment({ ...repo, comment_id: 1, body: "b" }));
  const { data: twin } = await bot.rest.issues.createComment({
    ...repo,
    issue_number: number,
    body: "Thanks",
  });
  await bot.rest.issues.deleteComment({ ...repo, comment_id: twin.id });
  await settle(bot.rest.issues.deleteComment({ ...repo, comment_id: twin.id }));
  const react = (content: string, comment_id = comment.id) =>
    bot.rest.reactions.createForIssueComment({
      ...repo,
      comment_id,
      content: content as "eyes",
    });
  await react("eyes");
  await react("eyes");
  await settle(react("shrug"));
  await settle(react("eyes", twin.id));

  for (const username of ["alice", "tria", "acme", "disruption-reports[bot]"])
    await bot.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
  await person.rest.repos.getCollaboratorPermissionLevel({
    owner: "acme",
    repo: "private-ops",
    username: "alice",
  });
  await settle(bot.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: "nobody" }));
  await settle(
    new Octokit({ log: quiet, baseUrl: github.url }).rest.issues.get({ ...repo, issue_number: 1 }),
  );

  await github.hooks.idle();
  const { data: deliveries } = await app.rest.apps.listWebhookDeliveries({ per_page: 2 });
  await app.paginate(app.rest.apps.listWebhookDeliveries, { per_page: 3, status: "failure" });
  await settle(app.rest.apps.listWebhookDeliveries({ cursor: "not-a-cursor" }));
  await settle(app.rest.apps.listWebhookDeliveries({ status: "bogus" as "failure" }));
  await app.rest.apps.redeliverWebhookDelivery({ delivery_id: deliveries[0]?.id ?? 0 });
  await settle(app.rest.apps.redeliverWebhookDelivery({ delivery_id: 999_999 }));
  await github.hooks.idle();
  await settle(
    new Octokit({ log: quiet, baseUrl: github.url, auth: "bad" }).rest.issues.get({
      ...repo,
      issue_number: 1,
    }),
  );
});

afterAll(async () => {
  await github.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

describe(`every answer validates against GitHub's OpenAPI description (${SOURCE})`, () => {
  it("serves each described operation, answered as described", () => {
    const json = github.requests.filter((request) => typeof request.response !== "string");
    expect(json.length).toBeGreaterThan(50);
    const problems = json.flatMap((request) =>
      responseErrors(request.operation ?? "(no operation)", request.status, request.response).map(
        (error) => `${request.method} ${request.path} → ${request.status}: ${error}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it("exercised every operation, and every refusal GitHub documents that the server models", () => {
    const seen = new Set(
      github.requests.map((request) => `${request.operation} ${request.status}`),
    );
    const expected: [string, number[]][] = [
      ["POST /app/installations/{installation_id}/access_tokens", [201, 404]],
      ["GET /app", [200]],
      ["GET /app/installations", [200]],
      ["GET /app/hook/deliveries", [200, 400, 422]],
      ["POST /app/hook/deliveries/{delivery_id}/attempts", [202, 404]],
      ["GET /installation/repositories", [200]],
      ["GET /repos/{owner}/{repo}/contents/{path}", [200, 404]],
      ["GET /repos/{owner}/{repo}/labels", [200, 404]],
      ["POST /repos/{owner}/{repo}/labels", [201, 404, 422]],
      ["GET /repos/{owner}/{repo}/issues", [200, 404, 422]],
      ["POST /repos/{owner}/{repo}/issues", [201, 404, 422]],
      ["GET /repos/{owner}/{repo}/issues/{issue_number}", [200, 404, 410]],
      ["PATCH /repos/{owner}/{repo}/issues/{issue_number}", [200, 404, 410, 422]],
      ["POST /repos/{owner}/{repo}/issues/{issue_number}/labels", [200, 404, 422]],
      ["DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", [200, 404, 410]],
      ["GET /repos/{owner}/{repo}/issues/{issue_number}/comments", [200, 404, 410]],
      ["POST /repos/{owner}/{repo}/issues/{issue_number}/comments", [201, 404, 410, 422]],
      ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", [200, 404, 422]],
      ["DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", [204, 404]],
      ["POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", [200, 201, 404, 422]],
      ["POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues", [201, 404, 410, 422]],
      ["GET /repos/{owner}/{repo}/collaborators/{username}/permission", [200, 404]],
    ];
    const missing = expected.flatMap(([operation, statuses]) =>
      statuses
        .filter((status) => !seen.has(`${operation} ${status}`))
        .map((s) => `${operation} ${s}`),
    );
    expect(missing).toEqual([]);
    for (const [operation, statuses] of expected)
      for (const status of statuses.filter((s) => s !== 404))
        expect(describedStatuses(operation)).toContain(String(status));
  });

  it("records every webhook delivery with its outcome, and a redelivery under the same guid", () => {
    const outcomes = new Set(github.hooks.attempts.map((attempt) => attempt.status));
    expect([...outcomes].sort()).toEqual(["Invalid HTTP Response: 500", "OK", "timed out"]);
    expect(github.hooks.attempts.length).toBe(github.webhooks.length + 1);
    const redelivered = github.hooks.attempts.at(-1);
    expect(redelivered?.redelivery).toBe(true);
    expect(github.hooks.attempts.filter((a) => a.guid === redelivered?.guid)).toHaveLength(2);
    const failures = github.requests.filter(
      (request) => request.operation === "GET /app/hook/deliveries" && request.query.status,
    );
    expect(failures.length).toBeGreaterThan(1);
    expect(
      failures
        .flatMap((request) => request.response as { status: string }[])
        .every((delivery) => delivery.status !== "OK"),
    ).toBe(true);
  });

  it("serves a raw file as text/plain, as GitHub does", () => {
    const raw = github.requests.find((request) => typeof request.response === "string");
    expect(raw).toMatchObject({ status: 200, response: "timeZone: Europe/Berlin\n" });
  });

  it("sends webhook payloads that validate against the description's webhook schemas", () => {
    const events = new Set(github.webhooks.map((event) => event.event));
    expect([...events].sort()).toEqual([
      "issue_comment.created",
      "issue_comment.edited",
      "issues.closed",
      "issues.edited",
      "issues.labeled",
      "issues.opened",
      "issues.reopened",
      "issues.unlabeled",
    ]);
    expect(github.webhooks.every((event) => "organization" in event.payload)).toBe(true);
    const problems = github.webhooks.flatMap((event) =>
      webhookErrors(event.event, event.payload).map((error) => `${event.event}: ${error}`),
    );
    expect(problems).toEqual([]);
  });
});

import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Octokit } from "@octokit/rest";
import { pino } from "pino";
import { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  deliveryRequest,
  type LocalGitHub,
  startLocalGitHub,
  type WebhookEvent,
} from "../../dev/local-github/index.js";

const repo = { owner: "acme", repo: "ops" };
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let github: LocalGitHub;
let bot: Octokit;
let alice: Octokit;

beforeEach(async () => {
  github = await startLocalGitHub({ personalTokens: { "ghp-alice": "alice" } });
  github.store.addRepo({ owner: "acme", name: "ops" });
  const installation = github.store.addInstallation({ account: "acme", id: 42 });
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

function summary(events: WebhookEvent[]): string[] {
  return events.map((event) => {
    const sender = event.payload.sender as { login: string; type: string };
    const label = (event.payload.label as { name: string } | undefined)?.name;
    return `${event.event}${label ? ` ${label}` : ""} by ${sender.login} (${sender.type})`;
  });
}

describe("the webhook events GitHub would send for writes", () => {
  it("opens an issue with its labels: opened, then labeled for each label; the app's writes are the bot's", async () => {
    await bot.rest.issues.create({ ...repo, title: "Down", labels: ["disruption", "sev:SEV2"] });
    expect(summary(github.webhooks)).toEqual([
      "issues.opened by disruption-reports[bot] (Bot)",
      "issues.labeled disruption by disruption-reports[bot] (Bot)",
      "issues.labeled sev:SEV2 by disruption-reports[bot] (Bot)",
    ]);
    const [opened] = github.webhooks;
    expect(opened?.payload).toMatchObject({
      action: "opened",
      installation: { id: 42 },
      repository: { full_name: "acme/ops" },
      issue: { number: 1, labels: [{ name: "disruption" }, { name: "sev:SEV2" }] },
    });
    expect(opened?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("edits: edited with the body it had, labeled/unlabeled for the label changes, then closed or reopened", async () => {
    const { number } = github.store.addIssue("acme/ops", {
      title: "t",
      body: "before",
      labels: ["a"],
    });
    await alice.rest.issues.update({
      ...repo,
      issue_number: number,
      body: "after",
      labels: ["b"],
      state: "closed",
    });
    expect(summary(github.webhooks)).toEqual([
      "issues.edited by alice (User)",
      "issues.unlabeled a by alice (User)",
      "issues.labeled b by alice (User)",
      "issues.closed by alice (User)",
    ]);
    expect(github.webhooks[0]?.payload.changes).toEqual({ body: { from: "before" } });
    expect(github.webhooks[3]?.payload.issue).toMatchObject({
      state: "closed",
      state_reason: "completed",
    });
    github.webhooks.length = 0;
    await bot.rest.issues.update({ ...repo, issue_number: number, state: "open" });
    expect(summary(github.webhooks)).toEqual(["issues.reopened by disruption-reports[bot] (Bot)"]);
  });

  it("sends nothing for a write that changes nothing, nor for seeding", async () => {
    const { number } = github.store.addIssue("acme/ops", {
      title: "t",
      body: "same",
      labels: ["a"],
    });
    github.store.addComment("acme/ops", number, { body: "seeded" });
    await bot.rest.issues.update({ ...repo, issue_number: number, body: "same", labels: ["A"] });
    expect(github.webhooks).toEqual([]);
  });

  it("comments: issue_comment.created with the comment and the issue, and edited with the old body", async () => {
    const { number } = github.store.addIssue("acme/ops", { title: "t" });
    const { data } = await alice.rest.issues.createComment({
      ...repo,
      issue_number: number,
      body: "/disruption close done",
    });
    await alice.rest.issues.updateComment({ ...repo, comment_id: data.id, body: "edited" });
    expect(summary(github.webhooks)).toEqual([
      "issue_comment.created by alice (User)",
      "issue_comment.edited by alice (User)",
    ]);
    expect(github.webhooks[0]?.payload).toMatchObject({
      comment: { body: "/disruption close done", user: { login: "alice" } },
      issue: { number, comments: 1 },
    });
    expect(github.webhooks[1]?.payload.changes).toEqual({
      body: { from: "/disruption close done" },
    });
  });

  it("reports writes made on the store directly too, as a person would make them", () => {
    const { number } = github.store.addIssue("acme/ops", { title: "t", body: "Severity: SEV3" });
    github.store.updateIssue("carol", "acme/ops", number, { body: "Severity: SEV1" });
    expect(summary(github.webhooks)).toEqual(["issues.edited by carol (User)"]);
  });

  it("tells listeners as each write is made, each payload a snapshot of that moment", async () => {
    const heard: string[] = [];
    const stop = github.onWebhook((event) => heard.push(event.event));
    const { data } = await bot.rest.issues.create({ ...repo, title: "t", body: "one" });
    await bot.rest.issues.update({ ...repo, issue_number: data.number, body: "two" });
    stop();
    await bot.rest.issues.update({ ...repo, issue_number: data.number, body: "three" });
    expect(heard).toEqual(["issues.opened", "issues.edited"]);
    expect(github.webhooks[0]?.payload.issue).toMatchObject({ body: "one" });
  });
});

describe("deliveryRequest", () => {
  it("signs as GitHub documents: sha256= and the HMAC-SHA256 of the exact body in hex", async () => {
    // GitHub's own example ("Validating webhook deliveries"): this secret and payload give this digest.
    const hmac = (secret: string, body: string) =>
      createHmac("sha256", secret).update(body).digest("hex");
    expect(hmac("It's a Secret to Everybody", "Hello, World!")).toBe(
      "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    );
    const event = {
      id: "d-1",
      name: "issues",
      payload: { action: "opened", issue: { number: 1, title: "Down — ünïcode" } },
    } as unknown as WebhookEvent;
    const { headers, body } = await deliveryRequest(event, "s3cret");
    expect(body).toBe(JSON.stringify(event.payload));
    expect(headers["x-hub-signature-256"]).toBe(`sha256=${hmac("s3cret", body)}`);
    expect(headers["x-github-event"]).toBe("issues");
    expect(headers["x-github-delivery"]).toBe("d-1");
  });

  it("signs a delivery that Probot's webhook server accepts, and not with another secret", async () => {
    const probot = new Probot({
      githubToken: "unused",
      secret: "s3cret",
      log: pino({ level: "silent" }),
    });
    const received: string[] = [];
    probot.on("issues.opened", async (context) => {
      received.push(`${context.name}.${context.payload.action} #${context.payload.issue.number}`);
    });
    const server = createServer(await probot.getNodeMiddleware());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await bot.rest.issues.create({ ...repo, title: "Down" });
      const event = github.webhooks[0] as WebhookEvent;
      const post = async (secret: string) => {
        const { headers, body } = await deliveryRequest(event, secret);
        return fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
          method: "POST",
          headers,
          body,
        });
      };
      expect((await post("wrong")).status).toBe(400);
      expect((await post("s3cret")).status).toBe(200);
      expect(received).toEqual(["issues.opened #1"]);
    } finally {
      server.close();
    }
  });
});

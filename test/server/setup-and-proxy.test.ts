import { type ChildProcess, spawn } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FORM_BODY, REPO, seedRepository } from "../../dev/demo/scenario.js";
import { deliveryRequest, startLocalGitHub } from "../../dev/local-github/index.js";
import { freePort } from "../../dev/scale/free-port.js";
import { appKey, fileReport } from "./app-server.js";

const ROOT = join(import.meta.dirname, "../..");
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A stand-in for a smee.io channel on 127.0.0.1: an event stream that pushes what `send` gets. */
async function fakeChannel(): Promise<{
  url: string;
  streams: ServerResponse[];
  send(data: unknown): void;
}> {
  const streams: ServerResponse[] = [];
  const server: Server = createServer((request, response) => {
    if (request.method !== "GET" || request.url !== "/channel")
      return response.writeHead(404).end();
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    response.write(": ready\n\n");
    streams.push(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => {
    for (const stream of streams) stream.end();
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/channel`,
    streams,
    send(data) {
      for (const stream of streams) stream.write(`data: ${JSON.stringify(data)}\n\n`);
    },
  };
}

/** `npm start`'s entry, from source, in a clean directory holding only what the setup reads. */
async function startEntry(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output: () => string }> {
  const dir = await mkdtemp(join(tmpdir(), "disruption-reports-setup-"));
  for (const file of ["package.json", "app.yml"]) await cp(join(ROOT, file), join(dir, file));
  const child = spawn(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), join(ROOT, "src/server/main.ts")],
    {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  cleanups.push(async () => {
    child.kill("SIGKILL");
    await exited;
    await rm(dir, { recursive: true, force: true });
  });
  return { child, output: () => output };
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  output: () => string,
): Promise<T> {
  for (const end = Date.now() + 30_000; Date.now() < end; ) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not happen within 30 s; the server said:\n${output()}`);
}

describe("setting the app up as the README says", () => {
  it("without APP_ID, npm start serves Probot's setup page, whose manifest sends webhooks to the proxy channel", async () => {
    const channel = await fakeChannel();
    const port = await freePort();
    const app = await startEntry({
      PORT: String(port),
      HOST: "127.0.0.1",
      WEBHOOK_PROXY_URL: channel.url,
    });
    const page = await until(
      "the setup page",
      () =>
        fetch(`http://127.0.0.1:${port}/probot`).then(
          async (response) => (response.ok ? response.text() : undefined),
          () => undefined,
        ),
      app.output,
    );
    const value = /name="manifest" id="manifest" value='([^']*)'/.exec(page)?.[1];
    expect(value).toBeDefined();
    const manifest = JSON.parse(value ?? "") as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: "Disruption Reports",
      public: false,
      hook_attributes: { url: channel.url },
      redirect_url: `http://127.0.0.1:${port}/probot/setup`,
      default_events: ["issues", "issue_comment"],
      default_permissions: { issues: "write", metadata: "read", contents: "read" },
    });
    expect(page).not.toContain("example.com");
  }, 60_000);

  it("with the App's credentials and WEBHOOK_PROXY_URL, npm start receives GitHub's deliveries through the proxy and handles them", async () => {
    const channel = await fakeChannel();
    const privateKey = appKey();
    const secret = "proxy-secret";
    const github = await startLocalGitHub({ appKey: privateKey });
    cleanups.push(() => github.close());
    seedRepository({ github } as Parameters<typeof seedRepository>[0]);
    const app = await startEntry({
      APP_ID: String(github.store.app.id),
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: secret,
      GITHUB_API_URL: github.url,
      WEBHOOK_PROXY_URL: channel.url,
      PORT: "0",
      NODE_ENV: "production",
      HOURLY_SCHEDULE: "off",
      CATCH_UP_INTERVAL_MINUTES: "0",
    });
    await until(
      "the proxy connection",
      () => (channel.streams.length > 0 ? true : undefined),
      app.output,
    );
    await until(
      "the forwarding",
      () => (app.output().includes("receiving webhooks through the proxy") ? true : undefined),
      app.output,
    );

    // What smee.io sends down the channel for a delivery: GitHub's headers and the parsed body.
    const opened = fileReport(github);
    const { headers, body } = await deliveryRequest({ ...opened, id: "via-proxy-1" }, secret);
    channel.send({ ...headers, host: "smee.io", body: JSON.parse(body), timestamp: Date.now() });
    // Filled and labelled: the app read the issue, wrote the body, then added the labels.
    const labels = await until(
      "the report filled and labelled",
      () => {
        const issue = github.store.issue(REPO, 2);
        const done =
          issue.body !== FORM_BODY && issue.labels.some((l) => l.startsWith("severity:"));
        return done ? issue.labels : undefined;
      },
      app.output,
    );
    expect(github.store.issue(REPO, 2).body).toContain("## Overview");
    expect(labels).toContain("type: deployment");
  }, 90_000);
});

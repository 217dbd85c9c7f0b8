import { request as httpRequest } from "node:http";
import { sign } from "@octokit/webhooks-methods";
import { afterEach, describe, expect, it } from "vitest";
import { REPO } from "../../dev/demo/scenario.js";
import { deliveryRequest } from "../../dev/local-github/index.js";
import { MAX_WEBHOOK_BYTES } from "../../src/server/read-body.js";
import { createMemoryState } from "../../src/state/memory-state.js";
import { type AppServer, fileReport, startAppServer } from "./app-server.js";

let app: AppServer | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

interface RawAnswer {
  status: number;
  body: string;
  /** Bytes of the request body written before the answer came. */
  written: number;
}

/**
 * POSTs to the webhook URL, writing `total` bytes in 1 MB chunks (with a Content-Length, or
 * chunked without one) and stopping as soon as an answer comes.
 */
function postLarge(
  url: string,
  total: number,
  headers: Record<string, string>,
  declareLength: boolean,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const request = httpRequest(
      url,
      {
        method: "POST",
        headers: {
          ...headers,
          ...(declareLength ? { "content-length": String(total) } : {}),
        },
      },
      (response) => {
        answered = true;
        let body = "";
        response.on("data", (chunk) => {
          body += String(chunk);
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body, written }));
      },
    );
    request.on("error", (error) => {
      // The server closes the connection after refusing; the answer has come by then.
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const pump = () => {
      while (!answered && written < total) {
        const size = Math.min(chunk.length, total - written);
        written += size;
        if (!request.write(chunk.subarray(0, size))) {
          request.once("drain", pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    pump();
  });
}

describe("the webhook endpoint of the real server", () => {
  it("refuses a body declared over 25 MB before reading it, and calls no API", async () => {
    app = await startAppServer();
    const answer = await postLarge(
      app.server.webhookUrl,
      100 * 1024 * 1024,
      {
        "content-type": "application/json",
        "x-github-event": "issues",
        "x-github-delivery": "big-1",
        "x-hub-signature-256": "sha256=00",
      },
      true,
    );
    expect(answer.status).toBe(413);
    // Answered from the headers: at most the first chunks in the socket's buffers were sent.
    expect(answer.written).toBeLessThan(MAX_WEBHOOK_BYTES);
    expect(app.github.requests).toEqual([]);
    expect(app.logs.find((line) => line.id === "big-1")).toMatchObject({
      event: "issues",
      contentLength: String(100 * 1024 * 1024),
    });
  });

  it("counts a chunked body as it streams and refuses it past 25 MB", async () => {
    app = await startAppServer();
    const answer = await postLarge(
      app.server.webhookUrl,
      100 * 1024 * 1024,
      {
        "content-type": "application/json",
        "x-github-event": "issues",
        "x-github-delivery": "big-2",
        "x-hub-signature-256": "sha256=00",
      },
      false,
    );
    expect(answer.status).toBe(413);
    expect(answer.written).toBeGreaterThan(MAX_WEBHOOK_BYTES);
    expect(answer.written).toBeLessThan(MAX_WEBHOOK_BYTES + 16 * 1024 * 1024);
    expect(app.github.requests).toEqual([]);
  });

  it("logs the delivery id and event of a wrong signature, never the payload, and calls no API", async () => {
    app = await startAppServer();
    const event = fileReport(app.github);
    const { headers, body } = await deliveryRequest(event, "not-the-secret");
    const response = await fetch(app.server.webhookUrl, { method: "POST", headers, body });
    expect(response.status).toBe(400);
    expect(app.github.requests).toEqual([]);
    const line = app.logs.find((each) => each.id === event.id);
    expect(line).toMatchObject({ event: "issues", level: 40 });
    expect(String(line?.msg)).toContain("WEBHOOK_SECRET");
    // Nothing of the body: not the issue's title, not its text.
    expect(app.logText()).not.toContain("Checkout failing");
    expect(app.logText()).not.toContain("connection pool");
  });

  it("answers 200 and logs a line for a signed payload it cannot use: not JSON, or an issue event without its issue", async () => {
    app = await startAppServer();
    const notJson = "this is not json";
    const { headers } = await deliveryRequest(
      { id: "x", name: "issues", payload: {} } as never,
      app.secret,
    );
    const first = await fetch(app.server.webhookUrl, {
      method: "POST",
      headers: {
        ...headers,
        "x-github-delivery": "bad-json",
        "x-hub-signature-256": await sign(app.secret, notJson),
      },
      body: notJson,
    });
    expect(first.status).toBe(200);
    expect(await first.text()).toBe("ignored: not JSON\n");

    const noIssue = JSON.stringify({
      action: "opened",
      repository: { name: "ops", owner: { login: "acme" } },
      installation: { id: 10001 },
    });
    const second = await fetch(app.server.webhookUrl, {
      method: "POST",
      headers: {
        ...headers,
        "x-github-delivery": "no-issue",
        "x-hub-signature-256": await sign(app.secret, noIssue),
      },
      body: noIssue,
    });
    expect(second.status).toBe(200);
    expect(await second.text()).toBe("ignored: the payload lacks issue.number\n");
    expect(app.logs.find((each) => each.id === "bad-json")).toMatchObject({
      event: "issues",
      level: 40,
    });
    expect(app.logs.find((each) => each.id === "no-issue")).toMatchObject({
      event: "issues",
      reason: "the payload lacks issue.number",
    });
    expect(app.github.requests).toEqual([]);
  });

  it("answers 500 when the handling fails (GitHub lists it as failed, for the catch-up), logging no payload", async () => {
    app = await startAppServer();
    app.github.intercept((request) =>
      request.method === "PATCH" ? { status: 502, body: { message: "Server Error" } } : undefined,
    );
    const event = fileReport(app.github);
    const { headers, body } = await deliveryRequest(event, app.secret);
    const response = await fetch(app.server.webhookUrl, { method: "POST", headers, body });
    expect(response.status).toBe(500);
    expect(app.logs.find((each) => each.id === event.id && each.level === 40)).toMatchObject({
      event: "issues",
    });
    expect(app.logText()).not.toContain("Checkout failing");
    expect(app.github.store.issue(REPO, 2).body).not.toContain("## Overview");
  });

  it("keeps a delivery answered 202 in the shared state while it is handled, for the catch-up if the process dies", async () => {
    const state = createMemoryState();
    app = await startAppServer({ answerWithinMs: 100, state });
    let release = () => {};
    app.github.intercept(async (request) => {
      if (request.method !== "PATCH") return undefined;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return undefined;
    });
    const event = fileReport(app.github);
    const { headers, body } = await deliveryRequest(event, app.secret);
    const response = await fetch(app.server.webhookUrl, { method: "POST", headers, body });
    expect(response.status).toBe(202);
    const kept = await state.answeredBefore(Number.POSITIVE_INFINITY, 10);
    expect(kept.map((each) => each.id)).toEqual([event.id]);
    expect(JSON.parse(kept[0]?.delivery ?? "")).toEqual({
      name: event.name,
      payload: event.payload,
    });
    release();
    for (let waited = 0; waited < 5_000 && app.server.inFlight.size > 0; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.github.store.issue(REPO, 2).body).toContain("## Overview");
    expect(await state.answeredBefore(Number.POSITIVE_INFINITY, 10)).toEqual([]);
  });

  it("handles a delivery again when it fails after its 202 answer (GitHub took the 202 as success)", async () => {
    app = await startAppServer({ answerWithinMs: 100, retryAfterAnswerMs: 200 });
    let patches = 0;
    app.github.intercept(async (request) => {
      if (request.method !== "PATCH") return undefined;
      patches += 1;
      // The first write is slow and then fails: the 202 has gone out by then.
      if (patches > 1) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { status: 502, body: { message: "Server Error" } };
    });
    const event = fileReport(app.github);
    const { headers, body } = await deliveryRequest(event, app.secret);
    const response = await fetch(app.server.webhookUrl, { method: "POST", headers, body });
    expect(response.status).toBe(202);
    for (let waited = 0; waited < 5_000 && app.server.inFlight.size > 0; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(patches).toBe(2);
    expect(app.github.store.issue(REPO, 2).body).toContain("## Overview");
    expect(app.logs.find((each) => each.id === event.id && each.attempt === 1)).toMatchObject({
      msg: "webhook handled on a later try",
    });
  });
});

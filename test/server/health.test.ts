import { afterEach, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "./app-server.js";

let app: AppServer | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("GET /healthz", () => {
  it("is 200 while GitHub answers the App, 503 naming GitHub once it does not", async () => {
    app = await startAppServer({ healthGithubTtlMs: 0 });
    const ok = await fetch(`${app.server.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "ok", github: { ok: true }, redis: null });
    expect(app.github.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /app",
    ]);

    app.github.intercept(() => ({ status: 401, body: { message: "Bad credentials" } }));
    const failing = await fetch(`${app.server.url}/healthz`);
    expect(failing.status).toBe(503);
    expect(await failing.json()).toMatchObject({
      status: "failing",
      github: { ok: false, error: "401 Bad credentials" },
    });
  });

  it("asks GitHub at most once per 30 s however often it is called", async () => {
    app = await startAppServer();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => fetch(`${app?.server.url}/healthz`).then((r) => r.status)),
    );
    await fetch(`${app.server.url}/healthz`);
    expect(answers).toEqual([200, 200, 200, 200, 200]);
    expect(app.github.requests.filter((request) => request.path === "/app")).toHaveLength(1);
  });

  it("reports Redis through the shared state's ping, and is 503 when it fails", async () => {
    let up = true;
    app = await startAppServer({
      healthGithubTtlMs: 0,
      state: {
        kind: "redis",
        ping: async () => {
          if (!up) throw new Error("connect ECONNREFUSED 127.0.0.1:6379");
        },
        close: async () => {},
      },
    });
    expect(await (await fetch(`${app.server.url}/healthz`)).json()).toMatchObject({
      status: "ok",
      redis: { ok: true },
    });
    up = false;
    const down = await fetch(`${app.server.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      status: "failing",
      github: { ok: true },
      redis: { ok: false, error: "connect ECONNREFUSED 127.0.0.1:6379" },
    });
  });
});

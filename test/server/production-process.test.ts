import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, seedRepository } from "../../dev/demo/scenario.js";
import {
  deliveryRequest,
  type LocalGitHub,
  startLocalGitHub,
} from "../../dev/local-github/index.js";
import { appKey, fileReport } from "./app-server.js";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "../..");

/**
 * What the container image runs, as plain processes (no Docker engine here): the production
 * install (`npm ci --omit=dev`, as the Dockerfile does) of the built app in a clean directory,
 * then `npm start`'s command against the local GitHub.
 */
let dir: string;
let install: { stdout: string; stderr: string };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "disruption-reports-image-"));
  for (const entry of [
    "package.json",
    "package-lock.json",
    "app.yml",
    "dist",
    "bin",
    "scripts/prepare.js",
  ])
    await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
  // `npm ci --omit=dev` exactly as a team runs it: its `prepare` finds no TypeScript and keeps dist/.
  install = await run("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline"], {
    cwd: dir,
  });
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface App {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** `node dist/server/main.js` in the clean directory, as `npm start` runs it. */
async function startApp(github: LocalGitHub, privateKey: string, secret: string): Promise<App> {
  const child = spawn(process.execPath, ["dist/server/main.js"], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      APP_ID: String(github.store.app.id),
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: secret,
      GITHUB_API_URL: github.url,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 20);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`the app exited before listening:\n${output}`));
    });
  });
  return { child, url, output: () => output, exited };
}

describe("the production install, run as the container runs it", () => {
  it("installs no development package, keeps the built dist/, and ships no local-GitHub code", async () => {
    expect(install.stdout).toContain("prepare: a production install; dist/ is already built");
    for (const devOnly of [
      "typescript",
      "vitest",
      "nock",
      "tsx",
      "graphql",
      "@octokit/graphql-schema",
    ])
      expect(existsSync(join(dir, "node_modules", devOnly)), devOnly).toBe(false);
    for (const runtime of ["probot", "zod", "luxon", "ioredis", "smee-client"])
      expect(existsSync(join(dir, "node_modules", runtime)), runtime).toBe(true);
    const shipped = await readdir(join(dir, "dist"), { recursive: true });
    expect(shipped).toContain(join("server", "main.js"));
    // Every compiled file comes from src/: the local GitHub, the demo and the tools stay in dev/.
    const compiled = shipped
      .filter((file) => file.endsWith(".js"))
      .map((file) => file.replace(/\.js$/, ".ts"));
    const sources = (await readdir(join(ROOT, "src"), { recursive: true })).filter((file) =>
      file.endsWith(".ts"),
    );
    expect(compiled.sort()).toEqual(sources.sort());
  });

  it("answers /healthz with GitHub reachable, as the HEALTHCHECK command shows", async () => {
    const privateKey = appKey();
    const github = await startLocalGitHub({ appKey: privateKey });
    const app = await startApp(github, privateKey, "s3cret");
    try {
      const healthy = await fetch(`${app.url}/healthz`);
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toMatchObject({
        status: "ok",
        github: { ok: true },
        redis: null,
      });
      // The container's HEALTHCHECK command.
      const check = await run(process.execPath, ["dist/server/healthcheck.js"], {
        cwd: dir,
        env: { PORT: new URL(app.url).port },
      });
      expect(check.stdout).toContain('"status":"ok"');
      // The catch-up's first run, at start-up, lists the failed deliveries (README, "Nothing missed").
      const calls = () =>
        github.requests.map((request) => `${request.method} ${request.path} ${request.status}`);
      for (let waited = 0; waited < 10_000 && calls().length < 2; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(calls().sort()).toEqual(["GET /app 200", "GET /app/hook/deliveries 200"]);
    } finally {
      await github.close();
    }
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
  });

  it("on SIGTERM during a slow write: refuses new deliveries, finishes the write, exits 0", async () => {
    const privateKey = appKey();
    const secret = "s3cret";
    const github = await startLocalGitHub({ appKey: privateKey });
    seedRepository({ github } as Parameters<typeof seedRepository>[0]);
    let patchSeen!: () => void;
    const patchStarted = new Promise<void>((resolve) => {
      patchSeen = resolve;
    });
    github.intercept(async (request) => {
      if (request.method !== "PATCH") return undefined;
      patchSeen();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return undefined;
    });
    const app = await startApp(github, privateKey, secret);
    try {
      const event = fileReport(github);
      const { headers, body } = await deliveryRequest(event, secret);
      const first = fetch(`${app.url}/api/github/webhooks`, { method: "POST", headers, body });
      await patchStarted;
      app.child.kill("SIGTERM");
      // A delivery after the signal is not taken (503 on an open connection, or refused).
      await new Promise((resolve) => setTimeout(resolve, 200));
      const later = await fetch(`${app.url}/api/github/webhooks`, {
        method: "POST",
        headers,
        body,
      }).then(
        (response) => response.status,
        () => "refused",
      );
      expect([503, "refused"]).toContain(later);
      expect((await first).status).toBe(200);
      expect(await app.exited).toBe(0);
      expect(github.store.issue(REPO, 2).body).toContain("| Length | 1 h 25 min |");
      expect(app.output()).toContain("shutting down");
    } finally {
      if (app.child.exitCode === null) app.child.kill("SIGKILL");
      await github.close();
    }
  });
});

import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LocalGitHub, startLocalGitHub } from "../../dev/local-github/index.js";
import { describeFailure } from "../../src/cli/describe-failure.js";
import { runCli } from "../../src/cli/main.js";

const root = join(import.meta.dirname, "../..");
let github: LocalGitHub;

beforeEach(async () => {
  github = await startLocalGitHub({ personalTokens: { "ghp-alice": "alice" } });
  github.store.addRepo({ owner: "acme", name: "ops" });
});
afterEach(async () => {
  await github.close();
});

async function cli(
  args: string[],
  env: Record<string, string>,
  options: { stdinIsTTY?: boolean } = {},
) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdin: Readable.from(["body"]),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    ...options,
  });
  return { code, stdout, stderr };
}

const report = ["report", "--period", "2026-10"];

describe("the CLI fails in one line that says what to do", () => {
  it("bad credentials: exit 3", async () => {
    const result = await cli([...report, "--repo", "acme/ops"], {
      GITHUB_TOKEN: "ghp-wrong",
      GITHUB_API_URL: github.url,
    });
    expect(result).toEqual({
      code: 3,
      stdout: "",
      stderr:
        "disruptions: GitHub refused the token (401 Bad credentials): set GITHUB_TOKEN or GH_TOKEN to a valid token\n",
    });
  });

  it("no such repository: exit 3, naming --repo", async () => {
    const result = await cli([...report, "--repo", "acme/nope"], {
      GITHUB_TOKEN: "ghp-alice",
      GITHUB_API_URL: github.url,
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^disruptions: GitHub has no such repository, or the token cannot see it \(.*acme\/nope.*\): check --repo OWNER\/NAME and the token.s access\n$/,
    );
  });

  it("rate limited: exit 4 with the reset time", async () => {
    github.intercept(() => ({
      status: 403,
      body: { message: "API rate limit exceeded" },
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1796187600" },
    }));
    const result = await cli([...report, "--repo", "acme/ops"], {
      GITHUB_TOKEN: "ghp-alice",
      GITHUB_API_URL: github.url,
    });
    expect(result).toMatchObject({
      code: 4,
      stderr:
        "disruptions: GitHub's rate limit for this token is used up (403): try again at 2026-12-02T05:00:00Z\n",
    });
  });

  it("network unreachable: exit 4", async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const api = `http://127.0.0.1:${port}`;
    const result = await cli([...report, "--repo", "acme/ops"], {
      GITHUB_TOKEN: "ghp-alice",
      GITHUB_API_URL: api,
    });
    expect(result).toMatchObject({
      code: 4,
      stderr: `disruptions: cannot reach GitHub at ${api} (ECONNREFUSED): check the network connection (and GITHUB_API_URL), then try again\n`,
    });
  });
});

describe("the CLI's own manners", () => {
  it("GitHub failing: exit 4, quoting its message but never an error page", () => {
    const failed = (message: string) => describeFailure({ status: 503, message }, {});
    expect(failed("Service unavailable for maintenance")).toEqual({
      status: 4,
      message: "GitHub failed (503 Service unavailable for maintenance): try again later",
    });
    expect(failed("<!DOCTYPE html><html><body>Unicorn!</body></html>").message).toBe(
      "GitHub failed (503 Service Unavailable): try again later",
    );
    expect(failed("").message).toBe("GitHub failed (503 Service Unavailable): try again later");
  });

  it("--version prints package.json's version; COMMAND --help that command's help", async () => {
    const version = (await import("../../package.json", { with: { type: "json" } })).default
      .version;
    expect(await cli(["--version"], {})).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    const help = await cli(["fill", "--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout.startsWith("Usage: disruptions fill [FILE]")).toBe(true);
    expect((await cli(["help", "report"], {})).stdout).toContain("3 GitHub refused");
  });

  it("a bare parse at a terminal says it is reading standard input", async () => {
    const result = await cli(["parse"], {}, { stdinIsTTY: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "disruptions parse: reading a report body from standard input (end it with Ctrl-D; or give a FILE)\n",
    );
    expect((await cli(["parse"], {}, { stdinIsTTY: false })).stderr).toBe("");
  });

  it("ends quietly with status 0 when the reader closes the pipe", async () => {
    const big = `## Summary\n\n${"text ".repeat(12_000)}\n`.repeat(1);
    const child = spawn(process.execPath, [join(root, "bin/disruptions.js"), "fill"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    // Read one chunk, then close the pipe as `head -1` does.
    child.stdout.once("data", () => child.stdout.destroy());
    child.stdin.end(big.repeat(5));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(stderr).toBe("");
  });
});

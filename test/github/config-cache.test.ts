import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LocalGitHub, startLocalGitHub } from "../../dev/local-github/index.js";
import { ConfigCache } from "../../src/github/config-cache.js";
import { type ConfigLoad, loadConfig } from "../../src/github/load-config.js";
import { appKey } from "../local-github/app-key.js";

type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;
const QuietOctokit = ProbotOctokit.defaults((options: OctokitOptions) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...options.throttle, enabled: false },
}));

const CONFIG_PATH = ".github/disruption-reports.yml";
const privateKey = appKey();
let github: LocalGitHub;
let installationId: number;

beforeEach(async () => {
  github = await startLocalGitHub({ appKey: privateKey });
  github.store.addRepo({ owner: "acme", name: "ops", ownerType: "Organization" });
  github.store.addRepo({ owner: "acme", name: ".github" });
  installationId = github.store.addInstallation({ account: "acme" }).id;
});
afterEach(async () => {
  await github.close();
});

async function octokit() {
  const probot = new Probot({
    appId: github.store.app.id,
    privateKey,
    baseUrl: github.url,
    Octokit: QuietOctokit,
    log: pino({ level: "silent" }),
  });
  const client = await probot.auth(installationId);
  github.requests.length = 0;
  return client;
}

/** `status path` of the config reads since the last call, with the If-None-Match they sent. */
function reads(): string[] {
  const seen = github.requests
    .filter((request) => request.path.includes("/contents/"))
    .map(
      (request) => `${request.status} ${decodeURIComponent(request.path).split("/contents/")[0]}`,
    );
  github.requests.length = 0;
  return seen;
}

describe("config reads with the cache", () => {
  it("uses the file without asking within GitHub's max-age, then revalidates with If-None-Match: 304 keeps the parsed config, a changed file is read again", async () => {
    const client = await octokit();
    let now = 0;
    const cache = new ConfigCache<ConfigLoad>({ now: () => now });
    github.store.setFile("acme/ops", CONFIG_PATH, "timeZone: Europe/Berlin\n");
    const first = await loadConfig(client, "acme", "ops", cache);
    expect(first).toMatchObject({ ok: true, config: { timeZone: "Europe/Berlin" } });
    expect(reads()).toEqual(["200 /repos/acme/ops"]);

    // Within the minute GitHub's Cache-Control allows (max-age=60): no request at all.
    now = 59_000;
    expect(await loadConfig(client, "acme", "ops", cache)).toBe(first);
    expect(reads()).toEqual([]);

    now = 61_000;
    const second = await loadConfig(client, "acme", "ops", cache);
    // The very object: not read, not parsed again.
    expect(second).toBe(first);
    expect(reads()).toEqual(["304 /repos/acme/ops"]);
    // The 304 starts a new minute.
    now = 120_000;
    await loadConfig(client, "acme", "ops", cache);
    expect(reads()).toEqual([]);

    github.store.setFile("acme/ops", CONFIG_PATH, "timeZone: Asia/Tokyo\n");
    now = 122_000;
    expect(await loadConfig(client, "acme", "ops", cache)).toMatchObject({
      config: { timeZone: "Asia/Tokyo" },
    });
    expect(reads()).toEqual(["200 /repos/acme/ops"]);
  });

  it("asks every time when the answer says no-cache", async () => {
    const cache = new ConfigCache<string>();
    cache.setFile("acme/ops", '"a"', "value", "private, no-cache");
    const entry = cache.get("acme/ops");
    expect(entry && cache.fresh(entry)).toBe(false);
    cache.setFile("acme/ops", '"a"', "value", "private, max-age=60, s-maxage=60");
    const again = cache.get("ACME/ops");
    expect(again && cache.fresh(again)).toBe(true);
  });

  it("remembers a repository without the file for a minute, and revalidates the owner's .github config", async () => {
    const client = await octokit();
    let now = 0;
    const cache = new ConfigCache<ConfigLoad>({ now: () => now });
    github.store.setFile("acme/.github", CONFIG_PATH, "timeZone: Europe/Berlin\n");
    await loadConfig(client, "acme", "ops", cache);
    expect(reads()).toEqual(["404 /repos/acme/ops", "200 /repos/acme/.github"]);
    now = 59_000;
    expect(await loadConfig(client, "acme", "ops", cache)).toMatchObject({
      source: `acme/.github:${CONFIG_PATH}`,
    });
    // Both answers are still fresh: nothing asked.
    expect(reads()).toEqual([]);
    // The file is added: read within the minute.
    github.store.setFile("acme/ops", CONFIG_PATH, "timeZone: Asia/Tokyo\n");
    now = 61_000;
    expect(await loadConfig(client, "acme", "ops", cache)).toMatchObject({
      source: `acme/ops:${CONFIG_PATH}`,
      config: { timeZone: "Asia/Tokyo" },
    });
    expect(reads()).toEqual(["200 /repos/acme/ops"]);
  });

  it("keeps a broken config's problem cached too, and the 304 carries no body", async () => {
    const client = await octokit();
    let now = 0;
    const cache = new ConfigCache<ConfigLoad>({ now: () => now });
    github.store.setFile("acme/ops", CONFIG_PATH, "timeZone: Mars/Olympus\n");
    const first = await loadConfig(client, "acme", "ops", cache);
    expect(first.ok).toBe(false);
    github.requests.length = 0;
    now = 61_000;
    expect(await loadConfig(client, "acme", "ops", cache)).toBe(first);
    const [revalidation] = github.requests;
    expect(revalidation).toMatchObject({ status: 304, response: undefined });
  });
});

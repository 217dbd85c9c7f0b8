import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { type LocalGitHub, startLocalGitHub } from "../../dev/local-github/index.js";
import { appKey } from "./app-key.js";

const privateKey = appKey();

type OctokitOptions = NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>;
const QuietOctokit = ProbotOctokit.defaults((options: OctokitOptions) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...options.throttle, enabled: false },
}));

function probot(github: LocalGitHub, key: string): Probot {
  return new Probot({
    appId: github.store.app.id,
    privateKey: key,
    baseUrl: github.url,
    Octokit: QuietOctokit,
    log: pino({ level: "silent" }),
  });
}

let github: LocalGitHub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

describe("a Probot app authenticating against the local GitHub", () => {
  it("signs in as the app (JWT checked against its key) and as an installation", async () => {
    github = await startLocalGitHub({ appKey: privateKey });
    github.store.addRepo({ owner: "acme", name: "ops" });
    const installation = github.store.addInstallation({ account: "acme" });
    const app = probot(github, privateKey);

    const appOctokit = await app.auth();
    const { data: me } = await appOctokit.rest.apps.getAuthenticated();
    expect(me?.slug).toBe("disruption-reports");
    const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, {
      per_page: 100,
    });
    expect(installations.map((entry) => entry.id)).toEqual([installation.id]);

    const octokit = await app.auth(installation.id);
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100,
    });
    expect(repos.map((repo) => repo.full_name)).toEqual(["acme/ops"]);
    const { data: issue } = await octokit.rest.issues.create({
      owner: "acme",
      repo: "ops",
      title: "Checkout down",
    });
    expect(issue.user?.login).toBe("disruption-reports[bot]");
    expect(github.webhooks[0]?.payload.sender).toMatchObject({
      login: "disruption-reports[bot]",
      type: "Bot",
    });
    expect(github.requests.map((request) => `${request.operation} ${request.caller}`)).toEqual([
      "GET /app app",
      "GET /app/installations app",
      "POST /app/installations/{installation_id}/access_tokens app",
      "GET /installation/repositories disruption-reports[bot]",
      "POST /repos/{owner}/{repo}/issues disruption-reports[bot]",
    ]);
  });

  it("refuses a JWT signed with another key", async () => {
    github = await startLocalGitHub({ appKey: privateKey });
    const other = appKey();
    const appOctokit = await probot(github, other).auth();
    await expect(appOctokit.rest.apps.getAuthenticated()).rejects.toMatchObject({ status: 401 });
  });
});

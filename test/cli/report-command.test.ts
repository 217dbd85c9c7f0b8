import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { DateTime, Settings } from "luxon";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { reportBody } from "../analytics/build-issue.js";
import { API, unexpected, useNock } from "../helpers/probot.js";

useNock();

const dir = mkdtempSync(join(tmpdir(), "disruptions-report-"));
const body = (started: string, severity = "SEV2") =>
  reportBody({
    services: "api, search",
    type: "Deployment",
    severity,
    started,
    detected: started,
    resolved: "2026-10-05 12:30 UTC",
  });

/** As `gh issue list --state all --label disruption --json …` prints them. */
const ghIssues = [
  {
    number: 3,
    title: "Checkout down",
    url: "https://github.com/acme/ops/issues/3",
    body: body("2026-10-05 11:00 UTC"),
    labels: [{ id: "L1", name: "disruption", description: "", color: "b60205" }],
    state: "CLOSED",
    stateReason: "COMPLETED",
    createdAt: "2026-10-05T11:30:00Z",
    closedAt: "2026-10-06T09:00:00Z",
  },
  {
    number: 4,
    title: "Duplicate of #3",
    url: "https://github.com/acme/ops/issues/4",
    body: body("2026-10-05 11:00 UTC"),
    labels: [{ id: "L1", name: "disruption", description: "", color: "b60205" }],
    state: "CLOSED",
    stateReason: "DUPLICATE",
    createdAt: "2026-10-05T11:40:00Z",
    closedAt: "2026-10-05T12:00:00Z",
  },
  {
    number: 5,
    title: "Search slow",
    url: "https://github.com/acme/ops/issues/5",
    body: body("2026-10-31 23:30 UTC", "SEV3"),
    labels: [{ id: "L1", name: "disruption", description: "", color: "b60205" }],
    state: "OPEN",
    stateReason: "",
    createdAt: "2026-11-01T08:00:00Z",
    closedAt: null,
  },
];

/** As `GET /repos/{owner}/{repo}/issues` returns them. */
const restIssues = ghIssues.map((issue) => ({
  number: issue.number,
  title: issue.title,
  html_url: issue.url,
  body: issue.body,
  labels: [{ name: "disruption" }],
  state: issue.state.toLowerCase(),
  state_reason: issue.stateReason ? issue.stateReason.toLowerCase() : null,
  created_at: issue.createdAt,
  closed_at: issue.closedAt,
}));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

async function cli(args: string[], env: Record<string, string> = {}, stderrIsTTY = false) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdin: Readable.from([""]),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    stderrIsTTY,
    clock: () => DateTime.fromISO("2026-11-02T10:00:00Z"),
  });
  return { code, stdout, stderr };
}

describe("disruptions report --input", () => {
  it.each([
    ["gh issue list --json", ghIssues],
    ["the REST API", restIssues],
  ])("prints the figures as JSON from %s, the month read in --tz", async (_source, issues) => {
    const { code, stdout, stderr } = await cli([
      "report",
      "--month",
      "2026-10",
      "--input",
      file("issues.json", issues),
      "--format",
      "json",
      "--tz",
      "UTC",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const figures = JSON.parse(stdout);
    expect(Object.keys(figures)).toEqual([
      "month",
      "timeZone",
      "disruptions",
      "byService",
      "bySeverity",
      "byType",
      "byWeekday",
      "byHour",
      "minutes",
      "customerImpact",
      "byRepository",
      "trend",
      "followThrough",
      "problems",
    ]);
    expect(figures.disruptions).toBe(2);
    expect(figures.byService).toEqual({ api: 2, search: 2 });
    expect(figures.bySeverity).toEqual({ SEV1: 0, SEV2: 1, SEV3: 1, SEV4: 0, SEV5: 0 });
    expect(figures.followThrough.openReports).toBe(1);
  });

  it("reads --input more than once, a file per repository, and names each repository", async () => {
    const web = ghIssues.map((issue) => ({
      ...issue,
      url: issue.url.replace("acme/ops", "acme/web"),
    }));
    const ops = join(dir, "ops.json");
    const webFile = join(dir, "web.json");
    writeFileSync(ops, JSON.stringify(ghIssues));
    writeFileSync(webFile, JSON.stringify(web));
    const args = [
      "report",
      "--period",
      "2026-Q4",
      "--tz",
      "UTC",
      "--input",
      ops,
      "--input",
      webFile,
    ];
    const json = await cli([...args, "--format", "json"]);
    expect(json.code).toBe(0);
    const figures = JSON.parse(json.stdout);
    const single = JSON.parse(
      (
        await cli([
          "report",
          "--period",
          "2026-Q4",
          "--tz",
          "UTC",
          "--input",
          ops,
          "--format",
          "json",
        ])
      ).stdout,
    );
    expect(figures.month).toBe("2026-Q4");
    expect(figures.disruptions).toBe(single.disruptions * 2);
    expect(figures.byRepository).toEqual({
      "acme/ops": single.disruptions,
      "acme/web": single.disruptions,
    });
    const markdown = await cli(args);
    expect(markdown.stdout).toContain("## By repository");
    expect(markdown.stdout).toContain(
      "[acme/web#3 Checkout down](https://github.com/acme/web/issues/3)",
    );
  });

  it("moves a disruption across the month border with the zone", async () => {
    const { stdout } = await cli([
      "report",
      "--month",
      "2026-11",
      "--input",
      file("issues.json", ghIssues),
      "--format",
      "json",
      "--tz",
      "Europe/Berlin",
    ]);
    // 2026-10-31 23:30 UTC is 2026-11-01 00:30 in Berlin.
    expect(JSON.parse(stdout).disruptions).toBe(1);
  });

  it("prints the issue's markdown by default", async () => {
    const { code, stdout } = await cli([
      "report",
      "--month",
      "2026-10",
      "--input",
      file("issues.json", ghIssues),
      "--now",
      "2026-11-01T09:00:00Z",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("<!-- disruption-reports:analytics month=2026-10 -->");
    expect(stdout).toContain("https://github.com/acme/ops/issues/3");
    expect(stdout).not.toContain("issues/4)");
  });

  it("reads the repository's config with --config, and says so when no issue carries the report label", async () => {
    const relabelled = ghIssues.map((issue) => ({ ...issue, labels: [{ name: "incident" }] }));
    const input = file("incidents.json", relabelled);
    const plain = await cli([
      "report",
      "--month",
      "2026-10",
      "--input",
      input,
      "--format",
      "json",
      "--tz",
      "UTC",
    ]);
    expect(JSON.parse(plain.stdout).disruptions).toBe(0);
    expect(plain.stderr).toBe(
      "disruptions: none of the 3 issues carries the label `disruption`; pass the repository's config with --config FILE if it names another\n",
    );
    const configFile = join(dir, "disruption-reports.yml");
    writeFileSync(configFile, "timeZone: UTC\nlabels:\n  report: incident\n");
    const configured = await cli([
      "report",
      "--month",
      "2026-10",
      "--input",
      input,
      "--format",
      "json",
      "--config",
      configFile,
    ]);
    expect(configured.stderr).toBe("");
    expect(JSON.parse(configured.stdout).disruptions).toBe(2);
  });

  it("reads a --now without an offset in the report's zone, wherever the command runs", async () => {
    const overdue = [
      {
        ...ghIssues[2],
        body: reportBody({
          started: "2026-10-30 10:00 UTC",
          detected: "2026-10-30 10:05 UTC",
          actionItems: ["- [ ] @sam add an alert (due 2026-11-01)"],
        }),
      },
    ];
    const input = file("overdue.json", overdue);
    const machineZone = Settings.defaultZone;
    Settings.defaultZone = "Asia/Tokyo";
    try {
      const counts = async (now: string) =>
        JSON.parse(
          (
            await cli([
              "report",
              "--month",
              "2026-10",
              "--input",
              input,
              "--format",
              "json",
              "--tz",
              "America/Los_Angeles",
              "--now",
              now,
            ])
          ).stdout,
        ).followThrough.overdueActionItems;
      expect(await counts("2026-11-01")).toBe(0);
      expect(await counts("2026-11-02")).toBe(1);
      expect(await counts("2026-11-02T05:00:00+09:00")).toBe(0);
    } finally {
      Settings.defaultZone = machineZone;
    }
  });

  it.each([
    [
      ["report", "--input", "x.json"],
      "disruptions: report needs --period: a month (2026-10), a quarter (2026-Q3) or a year (2026)\n",
    ],
    [
      ["report", "--month", "Oct", "--input", "x.json"],
      "disruptions: --month Oct is not a period: write a month (2026-10), a quarter (2026-Q3) or a year (2026)\n",
    ],
    [
      ["report", "--month", "2026-10"],
      "disruptions: report needs one source: --input FILE or --repo OWNER/NAME\n",
    ],
    [
      ["report", "--month", "2026-10", "--input", "x.json", "--publish"],
      "disruptions: --publish needs --repo OWNER/NAME\n",
    ],
    [
      ["report", "--month", "2026-10", "--repo", "acme/ops"],
      "disruptions: --repo needs a token in GITHUB_TOKEN or GH_TOKEN\n",
    ],
    [
      ["report", "--month", "2026-10", "--input", "x.json", "--format", "csv"],
      "disruptions: --format csv: use markdown, json or html\n",
    ],
    [
      ["parse", "--month", "2026-10"],
      "disruptions: --month is an option of report, not of parse\n",
    ],
  ])("exits 2 for %j", async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(stderr).toBe(message);
    expect(code).toBe(2);
  });

  it("exits 2 when the input is not an array of issues", async () => {
    const { code, stderr } = await cli([
      "report",
      "--month",
      "2026-10",
      "--input",
      file("bad.json", { issues: [] }),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^disruptions: .+\n$/);
  });
});

describe("disruptions report --repo", () => {
  /** One page of the reports query's answer (a cursor for the next, or null for the last). */
  const page = (nodes: unknown[], endCursor: string | null) => ({
    data: {
      repository: { issues: { nodes, pageInfo: { hasNextPage: endCursor !== null, endCursor } } },
    },
  });
  /** The config read (`timeZone: UTC`), then the first page of reports, whose next is `c1`. */
  const firstPage = (nodes: unknown[]) =>
    nock(API)
      .get("/repos/acme/ops/contents/.github%2Fdisruption-reports.yml")
      .reply(200, "timeZone: UTC\n", { "content-type": "text/plain; charset=utf-8" })
      .post(
        "/graphql",
        (body) => body?.variables?.cursor === undefined && body?.variables?.states === undefined,
      )
      .reply(200, page(nodes, "c1"));

  it("reads GitHub with the token and publishes the month's issue", async () => {
    const created: { title: string; labels: string[] }[] = [];
    const scope = nock(API)
      .matchHeader("authorization", "token ghp_test")
      .get("/repos/acme/ops/contents/.github%2Fdisruption-reports.yml")
      .reply(404, {})
      .get("/repos/acme/.github/contents/.github%2Fdisruption-reports.yml")
      .reply(404, {})
      .post("/graphql")
      .reply(200, {
        data: {
          repository: {
            issues: {
              nodes: ghIssues.map((issue) => ({
                ...issue,
                labels: { nodes: [{ name: "disruption" }] },
                stateReason: issue.stateReason || null,
              })),
              pageInfo: { hasNextPage: false, endCursor: null },
            },
          },
        },
      })
      .post("/graphql", (body) => body?.variables?.states?.[0] === "OPEN")
      .reply(200, {
        data: {
          repository: { issues: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } },
        },
      })
      .get("/repos/acme/ops/issues")
      .query({ labels: "disruption-analytics", state: "all", per_page: 100 })
      .reply(200, [
        {
          number: 1,
          title: "Disruption report: September 2026",
          body: "<!-- disruption-reports:analytics month=2026-09 -->",
          html_url: "u",
        },
      ])
      .post("/repos/acme/ops/issues", (value) => {
        created.push(value);
        return true;
      })
      .reply(201, { number: 12, html_url: "https://github.com/acme/ops/issues/12" })
      // Listed again after the create: a twin from a concurrent publish would be closed.
      .get("/repos/acme/ops/issues")
      .query({ labels: "disruption-analytics", state: "all", per_page: 100 })
      .reply(200, [
        {
          number: 12,
          title: "Disruption report: October 2026",
          body: "<!-- disruption-reports:analytics month=2026-10 -->",
          html_url: "https://github.com/acme/ops/issues/12",
        },
      ]);

    const { code, stdout } = await cli(
      ["report", "--month", "2026-10", "--repo", "acme/ops", "--publish"],
      { GH_TOKEN: "ghp_test" },
    );

    expect(code).toBe(0);
    expect(stdout).toBe("created https://github.com/acme/ops/issues/12\n");
    expect(created[0]?.title).toBe("Disruption report: October 2026");
    expect(created[0]?.labels).toEqual(["disruption-analytics"]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("shows its progress on a terminal when there is more than one page, and prints the figures", async () => {
    const graphqlNode = (issue: (typeof ghIssues)[number]) => ({
      ...issue,
      labels: { nodes: [{ name: "disruption" }] },
      stateReason: issue.stateReason || null,
    });
    const scope = firstPage([graphqlNode(ghIssues[0] as (typeof ghIssues)[number])])
      .post("/graphql", (body) => body?.variables?.cursor === "c1")
      .reply(200, page([graphqlNode(ghIssues[2] as (typeof ghIssues)[number])], null))
      .post("/graphql", (body) => body?.variables?.states?.[0] === "OPEN")
      .reply(200, page([graphqlNode(ghIssues[2] as (typeof ghIssues)[number])], null));

    const { code, stdout, stderr } = await cli(
      ["report", "--month", "2026-10", "--repo", "acme/ops", "--format", "json"],
      { GITHUB_TOKEN: "t" },
      true,
    );

    expect(code).toBe(0);
    expect(stderr).toBe("\rread 2 reports…\rread 2 reports…\n");
    expect(JSON.parse(stdout).disruptions).toBe(2);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("publishes nothing when a page fails after the first was read (the next read ahead)", async () => {
    const first = ghIssues[0] as (typeof ghIssues)[number];
    const scope = firstPage([
      { ...first, labels: { nodes: [{ name: "disruption" }] }, stateReason: null },
    ])
      .post("/graphql", (body) => body?.variables?.cursor === "c1")
      .reply(502, "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>…</body>\n</html>", {
        "content-type": "text/html",
      });

    const { code, stdout, stderr } = await cli(
      ["report", "--month", "2026-10", "--repo", "acme/ops", "--publish"],
      { GITHUB_TOKEN: "t" },
    );

    expect(code).toBe(4);
    expect(stdout).toBe("");
    expect(stderr).toBe("disruptions: GitHub failed (502 Bad Gateway): try again later\n");
    // No analytics issue looked for or written: the run stopped at the failed page.
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

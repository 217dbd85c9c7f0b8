import { DateTime } from "luxon";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { runMonthlySchedule } from "../../src/github/run-monthly-schedule.js";
import { reportBody } from "../analytics/build-issue.js";
import { API, appProbot, unexpected, useNock } from "../helpers/probot.js";

useNock();

const issuesPage = {
  data: {
    repository: {
      issues: {
        nodes: [
          {
            number: 3,
            title: "Checkout down",
            url: "https://github.com/acme/ops/issues/3",
            body: reportBody({
              started: "2026-10-05 11:00 UTC",
              detected: "2026-10-05 11:10 UTC",
              resolved: "2026-10-05 12:00 UTC",
            }),
            state: "CLOSED",
            stateReason: "COMPLETED",
            createdAt: "2026-10-05T11:30:00Z",
            closedAt: "2026-10-06T09:00:00Z",
            labels: { nodes: [{ name: "disruption" }] },
          },
        ],
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    },
  },
};

const isProbe = (body: { query?: string }) => Boolean(body?.query?.includes("RepositoryProbe"));
const noOrgConfig = (scope: nock.Scope) =>
  scope.get("/repos/acme/.github/contents/.github%2Fdisruption-reports.yml").reply(404, {});

/** acme/ops and acme/web as the one GraphQL look at both gives them. */
function probe(ops: string | null, web: string | null, reports = { ops: 1, web: 1 }) {
  const node = (text: string | null, count: number) => ({
    object: text === null ? null : { text },
    label: { issues: { totalCount: count } },
  });
  return { data: { r0: node(ops, reports.ops), r1: node(web, reports.web) } };
}

function installation(scope: nock.Scope): nock.Scope {
  return scope
    .get("/app/installations")
    .query({ per_page: 100 })
    .reply(200, [{ id: 7, account: { login: "acme" } }])
    .post("/app/installations/7/access_tokens")
    .reply(201, { token: "ghs_install", expires_at: "2999-01-01T00:00:00Z" })
    .get("/installation/repositories")
    .query({ per_page: 100 })
    .reply(200, {
      total_count: 2,
      repositories: [
        { name: "ops", owner: { login: "acme" } },
        { name: "web", owner: { login: "acme" } },
      ],
    });
}

describe("runMonthlySchedule", () => {
  it("publishes the previous month where it is enabled, due and missing, and reads nothing more elsewhere", async () => {
    const created: { title: string }[] = [];
    const scope = noOrgConfig(installation(nock(API)))
      .post("/graphql", isProbe)
      .reply(
        200,
        probe("timeZone: Europe/Berlin\nreport:\n  enabled: true\n  day: 2\n  hour: 9\n", null),
      )
      .post("/graphql", (body) => !isProbe(body) && !body?.variables?.states)
      .reply(200, issuesPage)
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
      .post("/repos/acme/ops/issues", (body) => {
        created.push(body);
        return true;
      })
      .reply(201, { number: 20, html_url: "https://github.com/acme/ops/issues/20" })
      .get("/repos/acme/ops/issues")
      .query({ labels: "disruption-analytics", state: "all", per_page: 100 })
      .reply(200, [
        {
          number: 20,
          title: "Disruption report: October 2026",
          body: "<!-- disruption-reports:analytics month=2026-10 -->",
          html_url: "https://github.com/acme/ops/issues/20",
        },
      ]);

    // 2026-11-02 09:30 in Berlin: day 2, hour 9 reached.
    const run = await runMonthlySchedule(
      appProbot(process.env.DEBUG_SCHEDULE ? "error" : "silent"),
      DateTime.fromISO("2026-11-02T08:30:00Z"),
    );

    expect(run).toEqual({ repositories: 2, published: ["acme/ops#20"] });
    expect(created.map((issue) => issue.title)).toEqual(["Disruption report: October 2026"]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("reads nothing more of a repository without reports, whatever its config says", async () => {
    const scope = noOrgConfig(installation(nock(API)))
      .post("/graphql", isProbe)
      .reply(
        200,
        probe("report:\n  enabled: true\n", "report:\n  enabled: true\n", { ops: 0, web: 0 }),
      );
    const run = await runMonthlySchedule(
      appProbot(process.env.DEBUG_SCHEDULE ? "error" : "silent"),
      DateTime.fromISO("2026-11-02T10:00:00Z"),
    );
    expect(run).toEqual({ repositories: 2, published: [] });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("does not publish before the configured hour, nor twice", async () => {
    const early = noOrgConfig(installation(nock(API)))
      .post("/graphql", isProbe)
      .reply(
        200,
        probe(
          "timeZone: Europe/Berlin\nreport:\n  enabled: true\n  day: 2\n  hour: 9\n",
          "report:\n  enabled: true\n",
        ),
      )
      .get("/repos/acme/web/issues")
      .query({ labels: "disruption-analytics", state: "all", per_page: 100 })
      .reply(200, [
        {
          number: 9,
          title: "Disruption report: October 2026",
          body: "<!-- disruption-reports:analytics month=2026-10 -->",
          html_url: "u",
        },
      ]);

    // 07:30 UTC is 08:30 in Berlin: acme/ops is not due yet; acme/web (UTC, day 1 hour 9) is due but published.
    const run = await runMonthlySchedule(
      appProbot(process.env.DEBUG_SCHEDULE ? "error" : "silent"),
      DateTime.fromISO("2026-11-02T07:30:00Z"),
    );

    expect(run).toEqual({ repositories: 2, published: [] });
    expect(early.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

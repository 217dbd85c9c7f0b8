import nock from "nock";
import { describe, expect, it } from "vitest";
import { reportBody } from "../analytics/build-issue.js";
import { configPath, repoPath } from "../helpers/github-mocks.js";
import { commentCreated, OWNER, REPO } from "../helpers/payloads.js";
import { API, testProbot, unexpected, useNock } from "../helpers/probot.js";

useNock();

const marker = "<!-- disruption-reports:analytics month=2026-10 -->";

/** A GraphQL issue node as the analytics query returns it. */
function node(number: number, started: string, severity = "SEV2") {
  return {
    number,
    title: `Disruption ${number}`,
    url: `https://github.com/${OWNER}/${REPO}/issues/${number}`,
    body: reportBody({
      services: "api",
      type: "Deployment",
      severity,
      started,
      detected: started,
      resolved: started.replace("10:00", "11:00"),
    }),
    state: "CLOSED",
    stateReason: "COMPLETED",
    createdAt: "2026-10-01T00:00:00Z",
    closedAt: "2026-10-30T00:00:00Z",
    labels: { nodes: [{ name: "disruption" }] },
  };
}

function page(nodes: unknown[], endCursor: string | null) {
  return {
    data: {
      repository: { issues: { nodes, pageInfo: { hasNextPage: endCursor !== null, endCursor } } },
    },
  };
}

describe("/disruption report", () => {
  it("reads three pages of reports and edits the month's existing analytics issue in place", async () => {
    const probot = await testProbot();
    const queries: { variables: Record<string, unknown> }[] = [];
    const edits: { title: string; body: string }[] = [];
    const replies: { body: string }[] = [];
    const firstPage = Array.from({ length: 100 }, (_, i) => node(i + 1, "2026-10-05 10:00 UTC"));
    const secondPage = Array.from({ length: 100 }, (_, i) => node(i + 101, "2026-09-05 10:00 UTC"));
    const thirdPage = [node(201, "2026-10-20 10:00 UTC", "SEV1")];
    const scope = nock(API)
      .get(`${repoPath}/collaborators/maya/permission`)
      .reply(200, { permission: "write", role_name: "write", user: { login: "maya" } })
      .get(configPath)
      .reply(200, "timeZone: UTC\nreport:\n  enabled: true\n", {
        "content-type": "text/plain; charset=utf-8",
      })
      .post("/graphql", (body) => {
        queries.push(body);
        return body?.variables?.cursor === undefined && body?.variables?.states === undefined;
      })
      .reply(200, page(firstPage, "c1"))
      .post("/graphql", (body) => {
        queries.push(body);
        return body?.variables?.cursor === "c1";
      })
      .reply(200, page(secondPage, "c2"))
      .post("/graphql", (body) => {
        queries.push(body);
        return body?.variables?.cursor === "c2";
      })
      .reply(200, page(thirdPage, null))
      // Then the open reports the window left out: none here.
      .post("/graphql", (body) => {
        queries.push(body);
        return body?.variables?.states?.[0] === "OPEN";
      })
      .reply(200, page([], null))
      .get(`${repoPath}/issues`)
      .query({ labels: "disruption-analytics", state: "all", per_page: 100 })
      .reply(200, [
        {
          number: 90,
          title: "Disruption report: September 2026",
          body: "<!-- disruption-reports:analytics month=2026-09 -->",
          html_url: "https://github.com/x/90",
        },
        {
          number: 95,
          title: "Disruption report: October 2026",
          body: `${marker}\nold figures`,
          html_url: `https://github.com/${OWNER}/${REPO}/issues/95`,
        },
      ])
      .patch(`${repoPath}/issues/95`, (body) => {
        edits.push(body);
        return true;
      })
      .reply(200, {})
      .get(`${repoPath}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`${repoPath}/issues/1/comments`, (body) => {
        replies.push(body);
        return true;
      })
      .reply(201, {});

    await probot.receive({
      id: "r1",
      name: "issue_comment",
      payload: commentCreated({
        labels: [],
        comment: "/disruption report 2026-10",
        commenter: "maya",
      }),
    });

    expect(queries).toHaveLength(4);
    expect(queries[0]?.variables).toEqual({
      owner: OWNER,
      name: REPO,
      labels: ["disruption"],
      since: "2025-11-01T00:00:00.000Z",
    });
    expect(edits).toHaveLength(1);
    expect(edits[0]?.title).toBe("Disruption report: October 2026");
    expect(edits[0]?.body).toContain(marker);
    expect(edits[0]?.body).toContain("| Disruptions | 101 | 100 | +1 |");
    expect(replies).toEqual([
      {
        body: `<!-- disruption-reports:reply:492700400 -->\nUpdated [Disruption report: October 2026](https://github.com/${OWNER}/${REPO}/issues/95) (#95).`,
      },
    ]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("creates the issue with its label for the previous month when none exists, and refuses a reader", async () => {
    const probot = await testProbot();
    const created: { title: string; labels: string[]; body: string }[] = [];
    const labels: { name: string; color: string }[] = [];
    const scope = nock(API)
      .get(`${repoPath}/collaborators/maya/permission`)
      .reply(200, { permission: "admin", role_name: "admin", user: { login: "maya" } })
      .get(configPath)
      .reply(404, {})
      .get(`/repos/${OWNER}/.github/contents/.github%2Fdisruption-reports.yml`)
      .reply(404, {})
      .post("/graphql")
      .reply(200, page([node(7, "2026-10-05 10:00 UTC")], null))
      .post("/graphql")
      .reply(200, page([], null))
      .get(`${repoPath}/issues`)
      .query(true)
      .reply(200, [])
      .post(`${repoPath}/labels`, (body) => {
        labels.push(body);
        return true;
      })
      .reply(201, {})
      .post(`${repoPath}/issues`, (body) => {
        created.push(body);
        return true;
      })
      .reply(201, { number: 100, html_url: `https://github.com/${OWNER}/${REPO}/issues/100` })
      // After a create, the month's issues are listed once more: a twin from a concurrent publish is closed.
      .get(`${repoPath}/issues`)
      .query(true)
      .reply(200, [
        {
          number: 100,
          title: "Disruption report: October 2026",
          body: "<!-- disruption-reports:analytics month=2026-10 -->",
          html_url: `https://github.com/${OWNER}/${REPO}/issues/100`,
        },
      ])
      .get(`${repoPath}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`${repoPath}/issues/1/comments`, {
        body: `<!-- disruption-reports:reply:492700400 -->\nPublished [Disruption report: October 2026](https://github.com/${OWNER}/${REPO}/issues/100) (#100).`,
      })
      .reply(201, {})
      .get(`${repoPath}/collaborators/rita/permission`)
      .reply(200, { permission: "read", role_name: "read", user: { login: "rita" } })
      .get(`${repoPath}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, [])
      .post(`${repoPath}/issues/1/comments`, {
        body: "<!-- disruption-reports:reply:492700400 -->\n@rita publishing the disruption analytics needs write permission on this repository (your role: read).",
      })
      .reply(201, {});

    await probot.receive({
      id: "r2",
      name: "issue_comment",
      payload: commentCreated({ labels: [], comment: "/disruption report", commenter: "maya" }),
    });
    await probot.receive({
      id: "r3",
      name: "issue_comment",
      payload: commentCreated({ labels: [], comment: "/disruption report", commenter: "rita" }),
    });

    expect(created).toHaveLength(1);
    expect(created[0]?.title).toBe("Disruption report: October 2026");
    expect(created[0]?.labels).toEqual(["disruption-analytics"]);
    expect(labels).toEqual([
      {
        name: "disruption-analytics",
        color: "5319e7",
        description: "Monthly disruption analytics (Disruption Reports)",
      },
    ]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { capture, commentsNow, configPath, issueNow, repoPath } from "../helpers/github-mocks.js";
import { issueOpened } from "../helpers/payloads.js";
import { API, testProbot, unexpected, useNock } from "../helpers/probot.js";

useNock();

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, "../fixtures/templates/upptime-down/issue.json"), "utf8"),
);
const labels = ["status", "checkout-api"];

describe("intake with template: upptime", () => {
  it("reads an issue Upptime opened (service from the title, Started from its creation), appends only the Overview table and labels it", async () => {
    const probot = await testProbot();
    const patches: { body?: string }[] = [];
    const added: { labels: string[] }[] = [];
    const scope = nock(API)
      .get(configPath)
      .reply(200, "template: upptime\n", { "content-type": "text/plain; charset=utf-8" });
    issueNow(scope, { body: fixture.body, labels })
      .get(`${repoPath}/labels`)
      .query({ per_page: 100 })
      .reply(
        200,
        labels.map((name) => ({ name })),
      )
      .post(`${repoPath}/labels`)
      .times(3)
      .reply(201, {});
    issueNow(scope, { body: fixture.body, labels })
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {})
      .post(`${repoPath}/issues/1/labels`, capture(added))
      .reply(200, []);
    commentsNow(scope, []);

    const payload = issueOpened({ body: fixture.body, labels, title: fixture.title });
    (payload.issue as { created_at: string }).created_at = fixture.created_at;
    await probot.receive({ id: "u1", name: "issues", payload });

    const body = patches[0]?.body ?? "";
    expect(patches).toHaveLength(1);
    // Upptime's lines stay first and unchanged; the table comes after them.
    expect(body.startsWith(fixture.body)).toBe(true);
    expect(body.slice(fixture.body.length)).toContain("| Services | Checkout API |");
    expect(body).toContain("| Started | 2026-10-14 09:12:08 UTC |");
    expect(body).toContain("| Resolved |  |");
    expect(added).toEqual([
      { labels: ["type: infrastructure", "severity: sev2", "service: checkout api"] },
    ]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

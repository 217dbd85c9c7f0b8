import { readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { MAX_BODY_LENGTH } from "../../src/limits/github-limits.js";
import { fillReport } from "../../src/report/fill-report.js";
import {
  capture,
  commentsNow,
  configPath,
  issueNow,
  noConfig,
  orgConfigPath,
  repoPath,
} from "../helpers/github-mocks.js";
import {
  BOT_LOGIN,
  issueEdited,
  issueLabeled,
  issueOpened,
  OWNER,
  REPO,
} from "../helpers/payloads.js";
import { API, testProbot, unexpected, useNock } from "../helpers/probot.js";

useNock();

const formBody = readFileSync(join(import.meta.dirname, "../../examples/form-report.md"), "utf8");
const filled = fillReport(formBody);
const labelsWhenFilled = [
  "disruption",
  "type: infrastructure",
  "severity: sev2",
  "service: api",
  "service: checkout",
];

describe("issues.opened", () => {
  it("fills a form report, creates the missing labels, reads the issue again, then writes the body and adds the labels by name", async () => {
    const probot = await testProbot();
    const created: { name: string; color: string; description: string }[] = [];
    const patches: { body?: string; labels?: string[] }[] = [];
    const added: { labels: string[] }[] = [];
    const scope = issueNow(noConfig(nock(API)), { body: formBody, labels: ["disruption"] })
      .get(`${repoPath}/labels`)
      .query({ per_page: 100 })
      .reply(200, [{ name: "disruption" }, { name: "service: api" }])
      .post(`${repoPath}/labels`, capture(created))
      .times(3)
      .reply(201, {});
    // Creating labels takes a second each: the issue is read again right before the write.
    issueNow(scope, { body: formBody, labels: ["disruption", "needs-triage"] })
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {})
      .post(`${repoPath}/issues/1/labels`, capture(added))
      .reply(200, []);
    commentsNow(scope, []);

    await probot.receive({
      id: "d1",
      name: "issues",
      payload: issueOpened({ body: formBody, labels: ["disruption"] }),
    });

    expect(patches).toEqual([{ body: filled }]);
    expect(added).toEqual([{ labels: labelsWhenFilled.slice(1) }]);
    expect(patches[0]?.body).toContain("| Time to detect | 7 min |");
    expect(created.map((label) => label.name)).toEqual([
      "type: infrastructure",
      "severity: sev2",
      "service: checkout",
    ]);
    expect(created[1]).toEqual({
      name: "severity: sev2",
      color: "d93f0b",
      description: "SEV2: major functionality broken (critical)",
    });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("keeps a blank report's text under Summary and posts one comment listing what is missing", async () => {
    const probot = await testProbot();
    const patches: { body?: string; labels?: string[] }[] = [];
    const comments: { body: string }[] = [];
    const text = "The checkout page was down for a while.\r\nNot sure when it started.";
    const scope = issueNow(noConfig(nock(API)), { body: text, labels: ["disruption"] })
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {});
    commentsNow(scope, [])
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 7 });

    await probot.receive({
      id: "d2",
      name: "issues",
      payload: issueOpened({ body: text, labels: ["disruption"] }),
    });

    expect(patches).toHaveLength(1);
    expect(patches[0]?.labels).toBeUndefined();
    expect(patches[0]?.body).toContain(
      // The author's text verbatim, line endings included.
      "## Summary\n\nThe checkout page was down for a while.\r\nNot sure when it started.",
    );
    expect(patches[0]?.body).toContain("| Field | Value |");
    expect(comments).toHaveLength(1);
    const comment = comments[0]?.body ?? "";
    expect(comment).toContain("<!-- disruption-reports:problems -->");
    expect(comment).toContain("could not read 5 things");
    for (const missing of [
      "Services is missing",
      "Type is missing",
      "Severity is missing",
      "Started is missing",
      "Detected is missing",
    ]) {
      expect(comment).toContain(missing);
    }
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("makes no API call for an issue without labels", async () => {
    const probot = await testProbot();
    await probot.receive({
      id: "d3",
      name: "issues",
      payload: issueOpened({ body: formBody, labels: [] }),
    });
    expect(unexpected).toEqual([]);
  });

  it("reads only the config for a labelled issue that is not a report", async () => {
    const probot = await testProbot();
    const scope = noConfig(nock(API));
    await probot.receive({
      id: "d4",
      name: "issues",
      payload: issueOpened({ body: formBody, labels: ["bug"] }),
    });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("does not send a body over GitHub's limit and says so in the comment", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const patches: { body?: string; labels?: string[] }[] = [];
    const huge = `${formBody.replace("### Supporting documentation\n\n_No response_", "### Supporting documentation\n\n")}${"x".repeat(64_700)}`;
    expect(huge.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    const added: { labels: string[] }[] = [];
    const scope = issueNow(noConfig(nock(API)), { body: huge, labels: ["disruption"] })
      .get(`${repoPath}/labels`)
      .query({ per_page: 100 })
      .reply(
        200,
        labelsWhenFilled.map((name) => ({ name })),
      )
      .post(`${repoPath}/issues/1/labels`, capture(added))
      .reply(200, []);
    commentsNow(scope, [])
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 8 });

    await probot.receive({
      id: "d5",
      name: "issues",
      payload: issueOpened({ body: huge, labels: ["disruption"] }),
    });

    expect(patches).toEqual([]);
    expect(added).toEqual([{ labels: labelsWhenFilled.slice(1) }]);
    expect(comments[0]?.body).toMatch(
      /The filled report would be [\d,]+ characters, over GitHub's limit of 65,536/,
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

describe("issues.labeled", () => {
  it("fills an existing issue when the report label is added, looking for an earlier problems comment", async () => {
    const probot = await testProbot();
    const patches: { body?: string; labels?: string[] }[] = [];
    const added: { labels: string[] }[] = [];
    const scope = issueNow(noConfig(nock(API)), { body: formBody, labels: ["bug", "disruption"] })
      .get(`${repoPath}/labels`)
      .query({ per_page: 100 })
      .reply(
        200,
        labelsWhenFilled.map((name) => ({ name })),
      )
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {})
      .post(`${repoPath}/issues/1/labels`, capture(added))
      .reply(200, []);
    commentsNow(scope, [{ id: 1, body: "Adding this to the disruption log." }]);

    await probot.receive({
      id: "d6",
      name: "issues",
      payload: issueLabeled({
        body: formBody,
        labels: ["bug", "disruption"],
        label: "disruption",
        comments: 3,
      }),
    });

    expect(patches).toEqual([{ body: filled }]);
    expect(added).toEqual([{ labels: labelsWhenFilled.slice(1) }]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("costs nothing for the labeled events that follow the opening of a form report", async () => {
    const probot = await testProbot();
    await probot.receive({
      id: "d6b",
      name: "issues",
      payload: issueLabeled({
        body: formBody,
        labels: ["disruption"],
        label: "disruption",
        atCreation: true,
      }),
    });
    expect(unexpected).toEqual([]);
  });

  it("ignores other labels being added", async () => {
    const probot = await testProbot();
    const scope = noConfig(nock(API));
    await probot.receive({
      id: "d7",
      name: "issues",
      payload: issueLabeled({ body: filled, labels: labelsWhenFilled, label: "service: api" }),
    });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

describe("issues.edited", () => {
  it("moves the severity label when the severity changes, and leaves the body alone", async () => {
    const probot = await testProbot();
    const edited = filled.replace(
      "| Severity | SEV2 — major functionality broken |",
      "| Severity | SEV1 |",
    );
    const added: { labels: string[] }[] = [];
    const created: { name: string }[] = [];
    // Another tool added needs-triage after the edit: it stays.
    const now = { body: edited, labels: [...labelsWhenFilled, "needs-triage"] };
    const scope = issueNow(noConfig(nock(API)), now)
      .get(`${repoPath}/labels`)
      .query({ per_page: 100 })
      .reply(
        200,
        labelsWhenFilled.map((name) => ({ name })),
      )
      .post(`${repoPath}/labels`, capture(created))
      .reply(201, {});
    issueNow(scope, now)
      .post(`${repoPath}/issues/1/labels`, capture(added))
      .reply(200, [])
      .delete(`${repoPath}/issues/1/labels/severity%3A%20sev2`)
      .reply(200, []);

    await probot.receive({
      id: "d8",
      name: "issues",
      payload: issueEdited({
        body: edited,
        previousBody: filled,
        labels: labelsWhenFilled,
        comments: 0,
      }),
    });

    expect(added).toEqual([{ labels: ["severity: sev1"] }]);
    expect(created.map((label) => label.name)).toEqual(["severity: sev1"]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("rewrites only the derived rows when a time changes", async () => {
    const probot = await testProbot();
    const edited = filled.replace(
      "| Resolved | 2026-11-20 15:30 UTC |",
      "| Resolved | 2026-11-20 16:30 UTC |",
    );
    const patches: { body?: string }[] = [];
    const scope = issueNow(noConfig(nock(API)), { body: edited, labels: labelsWhenFilled })
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {});

    await probot.receive({
      id: "d9",
      name: "issues",
      payload: issueEdited({ body: edited, previousBody: filled, labels: labelsWhenFilled }),
    });

    const expected = edited
      .replace("| Length | 1 h 25 min |", "| Length | 2 h 25 min |")
      .replace("| Time to resolve | 1 h 18 min |", "| Time to resolve | 2 h 18 min |");
    expect(patches).toEqual([{ body: expected }]);
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("costs only the config read when nothing derived changed", async () => {
    const probot = await testProbot();
    const edited = filled.replace(
      "ran out of connections.",
      "ran out of connections after a deploy.",
    );
    const scope = noConfig(nock(API));
    await probot.receive({
      id: "d10",
      name: "issues",
      payload: issueEdited({
        body: edited,
        previousBody: filled,
        labels: labelsWhenFilled,
        comments: 2,
      }),
    });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("acts on every edit that matters in a run of edits, prose-only ones among them", async () => {
    const probot = await testProbot();
    const summary =
      "Checkout requests failed for 85 minutes because the primary database ran out of connections.";
    const reworded = filled.replace(summary, `${summary} The pool was sized for v2.2.`);
    const again = reworded.replace("sized for v2.2.", "sized for v2.2 (20 connections).");
    const item = again.replace("add a connection-pool alert", "add a pool saturation alert");
    const done = item.replace("- [ ] @alice add", "- [x] @alice add");
    const emptied = item.replace(/Checkout requests failed[^\n]*/, "_No response_");
    const severe = emptied.replace(
      "| Severity | SEV2 — major functionality broken |",
      "| Severity | SEV1 |",
    );
    const edit = (id: string, body: string, previousBody: string) =>
      probot.receive({
        id,
        name: "issues",
        payload: issueEdited({ body, previousBody, labels: labelsWhenFilled, comments: 1 }),
      });
    // Two edits of the summary's prose and one of an item's wording: nothing to write (the config
    // is read once, then remembered).
    const quiet = noConfig(nock(API));
    await edit("r1", reworded, filled);
    await edit("r2", again, reworded);
    await edit("r2-item", item, again);
    expect(quiet.pendingMocks()).toEqual([]);

    // An item checked: the derived row counts it.
    const patches: { body?: string }[] = [];
    const counted = issueNow(nock(API), { body: done, labels: labelsWhenFilled })
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {});
    await edit("r2-done", done, item);
    expect(patches).toEqual([
      { body: done.replace("| Action items | 1 of 2 done |", "| Action items | 2 of 2 done |") },
    ]);
    expect(counted.pendingMocks()).toEqual([]);

    // The summary emptied: the problems comment says so.
    const comments: { body: string }[] = [];
    const told = commentsNow(issueNow(nock(API), { body: emptied, labels: labelsWhenFilled }), [])
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 56 });
    await edit("r3", emptied, item);
    expect(comments[0]?.body).toContain("Summary is missing");
    expect(told.pendingMocks()).toEqual([]);

    // The severity changed in the Overview table: the label moves.
    const added: { labels: string[] }[] = [];
    const moved = issueNow(nock(API), { body: severe, labels: labelsWhenFilled })
      .get(`${repoPath}/labels`)
      .query({ per_page: 100 })
      .reply(
        200,
        [...labelsWhenFilled, "severity: sev1"].map((name) => ({ name })),
      )
      .post(`${repoPath}/issues/1/labels`, capture(added))
      .reply(200, [])
      .delete(`${repoPath}/issues/1/labels/severity%3A%20sev2`)
      .reply(200, []);
    await edit("r4", severe, emptied);
    expect(added).toEqual([{ labels: ["severity: sev1"] }]);
    expect(moved.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("makes no call at all for the app's own edit coming back", async () => {
    const probot = await testProbot();
    await probot.receive({
      id: "d11",
      name: "issues",
      payload: issueEdited({
        body: filled,
        previousBody: formBody,
        labels: labelsWhenFilled,
        sender: { login: BOT_LOGIN, type: "Bot" },
      }),
    });
    expect(unexpected).toEqual([]);
  });

  it("keeps one problems comment: created when problems appear, edited as they change, edited once fixed", async () => {
    const probot = await testProbot();
    const broken = filled.replace("| Started | 2026-11-20 14:05 UTC |", "| Started | yesterday |");
    const different = filled.replace(
      "| Started | 2026-11-20 14:05 UTC |",
      "| Started | 2026-11-20 14:05 IST |",
    );
    const comments: { body: string }[] = [];
    const updates: { body: string }[] = [];
    const problemsComment = (body: string) => [
      { id: 1, body: "Thanks!" },
      { id: 55, body },
    ];
    const scope = issueNow(noConfig(nock(API)), { body: broken, labels: labelsWhenFilled })
      .patch(`${repoPath}/issues/1`)
      .reply(200, {});
    // The look-up is made whatever the payload's comment count says (a snapshot, stale on a redelivery).
    commentsNow(scope, [])
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 55 });
    await probot.receive({
      id: "e1",
      name: "issues",
      payload: issueEdited({
        body: broken,
        previousBody: filled,
        labels: labelsWhenFilled,
        comments: 0,
      }),
    });
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("Started: could not read `yesterday` as a date and time");
    expect(scope.pendingMocks()).toEqual([]);

    // The missing config is remembered for a minute (README, "API cost"): later events read none.
    const scope2 = issueNow(nock(API), { body: different, labels: labelsWhenFilled })
      .patch(`${repoPath}/issues/1`)
      .reply(200, {})
      .get(`${repoPath}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, problemsComment(comments[0]?.body ?? ""))
      .patch(`${repoPath}/issues/comments/55`, capture(updates))
      .reply(200, {});
    await probot.receive({
      id: "e2",
      name: "issues",
      payload: issueEdited({
        body: different,
        previousBody: broken,
        labels: labelsWhenFilled,
        comments: 2,
      }),
    });
    expect(updates).toHaveLength(1);
    expect(updates[0]?.body).toContain("names more than one time zone");
    expect(scope2.pendingMocks()).toEqual([]);

    const scope3 = issueNow(nock(API), { body: filled, labels: labelsWhenFilled })
      .get(`${repoPath}/issues/1/comments`)
      .query({ per_page: 100 })
      .reply(200, problemsComment(updates[0]?.body ?? ""))
      .patch(`${repoPath}/issues/comments/55`, capture(updates))
      .reply(200, {});
    await probot.receive({
      id: "e3",
      name: "issues",
      payload: issueEdited({
        body: filled,
        previousBody: different,
        labels: labelsWhenFilled,
        comments: 2,
      }),
    });
    expect(updates).toHaveLength(2);
    expect(updates[1]?.body).toBe(
      "<!-- disruption-reports:problems -->\n**All is well:** every field of this report reads correctly now. Thank you for fixing it.",
    );
    expect(comments).toHaveLength(1);
    expect(scope3.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

describe("configuration", () => {
  it("acts on nothing but one comment naming the file, the key and what is wrong", async () => {
    const probot = await testProbot();
    const comments: { body: string }[] = [];
    const scope = nock(API)
      .get(configPath)
      .reply(200, "timeZone: Mars/Olympus\nlabels:\n  serviceLabel: false\n", {
        "content-type": "application/vnd.github.raw",
      });
    commentsNow(scope, [])
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 9 });

    await probot.receive({
      id: "c1",
      name: "issues",
      payload: issueOpened({ body: formBody, labels: ["disruption"] }),
    });

    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? "";
    expect(body).toContain(`\`${OWNER}/${REPO}:.github/disruption-reports.yml\` is not valid`);
    expect(body).toContain(
      "- `timeZone` is not an IANA time zone name (for example UTC or Europe/Berlin)",
    );
    expect(body).toContain("- `labels.serviceLabel` is not a known key");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("uses the owner's .github repository when the repository has no config", async () => {
    const probot = await testProbot();
    const patches: { body?: string; labels?: string[] }[] = [];
    const scope = nock(API)
      .get(configPath)
      .reply(404, { message: "Not Found" })
      .get(orgConfigPath)
      .reply(200, "timeZone: Europe/Berlin\nlabels:\n  serviceLabels: false\n", {
        "content-type": "application/vnd.github.raw",
      });
    const formInBerlin = formBody.replace("14:12 UTC", "14:12");
    const added: { labels: string[] }[] = [];
    issueNow(scope, { body: formInBerlin, labels: ["disruption"] })
      .get(`${repoPath}/labels`)
      .query({ per_page: 100 })
      .reply(
        200,
        labelsWhenFilled.map((name) => ({ name })),
      )
      .patch(`${repoPath}/issues/1`, capture(patches))
      .reply(200, {})
      .post(`${repoPath}/issues/1/labels`, capture(added))
      .reply(200, []);
    commentsNow(scope, []);

    await probot.receive({
      id: "c2",
      name: "issues",
      // Times without a zone, read in the owner's configured zone.
      payload: issueOpened({ body: formInBerlin, labels: ["disruption"] }),
    });

    expect(added[0]?.labels).toEqual(["type: infrastructure", "severity: sev2"]);
    expect(patches[0]?.body).toContain("| Time to detect | 7 min |");
    expect(patches[0]?.body).toContain("| Started | 2026-11-20 14:05 Europe/Berlin |");
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

describe("read before write", () => {
  it("a redelivered opened event on a filled, edited report changes nothing and posts no second problems comment", async () => {
    const probot = await testProbot();
    // Since the first delivery: filled by the app, then the author wrote a lesson.
    const edited = filled.replace(
      "<!-- At least three key learnings. -->",
      "<!-- At least three key learnings. -->\n\nPools need alerts.",
    );
    const scope = issueNow(noConfig(nock(API)), { body: edited, labels: labelsWhenFilled });
    commentsNow(scope, []);

    await probot.receive({
      id: "r1",
      name: "issues",
      payload: issueOpened({ body: formBody, labels: ["disruption"] }),
    });
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  it("caps service labels so the issue stays within GitHub's 100 labels, and says so in the problems comment", async () => {
    const probot = await testProbot();
    const services = Array.from({ length: 1000 }, (_, i) => `svc${i}`);
    const body = filled.replace(
      "| Services | api, checkout |",
      `| Services | ${services.join(", ")} |`,
    );
    const current = ["disruption", "type: infrastructure", "severity: sev2", "needs-triage"];
    const added: { labels: string[] }[] = [];
    const comments: { body: string }[] = [];
    const scope = issueNow(noConfig(nock(API)), { body, labels: current })
      .get(`${repoPath}/labels`)
      .query({ per_page: 100 })
      .reply(
        200,
        services.map((name) => ({ name: `service: ${name}` })),
      )
      .post(`${repoPath}/issues/1/labels`, capture(added))
      .reply(200, []);
    commentsNow(scope, [])
      .post(`${repoPath}/issues/1/comments`, capture(comments))
      .reply(201, { id: 3 });

    await probot.receive({
      id: "r2",
      name: "issues",
      payload: issueEdited({ body, previousBody: filled, labels: current }),
    });
    expect(added[0]?.labels).toHaveLength(96);
    expect(current.length + (added[0]?.labels.length ?? 0)).toBe(100);
    expect(comments[0]?.body).toContain(
      "Services: 904 services have no label, because GitHub allows at most 100 labels on an issue. They stay in the Overview table",
    );
    expect(scope.pendingMocks()).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

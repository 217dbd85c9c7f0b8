import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMAND_INCIDENT_TITLE, playCommandIncident } from "../../dev/demo/command-incident.js";
import { REPO, seedRepository } from "../../dev/demo/scenario.js";
import { type Harness, startHarness } from "../../dev/demo/start-harness.js";
import { calls } from "../helpers/step-calls.js";

let harness: Harness;

beforeEach(async () => {
  let tick = 0;
  harness = await startHarness({
    githubNow: () => new Date(Date.parse("2026-11-20T16:00:00Z") + 1000 * tick++),
    appClock: () => DateTime.fromISO("2026-11-20T16:30:00Z"),
  });
  seedRepository(harness);
});

afterEach(async () => {
  await harness.close();
});

describe("commands during a disruption, through the real server", () => {
  it("declares, records times and timeline rows, refuses a time out of order, with these exact API calls", async () => {
    const steps = await playCommandIncident(harness);
    const { store } = harness.github;
    const report = store.issues(REPO).find((issue) => issue.title === COMMAND_INCIDENT_TITLE);
    if (!report) throw new Error("no incident issue");
    const n = report.number;
    // Read once; later events within GitHub's max-age (a minute) use it without asking.
    const config = "GET /repos/acme/ops/contents/.github/disruption-reports.yml";
    const comments = store.comments(REPO, n);
    const [declare, record, refused, mitigated, resolved] = comments.filter(
      (comment) => comment.user !== store.bot.login,
    );
    const reactions = `/repos/acme/ops/issues/comments`;

    // 1. declare + severity + type + services: one body PATCH, the labels by name, the problems
    // comment as for a new report; the app's own edit, labels and comment cost nothing.
    expect(calls(steps[0])).toEqual([
      "POST /app/installations/10001/access_tokens",
      `POST ${reactions}/${declare?.id}/reactions`,
      "GET /repos/acme/ops/collaborators/sam/permission",
      config,
      `GET /repos/acme/ops/issues/${n}`,
      "GET /repos/acme/ops/labels",
      "POST /repos/acme/ops/labels",
      "POST /repos/acme/ops/labels",
      "POST /repos/acme/ops/labels",
      `GET /repos/acme/ops/issues/${n}`,
      `PATCH /repos/acme/ops/issues/${n}`,
      `POST /repos/acme/ops/issues/${n}/labels`,
      `GET /repos/acme/ops/issues/${n}/comments`,
      `POST /repos/acme/ops/issues/${n}/comments`,
      `POST ${reactions}/${declare?.id}/reactions`,
      "GET /app",
    ]);
    expect(
      steps
        .slice(0, 5)
        .flatMap((step) => step.deliveries)
        .every((d) => d.status === 200),
    ).toBe(true);

    // 2. Four commands in one comment: one PATCH; the problems comment says all is well now.
    expect(calls(steps[1])).toEqual([
      `POST ${reactions}/${record?.id}/reactions`,
      "GET /repos/acme/ops/collaborators/maya/permission",
      `GET /repos/acme/ops/issues/${n}`,
      `PATCH /repos/acme/ops/issues/${n}`,
      `GET /repos/acme/ops/issues/${n}/comments`,
      `PATCH /repos/acme/ops/issues/comments/${comments[1]?.id}`,
      `POST ${reactions}/${record?.id}/reactions`,
    ]);

    // 3. Refused: no body write, 😕 and the refusal comment.
    expect(calls(steps[2])).toEqual([
      `POST ${reactions}/${refused?.id}/reactions`,
      "GET /repos/acme/ops/collaborators/sam/permission",
      `GET /repos/acme/ops/issues/${n}`,
      `POST ${reactions}/${refused?.id}/reactions`,
      `GET /repos/acme/ops/issues/${n}/comments`,
      `POST /repos/acme/ops/issues/${n}/comments`,
    ]);

    // 4, 5. One command each: six calls.
    for (const [step, comment, who] of [
      [steps[3], mitigated, "maya"],
      [steps[4], resolved, "sam"],
    ] as const) {
      expect(calls(step)).toEqual([
        `POST ${reactions}/${comment?.id}/reactions`,
        `GET /repos/acme/ops/collaborators/${who}/permission`,
        `GET /repos/acme/ops/issues/${n}`,
        `PATCH /repos/acme/ops/issues/${n}`,
        `POST ${reactions}/${comment?.id}/reactions`,
      ]);
    }

    const reacted = (id: number | undefined) =>
      store
        .comment(REPO, id ?? 0)
        .reactions.map((reaction) => `${reaction.content} by ${reaction.user}`);
    expect(reacted(declare?.id)).toEqual([
      "eyes by disruption-reports[bot]",
      "+1 by disruption-reports[bot]",
    ]);
    expect(reacted(refused?.id)).toEqual([
      "eyes by disruption-reports[bot]",
      "confused by disruption-reports[bot]",
    ]);
    const refusal = comments.find((comment) => comment.body.includes("command-refused"));
    expect(refusal?.body).toContain(
      "- `/disruption mitigated 16:41`: Mitigated (2026-11-20 16:41 Europe/Berlin) is before Detected (2026-11-20 16:42 Europe/Berlin)",
    );

    // The rows of the issue's own history (the sync after these steps) aside: see the next test.
    const body = (store.issue(REPO, n).body ?? "")
      .split("\n")
      .filter((line) => !line.includes("<!-- dr:sync="))
      .join("\n");
    expect(body).toContain("| Started | 2026-11-20 16:40 Europe/Berlin |");
    expect(body).toContain("| Time to mitigate | 10 min |");
    expect(body).toContain(
      [
        "| Time | Party | Event | Effect |",
        "| --- | --- | --- | --- |",
        `| 2026-11-20 16:42 Europe/Berlin | maya | Detected | neutral <!-- dr:c=${record?.id} --> |`,
        `| 2026-11-20 16:44 Europe/Berlin | maya | Acknowledged | neutral <!-- dr:c=${record?.id} --> |`,
        `| 2026-11-20 16:46 Europe/Berlin | maya | the primary load balancer drops TLS handshakes | negative <!-- dr:c=${record?.id} --> |`,
        `| 2026-11-20 16:49 Europe/Berlin | maya | failed over to the secondary load balancer | positive <!-- dr:c=${record?.id} --> |`,
        `| 2026-11-20 16:52 Europe/Berlin | maya | Mitigated | positive <!-- dr:c=${mitigated?.id} --> |`,
      ].join("\n"),
    );
    expect(store.issue(REPO, n).labels).toEqual([
      "disruption",
      "type: network",
      "severity: sev2",
      "service: payments-api",
    ]);
  });

  it("syncs the timeline from the issue's history on command and once at a close that stands: one GraphQL query, one PATCH, each event once", async () => {
    const steps = await playCommandIncident(harness);
    const { store } = harness.github;
    const report = store.issues(REPO).find((issue) => issue.title === COMMAND_INCIDENT_TITLE);
    const n = report?.number ?? 0;
    const sync = store.comments(REPO, n).findLast((c) => c.body === "/disruption timeline sync");
    const fix = store.issues(REPO).find((issue) => issue.pullRequest !== null);
    const reactions = `/repos/acme/ops/issues/comments/${sync?.id}/reactions`;
    expect(calls(steps[5])).toEqual([
      `POST ${reactions}`,
      "GET /repos/acme/ops/collaborators/sam/permission",
      // The config was read by the first command, within GitHub's max-age: not asked again.
      `GET /repos/acme/ops/issues/${n}`,
      "POST /graphql",
      `PATCH /repos/acme/ops/issues/${n}`,
      `POST ${reactions}`,
    ]);
    expect(steps[5]?.deliveries[0]?.calls[3]?.operation).toBe("graphql IssueHistory");
    const events = store.issue(REPO, n).events;
    const id = (kind: string, nth = 0) =>
      events.filter((event) => event.kind === kind)[nth]?.id ?? 0;
    const labeled = events.find((event) => event.label === "severity: sev2")?.id ?? 0;
    const marker = (prefix: string, eventId: number) =>
      `<!-- dr:sync=${prefix}_${Buffer.from(`${prefix}:${eventId}`).toString("base64url")} -->`;

    // sam's first close: the guard reopens it (no action item on a SEV2); no sync for it.
    // The config comes from the cache (read within GitHub's max-age), as for every event here.
    expect(calls(steps[6])).toEqual([
      `GET /repos/acme/ops/issues/${n}`,
      `GET /repos/acme/ops/issues/${n}/comments`,
      `POST /repos/acme/ops/issues/${n}/comments`,
      `PATCH /repos/acme/ops/issues/${n}`,
    ]);
    // The second close stands: the issue read now, its history, one PATCH with the new rows.
    expect(calls(steps[7])).toEqual([
      `GET /repos/acme/ops/issues/${n}`,
      "POST /graphql",
      `PATCH /repos/acme/ops/issues/${n}`,
    ]);
    const body = store.issue(REPO, n).body ?? "";
    const rows = body.split("\n").filter((line) => line.includes("<!-- dr:"));
    // The history's rows among the commands' (which are unchanged), in time order.
    expect(rows.filter((row) => row.includes("dr:sync="))).toEqual([
      "| 2026-11-20 16:40 Europe/Berlin | sam | Issue opened | neutral <!-- dr:sync=opened --> |",
      `| 2026-11-20 16:50 Europe/Berlin | maya | Pull request #${fix?.number} opened | neutral <!-- dr:sync=pr${fix?.number}-opened --> |`,
      `| 2026-11-20 16:51 Europe/Berlin | maya | Pull request #${fix?.number} merged | positive <!-- dr:sync=pr${fix?.number}-merged --> |`,
      `| 2026-11-20 17:00 Europe/Berlin | disruption-reports | Severity SEV2 | neutral ${marker("LE", labeled)} |`,
      `| 2026-11-20 17:00 Europe/Berlin | sam | Closed (completed) | neutral ${marker("CE", id("closed"))} |`,
      `| 2026-11-20 17:00 Europe/Berlin | disruption-reports | Reopened | neutral ${marker("RE", id("reopened"))} |`,
      `| 2026-11-20 17:00 Europe/Berlin | sam | Closed (completed) | neutral ${marker("CE", id("closed", 1))} |`,
    ]);
    expect(rows.map((row) => row.split(" | ")[2])).toEqual([
      "Issue opened",
      "Detected",
      "Acknowledged",
      "the primary load balancer drops TLS handshakes",
      "failed over to the secondary load balancer",
      `Pull request #${fix?.number} opened`,
      `Pull request #${fix?.number} merged`,
      "Mitigated",
      "Declared a disruption",
      "Severity set to SEV2",
      "Type set to Network",
      "Services set to payments-api",
      "Resolved",
      "Severity SEV2",
      "Closed (completed)",
      "Reopened",
      "Closed (completed)",
    ]);
    expect(store.comment(REPO, sync?.id ?? 0).reactions.map((r) => r.content)).toEqual([
      "eyes",
      "+1",
    ]);

    // A second sync finds every row by its marker: no PATCH, and the body stays as it is.
    const again = store.createComment("maya", REPO, n, "/disruption timeline sync");
    const [delivery] = await harness.settle();
    expect(delivery?.calls.map((call) => call.method)).not.toContain("PATCH");
    expect(store.issue(REPO, n).body).toBe(body);
    expect(store.comment(REPO, again.id).reactions.map((r) => r.content)).toEqual(["eyes", "+1"]);
  });

  it("applies a redelivered command comment once", async () => {
    await playCommandIncident(harness);
    const { store } = harness.github;
    const n = store.issues(REPO).find((issue) => issue.title === COMMAND_INCIDENT_TITLE)?.number;
    const before = store.issue(REPO, n ?? 0).body;
    const created = harness.github.webhooks.filter(
      (event) => event.event === "issue_comment.created",
    );
    const resolved = created.findLast((event) =>
      JSON.stringify(event.payload).includes("/disruption resolved"),
    );
    if (!resolved) throw new Error("no resolved comment");
    const again = await harness.deliver(resolved);
    expect(again.status).toBe(200);
    expect(again.calls.map((call) => call.method)).not.toContain("PATCH");
    expect(store.issue(REPO, n ?? 0).body).toBe(before);
  });
});

import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMAND_INCIDENT_TITLE, playCommandIncident } from "../../dev/demo/command-incident.js";
import { REPO, type Step, seedRepository } from "../../dev/demo/scenario.js";
import { type Harness, startHarness } from "../../dev/demo/start-harness.js";

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

/** `METHOD path` of each API call the app made while handling a step's deliveries. */
function calls(step: Step | undefined): string[] {
  return (step?.deliveries ?? []).flatMap((delivery) =>
    delivery.calls.map((call) => `${call.method} ${decodeURIComponent(call.path)}`),
  );
}

describe("commands during a disruption, through the real server", () => {
  it("declares, records times and timeline rows, refuses a time out of order, with these exact API calls", async () => {
    const steps = await playCommandIncident(harness);
    const { store } = harness.github;
    const report = store.issues(REPO).find((issue) => issue.title === COMMAND_INCIDENT_TITLE);
    if (!report) throw new Error("no incident issue");
    const n = report.number;
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
      config,
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
      config,
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
        config,
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

    const body = store.issue(REPO, n).body ?? "";
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

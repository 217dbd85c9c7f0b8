import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FORM_BODY, REPO, seedRepository } from "../../dev/demo/scenario.js";
import { type Harness, startHarness } from "../../dev/demo/start-harness.js";
import type { WebhookEvent } from "../../dev/local-github/index.js";

const READ_ISSUE = "GET /repos/{owner}/{repo}/issues/{issue_number}";
const CREATE_LABEL = "POST /repos/{owner}/{repo}/labels";
const PATCH_ISSUE = "PATCH /repos/{owner}/{repo}/issues/{issue_number}";
const LESSON_PLACEHOLDER = "<!-- At least three key learnings. -->";

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

/** maya files the form; returns the issue number and its `opened` event. */
function file(): { n: number; opened: WebhookEvent } {
  const issue = harness.github.store.createIssue("maya", REPO, {
    title: "[Disruption] Checkout failing for EU customers",
    body: FORM_BODY,
    labels: ["disruption"],
  });
  const opened = harness.github.webhooks.find(
    (event) => event.event === "issues.opened" && event.payload.issue,
  );
  if (!opened) throw new Error("no issues.opened event");
  return { n: issue.number, opened };
}

/** A person edits the body as they see it now (the change is applied to the current text). */
function edit(login: string, n: number, change: (body: string) => string): void {
  const { store } = harness.github;
  const before = store.issue(REPO, n).body ?? "";
  const after = change(before);
  if (after === before) throw new Error("the edit changes nothing: the test is wrong");
  store.updateIssue(login, REPO, n, { body: after });
}

const body = (n: number) => harness.github.store.issue(REPO, n).body ?? "";

describe("races: a person's edit or another tool's label lands between the app's read and its write", () => {
  it("the author fixes a typo while the first report's labels are being created: the fix stays, the report is filled", async () => {
    const { n } = file();
    const window = harness.github.fault({
      operation: CREATE_LABEL,
      run: () => edit("maya", n, (text) => text.replace("85 minutes", "86 minutes")),
    });
    const deliveries = await harness.settle();
    expect(window.fired).toBe(true);
    expect(deliveries.every((delivery) => delivery.status === 200)).toBe(true);
    expect(body(n)).toContain("for 86 minutes: release 2.3");
    expect(body(n)).not.toContain("85 minutes");
    expect(body(n)).toContain("| Length | 1 h 25 min |");
    expect(body(n)).not.toContain("### Disruption type");
  });

  it("two quick edits: the second one's new lesson survives the app's write for the first", async () => {
    const { n } = file();
    await harness.settle();
    edit("maya", n, (text) =>
      text.replace("| Resolved | 2026-11-20 15:30", "| Resolved | 2026-11-20 15:45"),
    );
    // The lesson is written while the app handles the first edit (as it reads the issue before
    // writing; its config is cached by then, so it reads nothing earlier).
    const window = harness.github.fault({
      operation: READ_ISSUE,
      run: () =>
        edit("sam", n, (text) =>
          text.replace(LESSON_PLACEHOLDER, `${LESSON_PLACEHOLDER}\n\n- alert on pool saturation`),
        ),
    });
    const deliveries = await harness.settle();
    expect(window.fired).toBe(true);
    expect(deliveries.every((delivery) => delivery.status === 200)).toBe(true);
    expect(body(n)).toContain("- alert on pool saturation");
    expect(body(n)).toContain("| Resolved | 2026-11-20 15:45 Europe/Berlin |");
    expect(body(n)).toContain("| Length | 1 h 40 min |");
    expect(body(n)).toContain("| Time to resolve | 1 h 33 min |");
  });

  it("another tool's needs-triage label added while the app creates its labels is kept", async () => {
    const { n } = file();
    const { store } = harness.github;
    harness.github.fault({
      operation: CREATE_LABEL,
      nth: 2,
      run: () =>
        store.updateIssue("triage-bot", REPO, n, {
          labels: [...store.issue(REPO, n).labels, "needs-triage"],
        }),
    });
    await harness.settle();
    expect(store.issue(REPO, n).labels.sort()).toEqual([
      "disruption",
      "needs-triage",
      "service: checkout",
      "service: payments",
      "severity: sev2",
      "type: deployment",
    ]);
  });

  it("a label another tool adds as the app writes the body is kept (labels are added by name, never set)", async () => {
    const { n } = file();
    const { store } = harness.github;
    harness.github.fault({
      operation: PATCH_ISSUE,
      run: () =>
        store.updateIssue("triage-bot", REPO, n, {
          labels: [...store.issue(REPO, n).labels, "needs-triage"],
        }),
    });
    await harness.settle();
    expect(store.issue(REPO, n).labels).toContain("needs-triage");
    expect(store.issue(REPO, n).labels).toContain("severity: sev2");
  });

  it("a restart, then GitHub redelivers the opened event: nothing is written twice and no edit is lost", async () => {
    const { n, opened } = file();
    const first = await harness.settle();
    expect(first[0]?.status).toBe(200);
    edit("maya", n, (text) =>
      text
        .replace("85 minutes", "86 minutes")
        .replace(LESSON_PLACEHOLDER, `${LESSON_PLACEHOLDER}\n\n- alert on pool saturation`),
    );
    await harness.settle();
    const before = { body: body(n), comments: harness.github.store.comments(REPO, n).length };

    await harness.restart();
    const again = await harness.deliver(opened);
    expect(again.status).toBe(200);
    const writes = again.calls.filter(
      (call) => call.method !== "GET" && !call.path.endsWith("/access_tokens"),
    );
    expect(writes).toEqual([]);
    expect(body(n)).toBe(before.body);
    expect(body(n)).toContain("86 minutes");
    expect(body(n)).toContain("- alert on pool saturation");
    expect(harness.github.store.comments(REPO, n)).toHaveLength(before.comments);
  });

  it("a restart, then a redelivered opened for a report with problems: one problems comment, still", async () => {
    const issue = harness.github.store.createIssue("maya", REPO, {
      title: "Outage",
      body: FORM_BODY.replace("2026-11-20 14:12", "at some point"),
      labels: ["disruption"],
    });
    const opened = harness.github.webhooks.find((event) => event.event === "issues.opened");
    if (!opened) throw new Error("no opened event");
    await harness.settle();
    const comments = () => harness.github.store.comments(REPO, issue.number);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]?.body).toContain("at some point");
    await harness.restart();
    expect((await harness.deliver(opened)).status).toBe(200);
    expect(comments()).toHaveLength(1);
  });
});

describe("close and override: every order ends closed, with one comment", () => {
  /** A filled report with open items, and maya's (maintainer) override reason. */
  async function report(): Promise<number> {
    const { n } = file();
    await harness.settle();
    return n;
  }

  const outcome = (n: number) => {
    const { store } = harness.github;
    const comments = store.comments(REPO, n).filter((comment) => comment.user === store.bot.login);
    return {
      state: store.issue(REPO, n).state,
      appComments: comments.map((comment) => comment.body),
    };
  };

  it("closed, the guard reopens, then /disruption close: closed, the guard's comment turned into the override", async () => {
    const n = await report();
    harness.github.store.updateIssue("sam", REPO, n, {
      state: "closed",
      state_reason: "completed",
    });
    await harness.settle();
    expect(harness.github.store.issue(REPO, n).state).toBe("open");
    harness.github.store.createComment(
      "maya",
      REPO,
      n,
      "/disruption close the items move to the Q1 plan",
    );
    await harness.settle();
    const { state, appComments } = outcome(n);
    expect(state).toBe("closed");
    expect(appComments).toHaveLength(1);
    expect(appComments[0]).toMatch(/Closed by @maya with the close guard overridden/);
  });

  it.each([
    ["the comment's delivery first", ["issue_comment.created", "issues.closed"]],
    ["the close's delivery first", ["issues.closed", "issue_comment.created"]],
  ])("Close with comment, %s: closed, one comment", async (_name, order) => {
    const n = await report();
    const { store } = harness.github;
    store.createComment("maya", REPO, n, "/disruption close the items move to the Q1 plan");
    store.updateIssue("maya", REPO, n, { state: "closed", state_reason: "completed" });
    const events = harness.takeQueued();
    for (const name of order) {
      const event = events.find((each) => each.event === name);
      if (!event) throw new Error(`no ${name}`);
      expect((await harness.deliver(event)).status).toBe(200);
      await harness.settle();
    }
    const { state, appComments } = outcome(n);
    expect(state).toBe("closed");
    expect(appComments).toHaveLength(1);
    expect(appComments[0]).toMatch(/Closed by @maya with the close guard overridden/);
  });
});

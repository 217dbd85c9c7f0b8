import { FORM_BODY, REPO } from "../demo/scenario.js";
import type { Harness } from "../demo/start-harness.js";
import type { WebhookEvent } from "../local-github/index.js";

/**
 * One story of the fault matrix: `prepare` sets GitHub up (with the quiet app, fault-free) and
 * makes a person's action; it returns the webhook events that action sends, which the run then
 * delivers to the production app with one of its write calls failing.
 */
export interface FaultScenario {
  name: string;
  prepare(harness: Harness): Promise<WebhookEvent[]>;
}

const UNREADABLE = FORM_BODY.replace("2026-11-20 14:12", "at some point");

function file(harness: Harness, body = FORM_BODY): number {
  return harness.github.store.createIssue("maya", REPO, {
    title: "[Disruption] Checkout failing for EU customers",
    body,
    labels: ["disruption"],
  }).number;
}

/** A filled report, as the quiet app leaves it; the events it caused are delivered and gone. */
async function filed(harness: Harness, body = FORM_BODY): Promise<number> {
  const n = file(harness, body);
  await harness.settle();
  return n;
}

function comment(harness: Harness, login: string, n: number, text: string): WebhookEvent[] {
  harness.github.store.createComment(login, REPO, n, text);
  return harness.takeQueued();
}

function close(harness: Harness, login: string, n: number): WebhookEvent[] {
  harness.github.store.updateIssue(login, REPO, n, { state: "closed", state_reason: "completed" });
  return harness.takeQueued();
}

/** The stories of issue 11 (2): every handler that writes, each write of it failed in turn. */
export const FAULT_SCENARIOS: readonly FaultScenario[] = [
  {
    name: "first report opened, with a problem",
    async prepare(harness) {
      file(harness, UNREADABLE);
      return harness.takeQueued();
    },
  },
  {
    name: "report edited: severity moved, problem fixed",
    async prepare(harness) {
      const n = await filed(harness, UNREADABLE);
      const { store } = harness.github;
      const body = store.issue(REPO, n).body ?? "";
      store.updateIssue("maya", REPO, n, {
        body: body
          .replace(
            "| Severity | SEV2 — major functionality broken |",
            "| Severity | SEV1 — complete outage |",
          )
          .replace("| Detected | at some point |", "| Detected | 2026-11-20 14:12 |"),
      });
      return harness.takeQueued();
    },
  },
  {
    name: "close blocked by open items",
    async prepare(harness) {
      return close(harness, "sam", await filed(harness));
    },
  },
  {
    name: "/disruption close after a blocked close",
    async prepare(harness) {
      const n = await filed(harness);
      harness.github.store.updateIssue("sam", REPO, n, {
        state: "closed",
        state_reason: "completed",
      });
      await harness.settle();
      return comment(harness, "maya", n, "/disruption close the items move to the Q1 plan");
    },
  },
  {
    name: "Close with comment /disruption close",
    async prepare(harness) {
      const n = await filed(harness);
      harness.github.store.createComment(
        "maya",
        REPO,
        n,
        "/disruption close the items move to the Q1 plan",
      );
      return close(harness, "maya", n);
    },
  },
  {
    name: "/disruption mitigated 15:00",
    async prepare(harness) {
      return comment(harness, "sam", await filed(harness), "/disruption mitigated 15:00");
    },
  },
  {
    name: "refused command",
    async prepare(harness) {
      return comment(harness, "sam", await filed(harness), "/disruption mitigated 13:00");
    },
  },
  {
    name: "/disruption report 2026-11",
    async prepare(harness) {
      return comment(harness, "maya", await filed(harness), "/disruption report 2026-11");
    },
  },
  {
    name: "/disruption track",
    async prepare(harness) {
      return comment(harness, "maya", await filed(harness), "/disruption track");
    },
  },
  {
    name: "tracked issue closed",
    async prepare(harness) {
      const n = await filed(harness);
      harness.github.store.createComment("maya", REPO, n, "/disruption track");
      await harness.settle();
      const tracked = harness.github.store
        .issues(REPO)
        .find((issue) => issue.labels.includes("disruption-action"));
      if (!tracked) throw new Error("/disruption track created no issue");
      return close(harness, "sam", tracked.number);
    },
  },
];

import { formBody } from "../../test/fixtures/form-body.js";
import { sampleReports } from "./sample-reports.js";
import type { Delivery, Harness } from "./start-harness.js";

export const REPO = "acme/ops";
export const ZONE = "Europe/Berlin";

/** The form body as GitHub renders it when maya files the disruption (no trailing newline). */
export const FORM_BODY = formBody({
  "Affected services": "checkout, payments",
  "Disruption type": "Deployment",
  Severity: "SEV2 — major functionality broken",
  "Started at": "2026-11-20 14:05",
  "Detected at": "2026-11-20 14:12",
  "Acknowledged at": "2026-11-20 14:15",
  "Mitigated at": "_No response_",
  "Resolved at": "2026-11-20 15:30",
  "People involved": "@maya, @sam",
  "Incident commander": "@maya",
  "Customer impact": "Yes",
  Summary:
    "Checkout failed for most EU customers for 85 minutes: release 2.3 exhausted the database connection pool.",
  // GitHub keeps a textarea's CRLF line breaks.
  Timeline:
    "| Time | Party | Event | Effect |\r\n| --- | --- | --- | --- |\r\n| 14:05 | deploy bot | release 2.3 rolled out | negative |\r\n| 14:12 | alerting | checkout error rate alert fired | neutral |\r\n| 15:20 | @sam | rolled back to 2.2 | positive |",
  "Action items":
    "- [ ] @sam add a connection-pool saturation alert, tracked in #1 (due 2026-12-01)\r\n- [x] @maya roll back release 2.3\r\n- [ ] @acme/platform load-test releases before rollout (due 2026-12-15)",
  "Supporting documentation": "_No response_",
});

export interface Step {
  title: string;
  deliveries: Delivery[];
  /** What a person can see on GitHub after the step. */
  outcome: string[];
}

/**
 * Sets up the repository as a team would have it: the app installed, the label, a config. Give
 * harnesses that run side by side in one process installation ids of their own: Probot's token
 * cache is keyed by installation id, not by GitHub.
 */
export function seedRepository(harness: Harness, installationId?: number): void {
  const { store } = harness.github;
  store.addRepo({ owner: "acme", name: "ops", ownerType: "Organization" });
  store.addInstallation({ account: "acme", ...(installationId ? { id: installationId } : {}) });
  store.addLabel(REPO, {
    name: "disruption",
    color: "b60205",
    description: "A production disruption report",
  });
  store.setFile(REPO, ".github/disruption-reports.yml", `timeZone: ${ZONE}\n`);
  store.setCollaborator(REPO, "maya", "maintain");
  store.setCollaborator(REPO, "sam", "write");
  store.addIssue(REPO, { title: "Alert on connection-pool saturation", user: "sam", labels: [] });
}

/**
 * The demo's story, step by step, against a running harness: a disruption filed through the form,
 * filled and labelled; its severity edited; a close with open items undone; the items finished and
 * the close standing; a year of reports and the monthly analytics published.
 */
export async function playScenario(harness: Harness): Promise<Step[]> {
  const { store } = harness.github;
  const steps: Step[] = [];
  const labels = (n: number) => store.issue(REPO, n).labels.join(", ");

  const report = store.createIssue("maya", REPO, {
    title: "[Disruption] Checkout failing for EU customers",
    body: FORM_BODY,
    labels: ["disruption"],
  });
  const n = report.number;
  steps.push({
    title: `maya files a disruption through the issue form (#${n})`,
    deliveries: await harness.settle(),
    outcome: [`#${n} is a filled report with the labels: ${labels(n)}`],
  });

  store.updateIssue("maya", REPO, n, {
    body: (store.issue(REPO, n).body ?? "").replace(
      "| Severity | SEV2 — major functionality broken |",
      "| Severity | SEV1 — complete outage |",
    ),
  });
  steps.push({
    title: "maya edits the severity in the Overview table: SEV2 → SEV1",
    deliveries: await harness.settle(),
    outcome: [`labels now: ${labels(n)}`],
  });

  store.updateIssue("sam", REPO, n, { state: "closed", state_reason: "completed" });
  const reopened = await harness.settle();
  steps.push({
    title: "sam closes the report while two action items are open",
    deliveries: reopened,
    outcome: [
      `#${n} is ${store.issue(REPO, n).state} again, with a comment saying what blocks the close`,
    ],
  });

  steps.push(...(await trackAndFinishOneItem(harness, n)));

  store.updateIssue("sam", REPO, 1, { state: "closed", state_reason: "completed" });
  const alertClosed = await harness.settle();
  store.updateIssue("maya", REPO, n, {
    body: (store.issue(REPO, n).body ?? "").replace(/- \[ \] (@sam|@acme\/platform)/g, "- [x] $1"),
  });
  const checked = await harness.settle();
  store.updateIssue("sam", REPO, n, { state: "closed", state_reason: "completed" });
  steps.push({
    title:
      "#1 (the alert) is closed as completed, maya checks the open items, sam closes the report again",
    deliveries: [...alertClosed, ...checked, ...(await harness.settle())],
    outcome: [
      `#${n} is ${store.issue(REPO, n).state}; its Overview says "Action items: ${actionRow(store.issue(REPO, n).body ?? "")}"`,
    ],
  });

  for (const sample of sampleReports(60, "2026-10", ZONE)) store.addIssue(REPO, sample);
  store.createComment("maya", REPO, n, "/disruption report 2026-10");
  const published = await harness.settle();
  const analytics = store
    .issues(REPO)
    .find((issue) => issue.labels.includes("disruption-analytics"));
  steps.push({
    title:
      "a year of reports (60) is loaded and maya asks for October's analytics: /disruption report 2026-10",
    deliveries: published,
    outcome: [
      analytics
        ? `#${analytics.number} "${analytics.title}" is published`
        : "no analytics issue was published",
    ],
  });
  return steps;
}

/**
 * The action items as tracked work: maya has the open item that links no issue made a sub-issue
 * (`/disruption track`), and closing that issue as completed checks the item in the report.
 */
async function trackAndFinishOneItem(harness: Harness, n: number): Promise<Step[]> {
  const { store } = harness.github;
  store.createComment("maya", REPO, n, "/disruption track");
  const tracked = await harness.settle();
  const subIssue = store.issues(REPO).find((issue) => issue.parent === n);
  const steps: Step[] = [
    {
      title: "maya tracks the open items as issues: /disruption track",
      deliveries: tracked,
      outcome: subIssue
        ? [
            `#${subIssue.number} "${subIssue.title}" is a sub-issue of #${n}; the item links it, the item that links #1 is left alone`,
          ]
        : ["no sub-issue was created"],
    },
  ];
  if (!subIssue) return steps;
  store.updateIssue("sam", REPO, subIssue.number, { state: "closed", state_reason: "completed" });
  steps.push({
    title: `the load test is done: sam closes #${subIssue.number} as completed`,
    deliveries: await harness.settle(),
    outcome: [
      `#${n}'s item is checked by the app; its Overview says "Action items: ${actionRow(store.issue(REPO, n).body ?? "")}"`,
    ],
  });
  return steps;
}

function actionRow(body: string): string {
  return /\| Action items \| ([^|]*) \|/.exec(body)?.[1]?.trim() ?? "";
}

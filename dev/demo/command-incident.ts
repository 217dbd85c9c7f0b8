import { REPO, type Step, ZONE } from "./scenario.js";
import type { Harness } from "./start-harness.js";

/** The title of the issue the command incident is played on (the demo writes it to demo-output/). */
export const COMMAND_INCIDENT_TITLE = "Card payments time out";

/**
 * A short incident recorded while it happens, with commands only (README, "During a disruption"):
 * sam opens a plain issue and declares it a disruption; maya records detection, acknowledgement, a
 * failover and the mitigation; a mitigation time before detection is refused with the reason; sam
 * records the resolution; maya's fix (a pull request that says `Fixes #n`) is merged, and sam asks
 * for the timeline from the issue's own history (`/disruption timeline sync`); sam's first close is
 * undone by the close guard (no action item), the second stands and adds the closes and the reopen
 * to the timeline. Self-contained: it needs only the repository `seedRepository` sets up.
 */
export async function playCommandIncident(harness: Harness): Promise<Step[]> {
  const { store } = harness.github;
  const steps: Step[] = [];
  // Opened 20 minutes before the commands (a plain issue, without labels: it causes nothing).
  const opened = new Date(Date.parse(store.now()) - 20 * 60_000).toISOString();
  const issue = store.addIssue(REPO, {
    title: COMMAND_INCIDENT_TITLE,
    body: "Card payments time out since a few minutes; the payments API answers 504.",
    user: "sam",
    createdAt: opened.replace(/\.\d+Z$/, "Z"),
  });
  const n = issue.number;
  const say = async (login: string, comment: string, title: string) => {
    const created = store.createComment(login, REPO, n, comment);
    steps.push({
      title,
      deliveries: await harness.settle(),
      outcome: [
        `the comment's reactions: ${store
          .comment(REPO, created.id)
          .reactions.map((reaction) => reaction.content)
          .join(", ")}`,
      ],
    });
  };

  await say(
    "sam",
    "/disruption declare\n/disruption severity SEV2\n/disruption type Network\n/disruption services payments-api",
    `sam declares #${n} a disruption and sets its severity, type and services in one comment`,
  );
  await say(
    "maya",
    [
      `/disruption detected ${clock(opened, 2)}`,
      `/disruption acknowledged ${clock(opened, 4)}`,
      `/disruption timeline ${clock(opened, 9)} failed over to the secondary load balancer +`,
      `/disruption timeline ${clock(opened, 6)} the primary load balancer drops TLS handshakes -`,
    ].join("\n"),
    "maya records detection, acknowledgement and two timeline entries (given out of order)",
  );
  await say(
    "sam",
    `/disruption mitigated ${clock(opened, 1)}`,
    "sam types a mitigation time before detection: refused with the reason",
  );
  await say("maya", `/disruption mitigated ${clock(opened, 12)}`, "maya records the mitigation");
  await say("sam", "/disruption resolved", "sam records the resolution (now)");
  // The fix, opened 10 and merged 11 minutes after the issue (seeded: no webhook, as the app
  // subscribes to no pull request event).
  const fix = store.addPullRequest(REPO, {
    title: "Fail over TLS to the secondary load balancer",
    body: `Fixes #${n}.`,
    user: "maya",
    createdAt: minutesAfter(opened, 10),
    merged: true,
    mergedAt: minutesAfter(opened, 11),
  });
  await say(
    "sam",
    "/disruption timeline sync",
    `maya's fix #${fix.number} (\`Fixes #${n}\`) is merged; sam adds the issue's own history to the timeline`,
  );
  // sam closes the report: a SEV2 report without an action item may not close (the guard reopens
  // it); with a done item written in, the close stands and the timeline records the history once.
  const close = async (title: string) => {
    store.updateIssue("sam", REPO, n, { state: "closed", state_reason: "completed" });
    const deliveries = await harness.settle();
    steps.push({ title, deliveries, outcome: [`#${n} is ${store.issue(REPO, n).state}`] });
  };
  await close("sam closes the report: a SEV2 report needs an action item, so the guard reopens it");
  const body = store.issue(REPO, n).body ?? "";
  store.updateIssue("sam", REPO, n, {
    body: body.replace(
      /(## Action items\n\n)/,
      "$1- [x] @maya alert on TLS handshake failures at the load balancer\n",
    ),
  });
  await harness.settle();
  await close("sam writes the alert in as done and closes again: the close stands and is synced");
  steps.push({
    title: "the report",
    deliveries: [],
    outcome: [`#${n} has the labels: ${store.issue(REPO, n).labels.join(", ")}`],
  });
  return steps;
}

/** GitHub's form of the time `minutes` after `iso`. */
function minutesAfter(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString().replace(/\.\d+Z$/, "Z");
}

/** `HH:mm` in the demo's zone, `minutes` after `iso`. */
function clock(iso: string, minutes: number): string {
  const time = new Date(Date.parse(iso) + minutes * 60_000);
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(time);
}

import { formBody } from "../../test/fixtures/form-body.js";
import type { LocalStore } from "../local-github/index.js";

/** The repositories of the scale test: four, 25 reports each. */
const REPOS = ["acme/ops", "acme/payments", "acme/search", "acme/platform"];

const SERVICES = ["api", "checkout", "search", "payments", "auth"];
const TYPES = ["Infrastructure", "Deployment", "Third party", "Configuration"];

/** A complete form body (nothing for the app to complain about), varied by `i`. */
function scaleReportBody(i: number): string {
  const day = String(1 + (i % 28)).padStart(2, "0");
  return formBody({
    "Affected services": `${SERVICES[i % SERVICES.length]}, ${SERVICES[(i + 1) % SERVICES.length]}`,
    "Disruption type": TYPES[i % TYPES.length] ?? "",
    Severity: "SEV3 — minor functionality broken",
    "Started at": `2026-11-${day} 14:05 UTC`,
    "Detected at": `2026-11-${day} 14:12 UTC`,
    "Acknowledged at": `2026-11-${day} 14:15 UTC`,
    "Mitigated at": `2026-11-${day} 14:40 UTC`,
    "Resolved at": `2026-11-${day} 15:30 UTC`,
    "People involved": "@maya, @sam",
    "Incident commander": "@maya",
    "Customer impact": "Yes",
    Summary: `Disruption ${i}: requests failed while the connection pool was exhausted.`,
    Timeline: "14:05 deploy starts",
    "Action items": `- [ ] @sam add a pool alert ${i}\r\n- [ ] @maya load-test releases ${i}`,
    "Supporting documentation": "_No response_",
  });
}

/** What a report must look like on GitHub at the end, by the path its story took. */
export interface Expected {
  repo: string;
  number: number;
  i: number;
  state: "open" | "closed";
  /** The app's comments on it: the blocked-close comment (a `/disruption close` edits it into the override record). */
  appComments: number;
  /** Text a person added that must still be there. */
  kept: string;
  /** The severity label after the last edit. */
  severityLabel: string;
}

/** One step a person takes on GitHub; `undefined` when the story is over. */
export type Step = (store: LocalStore) => void;

/**
 * The story of report `i`, as steps a person takes one after another (each after the app has
 * answered the one before): file it through the form; edit the severity;
 * add a sentence to the summary; close it with its two action items open (the app reopens it);
 * then, by `i % 3`, a maintainer's `/disruption close <reason>`, or both items checked and the
 * report closed again, or nothing (it stays open).
 */
export function story(i: number): { repo: string; steps: Step[]; expected: () => Expected } {
  const repo = REPOS[i % REPOS.length] as string;
  let number = 0;
  const edit = (store: LocalStore, actor: string, change: (body: string) => string) => {
    const body = store.issue(repo, number).body ?? "";
    store.updateIssue(actor, repo, number, { body: change(body) });
  };
  const kept = `Note ${i}: the alert fired late.`;
  const steps: Step[] = [
    (store) => {
      number = store.createIssue("maya", repo, {
        title: `[Disruption] ${i}`,
        body: scaleReportBody(i),
        labels: ["disruption"],
      }).number;
    },
    (store) =>
      edit(store, "maya", (body) =>
        body.replace(/\| Severity \| [^|\n]* \|/, "| Severity | SEV1 — complete outage |"),
      ),
    (store) =>
      edit(store, "maya", (body) => body.replace(/(## Summary\n\n[^\n]*)/, `$1\n\n${kept}`)),
    (store) =>
      store.updateIssue("sam", repo, number, { state: "closed", state_reason: "completed" }),
  ];
  const variant = i % 3;
  if (variant === 0)
    steps.push((store) =>
      store.createComment("maya", repo, number, "/disruption close tracked elsewhere"),
    );
  if (variant === 1) {
    steps.push((store) => edit(store, "sam", (body) => body.replace(/- \[ \] @/g, "- [x] @")));
    steps.push((store) =>
      store.updateIssue("sam", repo, number, { state: "closed", state_reason: "completed" }),
    );
  }
  return {
    repo,
    steps,
    expected: () => ({
      repo,
      number,
      i,
      state: variant === 2 ? "open" : "closed",
      appComments: 1,
      kept,
      severityLabel: "severity: sev1",
    }),
  };
}

/** The organisation, its four repositories, the label, a config, and the people's roles. */
export function seedScale(store: LocalStore): void {
  for (const full of REPOS) {
    const [, name] = full.split("/");
    store.addRepo({ owner: "acme", name: name as string, ownerType: "Organization" });
    store.addLabel(full, { name: "disruption", color: "b60205", description: "A report" });
    store.setFile(full, ".github/disruption-reports.yml", "timeZone: UTC\n");
    store.setCollaborator(full, "maya", "maintain");
    store.setCollaborator(full, "sam", "write");
  }
  store.addInstallation({ account: "acme" });
}

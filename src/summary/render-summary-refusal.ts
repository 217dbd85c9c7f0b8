import { type ConfigProblem, describeConfigProblem } from "../config/config-problem.js";

/** Why `/disruption summary` wrote no summary: the commenter's role, the config, or the issue. */
export type SummaryRefusal =
  | { kind: "role"; login: string; role: string }
  | { kind: "config"; problem: Pick<ConfigProblem, "source" | "issues"> }
  | { kind: "not-a-report"; reportLabel: string };

/** The one comment that answers a refused `/disruption summary`, saying what would let it run. */
export function renderSummaryRefusal(refusal: SummaryRefusal): string {
  switch (refusal.kind) {
    case "role":
      return `@${refusal.login} posting the external summary needs triage or write permission on this repository (your role: ${refusal.role}).`;
    case "config":
      return `No summary was written: ${describeConfigProblem(refusal.problem)}.`;
    case "not-a-report":
      return `\`/disruption summary\` works on disruption reports (issues labelled \`${refusal.reportLabel}\`) only.`;
  }
}

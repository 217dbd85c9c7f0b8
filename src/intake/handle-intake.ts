import type { Context } from "probot";
import { trackActionItems } from "../action-items/track-action-items.js";
import { type AppDeps, isOwnEvent } from "../app-deps.js";
import type { ConfigProblem } from "../config/config-problem.js";
import { CONFIG_COMMENT_MARKER, renderConfigComment } from "../config/render-config-comment.js";
import { loadConfigLogged } from "../github/load-config.js";
import { upsertMarkedComment } from "../github/upsert-marked-comment.js";
import { hasLabel, labelNames } from "../labels/label-name.js";
import { intakeInput, intakeMayMatter } from "./intake-input.js";
import { plansWrites } from "./plan-intake.js";
import { planRemembering } from "./plan-remembering.js";
import { writeIntake } from "./write-intake.js";

type IntakeContext = Context<"issues.opened" | "issues.labeled" | "issues.edited">;

/**
 * issues.opened / issues.labeled / issues.edited: fill a new report, keep an edited one true, set
 * its labels, and keep its one problems comment current. Issues without the report label are left
 * alone; an issue without any label costs no API call at all.
 */
export async function handleIntake(context: IntakeContext, deps: AppDeps): Promise<void> {
  const { payload } = context;
  if (!intakeMayMatter(payload)) return;
  if (await isOwnEvent(payload.sender, deps)) return;
  const loaded = await loadConfigLogged(
    context.octokit,
    context.repo(),
    context.log,
    "intake skipped",
    deps.configs,
  );
  if (!loaded.ok) return tellConfigProblem(context, loaded.problem);
  const input = intakeInput(payload, loaded.config);
  if (!input) return;
  // A first plan on the event's snapshot: an edit that changes nothing of the app's costs no read,
  // and one that changes only prose or an item's wording is not planned at all (null).
  const snapshot = planRemembering(input, deps.problems);
  if (snapshot && plansWrites(snapshot)) await writeIntake(context, deps, input, snapshot);
  if (loaded.config.actionItems.track) {
    // New open items become issues (costs nothing when every open item already links one).
    await trackActionItems(context, {
      ...context.repo(),
      installation: payload.installation?.id,
      report: payload.issue.number,
      body: snapshot?.body ?? input.body,
      config: loaded.config,
      deps,
    });
  }
}

/** Tells a report (as far as the broken file lets us know the report label) what to fix. */
async function tellConfigProblem(context: IntakeContext, problem: ConfigProblem): Promise<void> {
  if (!hasLabel(labelNames(context.payload.issue.labels), problem.reportLabel)) return;
  await upsertMarkedComment(
    context.octokit,
    context.issue(),
    CONFIG_COMMENT_MARKER,
    renderConfigComment(problem.source, problem.issues),
  );
}

import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import { workCalendar } from "../calendar/work-calendar.js";
import type { Config } from "../config/config.js";
import { addSubIssue } from "../github/add-sub-issue.js";
import { type CreateRequestOptions, createOnce } from "../github/create-once.js";
import { ensureLabels } from "../github/ensure-labels.js";
import { findTrackedIssues } from "../github/find-tracked-issues.js";
import { locateActionItems } from "../report/parse-action-items.js";
import { readStructure } from "../report/read-structure.js";
import { appendReferences } from "./append-references.js";
import { planTracking, type TrackCandidate } from "./plan-tracking.js";

export interface TrackOutcome {
  /** The issues created by this run, by number. */
  created: number[];
  /** Every item's issue this run wrote into the report (created now or found from a lost run). */
  tracked: number[];
  /** Whether the items were linked as sub-issues, or as plain references (no sub-issues here). */
  mode: "sub-issues" | "references";
}

/**
 * Turns each open action item of a report that links no issue yet into an issue (a sub-issue of
 * the report where GitHub has them), then appends each new issue's reference to its item in one
 * body write. Safe to repeat: an item that links an issue is left alone, and an issue created by a
 * run whose answer was lost is found by its marker and used instead of a second one.
 *
 * Costs, for N items: one look-up of earlier runs' issues, N creations, N links, one read of the
 * report and one body write (README "What it costs"). With nothing to track: nothing.
 */
export async function trackActionItems(
  context: { octokit: Context["octokit"]; log: Context["log"] },
  input: {
    owner: string;
    repo: string;
    installation: number | undefined;
    report: number;
    /** The report's body as the event showed it: what to plan on (the write re-reads it). */
    body: string;
    config: Config;
    deps: Pick<AppDeps, "labels" | "subIssues">;
  },
): Promise<TrackOutcome> {
  const { octokit, log } = context;
  const { owner, repo, report, config, deps } = input;
  const candidates = planTracking(locateActionItems(input.body, readStructure(input.body)), {
    report,
    calendar: workCalendar(config),
  });
  const outcome: TrackOutcome = {
    created: [],
    tracked: [],
    mode: deps.subIssues.available(owner, repo) ? "sub-issues" : "references",
  };
  if (candidates.length === 0) return outcome;

  const label = config.actionItems.label;
  const earlier = await findTrackedIssues(octokit, { owner, repo, label, report });
  if (earlier.size < candidates.length) {
    await ensureLabels(
      octokit,
      { owner, repo, installation: input.installation },
      [label],
      config,
      deps.labels,
    );
  }
  const references = new Map<string, string>();
  for (const candidate of candidates) {
    const found = earlier.get(candidate.key);
    // A create whose answer was lost is looked for by its marker before it is sent again.
    const issue =
      found ??
      (await createOnce(octokit, {
        create: (options) => createIssue(octokit, { owner, repo, label }, candidate, options),
        find: async () =>
          (await findTrackedIssues(octokit, { owner, repo, label, report })).get(candidate.key) ??
          null,
      }));
    if (!found) outcome.created.push(issue.number);
    if (outcome.mode === "sub-issues" && !issue.linked) {
      const linked = await addSubIssue(octokit, { owner, repo, issue_number: report }, issue.id);
      if (linked === "unavailable") {
        outcome.mode = "references";
        if (deps.subIssues.markUnavailable(owner, repo)) {
          log.warn(
            { repository: `${owner}/${repo}` },
            "sub-issues are not available here (GitHub answered 404/410): action items are tracked as linked issues instead",
          );
        }
      }
    }
    references.set(candidate.key, `#${issue.number}`);
    outcome.tracked.push(issue.number);
  }

  // Built from the body as it is now: someone may have edited the report while issues were created.
  const { data: current } = await octokit.rest.issues.get({ owner, repo, issue_number: report });
  const body = current.body ?? "";
  const next = appendReferences(body, references);
  if (next !== body)
    await octokit.rest.issues.update({ owner, repo, issue_number: report, body: next });
  return outcome;
}

/**
 * Creates an item's issue. GitHub refuses the whole issue (422) when an assignee cannot be
 * assigned in the repository (not a collaborator); the owners are then named in the body only.
 */
async function createIssue(
  octokit: Context["octokit"],
  target: { owner: string; repo: string; label: string },
  candidate: TrackCandidate,
  options: CreateRequestOptions,
): Promise<{ id: number; number: number; linked: boolean }> {
  const request = {
    ...options,
    owner: target.owner,
    repo: target.repo,
    title: candidate.title,
    body: candidate.body,
    labels: [target.label],
  };
  try {
    const { data } = await octokit.rest.issues.create(
      candidate.assignees.length > 0 ? { ...request, assignees: candidate.assignees } : request,
    );
    return { id: data.id, number: data.number, linked: false };
  } catch (error) {
    if (candidate.assignees.length === 0 || !isAssigneeRefusal(error)) throw error;
    const { data } = await octokit.rest.issues.create(request);
    return { id: data.id, number: data.number, linked: false };
  }
}

function isAssigneeRefusal(error: unknown): boolean {
  const { status, response } = error as {
    status?: number;
    response?: { data?: { errors?: { field?: string }[] } };
  };
  return status === 422 && (response?.data?.errors ?? []).some((e) => e.field === "assignees");
}

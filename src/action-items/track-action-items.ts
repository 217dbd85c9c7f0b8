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
  const { octokit } = context;
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

  const target: Target = { owner, repo, label: config.actionItems.label, report };
  const earlier = await findTrackedIssues(octokit, target);
  if (earlier.size < candidates.length) {
    const repository = { owner, repo, installation: input.installation };
    await ensureLabels(octokit, repository, [target.label], config, deps.labels);
  }
  const references = new Map<string, string>();
  for (const candidate of candidates) {
    const found = earlier.get(candidate.key);
    const issue = found ?? (await createItemIssueOnce(octokit, target, candidate));
    if (!found) outcome.created.push(issue.number);
    if (outcome.mode === "sub-issues" && !issue.linked) {
      outcome.mode = await linkSubIssue(context, target, issue.id, deps.subIssues);
    }
    references.set(candidate.key, `#${issue.number}`);
    outcome.tracked.push(issue.number);
  }
  await writeReferences(octokit, target, references);
  return outcome;
}

/** The report whose items are tracked, and the label its items' issues carry. */
interface Target {
  owner: string;
  repo: string;
  label: string;
  report: number;
}

type ItemIssue = { id: number; number: number; linked: boolean };

/** A create whose answer was lost is looked for by its marker before it is sent again. */
function createItemIssueOnce(
  octokit: Context["octokit"],
  target: Target,
  candidate: TrackCandidate,
): Promise<ItemIssue> {
  return createOnce(octokit, {
    create: (options) => createIssue(octokit, target, candidate, options),
    find: async () => (await findTrackedIssues(octokit, target)).get(candidate.key) ?? null,
  });
}

/**
 * Links an item's issue as a sub-issue of the report. Where GitHub has no sub-issues (404/410)
 * the run goes on with plain references, said once a repository in the log.
 */
async function linkSubIssue(
  context: { octokit: Context["octokit"]; log: Context["log"] },
  target: Target,
  issueId: number,
  subIssues: AppDeps["subIssues"],
): Promise<TrackOutcome["mode"]> {
  const { owner, repo, report } = target;
  const parent = { owner, repo, issue_number: report };
  const linked = await addSubIssue(context.octokit, parent, issueId);
  if (linked !== "unavailable") return "sub-issues";
  if (subIssues.markUnavailable(owner, repo)) {
    context.log.warn(
      { repository: `${owner}/${repo}` },
      "sub-issues are not available here (GitHub answered 404/410): action items are tracked as linked issues instead",
    );
  }
  return "references";
}

/** Built from the body as it is now: someone may have edited the report while issues were created. */
async function writeReferences(
  octokit: Context["octokit"],
  target: Target,
  references: ReadonlyMap<string, string>,
): Promise<void> {
  const issue = { owner: target.owner, repo: target.repo, issue_number: target.report };
  const { data: current } = await octokit.rest.issues.get(issue);
  const body = current.body ?? "";
  const next = appendReferences(body, references);
  if (next !== body) await octokit.rest.issues.update({ ...issue, body: next });
}

/**
 * Creates an item's issue. GitHub refuses the whole issue (422) when an assignee cannot be
 * assigned in the repository (not a collaborator); the owners are then named in the body only.
 */
async function createIssue(
  octokit: Context["octokit"],
  target: Target,
  candidate: TrackCandidate,
  options: CreateRequestOptions,
): Promise<ItemIssue> {
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

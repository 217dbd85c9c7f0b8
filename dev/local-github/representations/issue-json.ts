import type { LocalStore } from "../store/local-store.js";
import type { IssueRecord, RepoRecord } from "../store/records.js";
import { authorAssociation } from "./author-association.js";
import { labelJson } from "./label-json.js";
import { reactionsJson } from "./reactions-json.js";
import { nodeId, segment, type Urls } from "./urls.js";
import { userJson } from "./user-json.js";

/** A user by login as `simple-user`, or null. */
function person(
  store: LocalStore,
  login: string | null,
  urls: Urls,
): Record<string, unknown> | null {
  const user = login === null ? undefined : store.user(login);
  return user ? userJson(user, urls) : null;
}

/** The web address of an issue, or of a pull request (`/pull/N`). */
export function issueHtmlUrl(issue: IssueRecord, repo: RepoRecord, urls: Urls): string {
  const kind = issue.pullRequest ? "pull" : "issues";
  return `${urls.html}/${segment(repo.owner)}/${segment(repo.name)}/${kind}/${issue.number}`;
}

/**
 * An issue as GitHub's REST `issue` (also the `issue` of webhook payloads), with its labels, its
 * comment count and its `sub_issues_summary`. A pull request carries `pull_request`.
 */
export function issueJson(
  issue: IssueRecord,
  repo: RepoRecord,
  store: LocalStore,
  urls: Urls,
): Record<string, unknown> {
  const repoApi = `${urls.api}/repos/${segment(repo.owner)}/${segment(repo.name)}`;
  const api = `${repoApi}/issues/${issue.number}`;
  const html = issueHtmlUrl(issue, repo, urls);
  const summary = store.subIssues(repo, issue.number);
  const labels = issue.labels.flatMap((name) => {
    const label = store.label(repo, name);
    return label ? [labelJson(label, repo, urls)] : [];
  });
  const assignees = issue.assignees.flatMap((login) => {
    const user = person(store, login, urls);
    return user ? [user] : [];
  });
  const comments = [...repo.comments.values()].filter(
    (comment) => comment.issueNumber === issue.number,
  ).length;
  return {
    url: api,
    repository_url: repoApi,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    id: issue.id,
    node_id: nodeId(issue.pullRequest ? "PR" : "I", issue.id),
    number: issue.number,
    title: issue.title,
    user: person(store, issue.user, urls),
    labels,
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    closed_by: person(store, issue.closedBy, urls),
    author_association: authorAssociation(store, repo, issue.user),
    type: null,
    active_lock_reason: null,
    sub_issues_summary: {
      total: summary.total,
      completed: summary.completed,
      percent_completed:
        summary.total === 0 ? 0 : Math.floor((summary.completed / summary.total) * 100),
    },
    issue_dependencies_summary: {
      blocked_by: 0,
      blocking: 0,
      total_blocked_by: 0,
      total_blocking: 0,
    },
    ...(issue.parent !== null ? { parent_issue_url: `${repoApi}/issues/${issue.parent}` } : {}),
    ...(issue.pullRequest
      ? {
          draft: false,
          pull_request: {
            url: `${repoApi}/pulls/${issue.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: issue.pullRequest.mergedAt,
          },
        }
      : {}),
    body: issue.body,
    reactions: reactionsJson(api),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.pullRequest ? null : issue.stateReason,
  };
}

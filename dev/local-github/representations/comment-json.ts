import type { LocalStore } from "../store/local-store.js";
import type { CommentRecord, RepoRecord } from "../store/records.js";
import { authorAssociation } from "./author-association.js";
import { reactionsJson } from "./reactions-json.js";
import { nodeId, segment, type Urls } from "./urls.js";
import { userJson } from "./user-json.js";

/** An issue comment as GitHub's `issue-comment`. */
export function commentJson(
  comment: CommentRecord,
  repo: RepoRecord,
  store: LocalStore,
  urls: Urls,
): Record<string, unknown> {
  const repoApi = `${urls.api}/repos/${segment(repo.owner)}/${segment(repo.name)}`;
  const url = `${repoApi}/issues/comments/${comment.id}`;
  const issue = repo.issues.get(comment.issueNumber);
  const kind = issue?.pullRequest ? "pull" : "issues";
  const user = store.user(comment.user);
  return {
    url,
    html_url: `${urls.html}/${segment(repo.owner)}/${segment(repo.name)}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoApi}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId("IC", comment.id),
    user: user ? userJson(user, urls) : null,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(store, repo, comment.user),
    body: comment.body,
    reactions: reactionsJson(url, comment.reactions),
    performed_via_github_app: null,
  };
}

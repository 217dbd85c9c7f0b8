import { issueJson } from "../../representations/issue-json.js";
import { notFound, validationFailed } from "../../store/store-error.js";
import { notModeled } from "../http-error.js";
import { bodyObject, numberParam, visibleRepo } from "../request-helpers.js";
import type { Route } from "../route.js";

function invalid(field: string, message: string): never {
  throw validationFailed({ resource: "Issue", field, code: "custom", message });
}

/**
 * Sub-issues: `POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues` makes the issue whose
 * `id` (not number) is `sub_issue_id` a sub-issue of the issue in the path and answers with the
 * parent. Only sub-issues in the same repository are modelled.
 * https://docs.github.com/rest/issues/sub-issues#add-sub-issue
 */
export const SUB_ISSUE_ROUTES: Route[] = [
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues",
    auth: "token",
    handle: (request) => {
      const { store, urls } = request;
      const repo = visibleRepo(request);
      const parent = store.issue(repo, numberParam(request, "issue_number"));
      const body = bodyObject(request);
      const id = body.sub_issue_id;
      if (typeof id !== "number" || !Number.isInteger(id))
        invalid("sub_issue_id", "sub_issue_id must be the id of an issue");
      const child = store.issues(repo).find((issue) => issue.id === id);
      if (!child) {
        const elsewhere = store
          .repos()
          .some((other) => store.issues(other).some((issue) => issue.id === id));
        if (elsewhere) throw notModeled("sub-issues from another repository");
        throw notFound();
      }
      if (child.pullRequest) invalid("sub_issue_id", "A pull request cannot be a sub-issue");
      if (child.number === parent.number)
        invalid("sub_issue_id", "An issue cannot be a sub-issue of itself");
      if (child.parent !== null && body.replace_parent !== true)
        invalid(
          "sub_issue_id",
          "Issue may not contain duplicate sub-issues and can only have one parent",
        );
      store.setParent(repo, child.number, parent.number);
      return {
        status: 201,
        body: issueJson(store.issue(repo, parent.number), repo, store, urls),
        headers: {
          location: `${urls.api}/repos/${repo.owner}/${repo.name}/issues/${parent.number}/sub_issues`,
        },
      };
    },
  },
];

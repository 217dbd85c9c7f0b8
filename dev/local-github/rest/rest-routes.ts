import type { Route } from "./route.js";
import { APP_ROUTES } from "./routes/app-routes.js";
import { COLLABORATOR_ROUTES } from "./routes/collaborator-routes.js";
import { COMMENT_ROUTES } from "./routes/comment-routes.js";
import { CONTENT_ROUTES } from "./routes/content-routes.js";
import { HOOK_ROUTES } from "./routes/hook-routes.js";
import { ISSUE_ROUTES } from "./routes/issue-routes.js";
import { LABEL_ROUTES } from "./routes/label-routes.js";
import { SUB_ISSUE_ROUTES } from "./routes/sub-issue-routes.js";

/**
 * Every REST operation the local GitHub serves. Comment routes come before issue routes so that
 * `/issues/comments/{id}` is not read as an issue number.
 */
export const REST_ROUTES: readonly Route[] = [
  ...APP_ROUTES,
  ...HOOK_ROUTES,
  ...CONTENT_ROUTES,
  ...LABEL_ROUTES,
  ...COMMENT_ROUTES,
  ...ISSUE_ROUTES,
  ...SUB_ISSUE_ROUTES,
  ...COLLABORATOR_ROUTES,
];

import type nock from "nock";
import { OWNER, REPO } from "./payloads.js";

export const repoPath = `/repos/${OWNER}/${REPO}`;
export const configPath = `${repoPath}/contents/.github%2Fdisruption-reports.yml`;
export const orgConfigPath = `/repos/${OWNER}/.github/contents/.github%2Fdisruption-reports.yml`;

/** No config file in the repository nor in the owner's .github repository: the two reads it costs. */
export function noConfig(scope: nock.Scope): nock.Scope {
  return scope
    .get(configPath)
    .reply(404, { message: "Not Found" })
    .get(orgConfigPath)
    .reply(404, { message: "Not Found" });
}

/** A nock body matcher that keeps every request body it sees, for assertions. */
export function capture<T>(into: T[]) {
  return (body: T) => {
    into.push(body);
    return true;
  };
}

/** `GET` of issue 1 as it is on GitHub now: the read the write paths make right before writing. */
export function issueNow(
  scope: nock.Scope,
  issue: {
    body: string;
    labels: string[];
    state?: "open" | "closed";
    stateReason?: string | null;
    closedAt?: string | null;
    number?: number;
  },
): nock.Scope {
  const number = issue.number ?? 1;
  return scope.get(`${repoPath}/issues/${number}`).reply(200, {
    number,
    body: issue.body,
    labels: issue.labels.map((name) => ({ name })),
    state: issue.state ?? "open",
    state_reason: issue.stateReason ?? null,
    closed_at: issue.closedAt ?? null,
  });
}

/** The comments of issue 1 (the marker look-up). */
export function commentsNow(
  scope: nock.Scope,
  comments: { id: number; body: string; bot?: boolean; createdAt?: string }[],
  number = 1,
): nock.Scope {
  return scope
    .get(`${repoPath}/issues/${number}/comments`)
    .query({ per_page: 100 })
    .reply(
      200,
      comments.map((comment) => ({
        id: comment.id,
        body: comment.body,
        created_at: comment.createdAt ?? "2000-01-01T00:00:00Z",
        user: {
          login: comment.bot ? "disruption-reports[bot]" : "octocat",
          type: comment.bot ? "Bot" : "User",
        },
      })),
    );
}

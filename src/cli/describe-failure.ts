import { STATUS_CODES } from "node:http";

/** What the CLI says when a command fails for a reason outside its input, and its exit status. */
export interface Failure {
  message: string;
  /** 3 GitHub refused; 4 try again later; 1 anything else. */
  status: 1 | 3 | 4;
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  request?: { url?: string };
  response?: { headers?: Record<string, string | undefined> };
  cause?: { code?: string; message?: string; cause?: { code?: string } };
  code?: string;
  /** GraphQL's errors (`@octokit/graphql`'s GraphqlResponseError). */
  errors?: Array<{ type?: string; message?: string }>;
}

const NETWORK_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

/** A failure a person can fix or wait out, described; null when the error is not that one. */
type Recognize = (
  failure: RequestErrorLike,
  env: Record<string, string | undefined>,
) => Failure | null;

/**
 * One line naming what went wrong and what to do, for the failures a person can fix or wait out:
 * bad credentials, no such repository, no permission, the rate limit (with its reset time), no
 * network. Anything else is an internal error (status 1).
 */
export function describeFailure(error: unknown, env: Record<string, string | undefined>): Failure {
  const failure = error as RequestErrorLike;
  for (const recognize of FAILURES) {
    const described = recognize(failure, env);
    if (described) return described;
  }
  return internalError(error);
}

function unreachable(
  failure: RequestErrorLike,
  env: Record<string, string | undefined>,
): Failure | null {
  const api = env.GITHUB_API_URL || "https://api.github.com";
  const code = failure.code ?? failure.cause?.code ?? failure.cause?.cause?.code;
  if (!code || !NETWORK_CODES.has(code)) return null;
  return {
    status: 4,
    message: `cannot reach GitHub at ${api} (${code}): check the network connection (and GITHUB_API_URL), then try again`,
  };
}

function badCredentials(failure: RequestErrorLike): Failure | null {
  if (failure.status !== 401) return null;
  return {
    status: 3,
    message:
      "GitHub refused the token (401 Bad credentials): set GITHUB_TOKEN or GH_TOKEN to a valid token",
  };
}

function rateLimited(failure: RequestErrorLike): Failure | null {
  const status = failure.status;
  const headers = failure.response?.headers ?? {};
  if (status !== 403 && status !== 429) return null;
  if (headers["x-ratelimit-remaining"] !== "0" && !headers["retry-after"]) return null;
  const reset = Number(headers["x-ratelimit-reset"]);
  const when = headers["retry-after"]
    ? `in ${headers["retry-after"]} s`
    : Number.isFinite(reset)
      ? `at ${new Date(reset * 1000).toISOString().replace(/\.\d{3}Z$/, "Z")}`
      : "later";
  return {
    status: 4,
    message: `GitHub's rate limit for this token is used up (${status}): try again ${when}`,
  };
}

/** GraphQL answers 200 with a NOT_FOUND error where REST answers 404. */
function graphqlNotFound(failure: RequestErrorLike): Failure | null {
  const notFound = failure.errors?.find((each) => each.type === "NOT_FOUND");
  if (!notFound) return null;
  return {
    status: 3,
    message: `GitHub has no such repository, or the token cannot see it (${notFound.message ?? "NOT_FOUND"}): check --repo OWNER/NAME and the token's access`,
  };
}

function notFound(failure: RequestErrorLike): Failure | null {
  if (failure.status !== 404) return null;
  return {
    status: 3,
    message: `GitHub has no such repository, or the token cannot see it (404 on ${failure.request?.url ?? "the request"}): check --repo OWNER/NAME and the token's access`,
  };
}

/** A 403 that is not the rate limit (recognized before it). */
function forbidden(failure: RequestErrorLike): Failure | null {
  if (failure.status !== 403) return null;
  return {
    status: 3,
    message: `GitHub refused (403 ${said(failure)}): the token lacks a permission this command needs (issues: read, or write for --publish)`,
  };
}

function githubFailed(failure: RequestErrorLike): Failure | null {
  const status = failure.status;
  if (status === undefined || status < 500) return null;
  return {
    status: 4,
    message: `GitHub failed (${status} ${said(failure)}): try again later`,
  };
}

/**
 * What GitHub said, short enough for one line: its message, or the status's name where it sent an
 * error page (a proxy's HTML for a 502), several lines or nothing.
 */
function said(failure: RequestErrorLike): string {
  const message = failure.message?.trim() ?? "";
  if (message === "" || message.length > 200 || /[\r\n]|<[a-z!/]/i.test(message)) {
    return STATUS_CODES[failure.status ?? 0] ?? "no answer";
  }
  return message;
}

/** The failures a person can act on, in the order they are recognized (the first that fits). */
const FAILURES: readonly Recognize[] = [
  unreachable,
  badCredentials,
  rateLimited,
  graphqlNotFound,
  notFound,
  forbidden,
  githubFailed,
];

function internalError(error: unknown): Failure {
  return {
    status: 1,
    message:
      `${error instanceof Error ? error.message : String(error)} (an internal error; DISRUPTIONS_DEBUG=1 shows where)`.split(
        "\n",
      )[0] ?? "",
  };
}

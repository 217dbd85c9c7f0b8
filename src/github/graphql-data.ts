import type { Octokit } from "@octokit/rest";

/** An entry of a GraphQL answer's `errors`. */
interface GraphqlError {
  type?: string;
  path?: unknown[];
}

/**
 * The `data` of a GraphQL query, read with `JSON.parse`. Octokit reads every response body with a
 * parser that keeps numbers past 2^53 as bigints (a regular expression over the whole text, then
 * `JSON.parse` with a reviver): for the 30 MB of reports an organisation-wide report of 10,000
 * reads, that was 0.9 s of the 6.9 s of CPU the run took, and GraphQL answers hold no such number.
 *
 * A repository GitHub cannot resolve is null beside the others' data: GitHub answers 200 with a
 * `NOT_FOUND` error for its path and the data it could read, and that data is what comes back.
 * Any other error in a 200 answer (a rate limit, a timeout, "Something went wrong") is asked again
 * through `octokit.graphql`, so that Probot's throttling and retry see it as they see every other
 * query, and what it throws names the cause: a report is never published with repositories
 * silently left out. An HTTP error is thrown as Octokit throws it.
 */
export async function graphqlData<T>(
  octokit: Pick<Octokit, "request" | "graphql">,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await octokit.request("POST /graphql", {
    ...graphqlBase(octokit),
    query,
    variables,
    request: { parseSuccessResponseBody: false },
  });
  const text = await new Response(response.data as unknown as ReadableStream).text();
  const body = JSON.parse(text) as { data?: T | null; errors?: GraphqlError[] };
  const errors = body.errors ?? [];
  if (body.data && errors.every((error) => error.type === "NOT_FOUND" && error.path)) {
    return body.data;
  }
  return await octokit.graphql<T>(query, variables);
}

/** GitHub Enterprise Server answers GraphQL at `/api/graphql`, beside the REST API's `/api/v3`. */
function graphqlBase(octokit: Pick<Octokit, "request">): { baseUrl?: string } {
  const baseUrl = String(octokit.request.endpoint.DEFAULTS.baseUrl);
  return /\/api\/v3\/?$/.test(baseUrl) ? { baseUrl: baseUrl.replace(/\/v3\/?$/, "") } : {};
}

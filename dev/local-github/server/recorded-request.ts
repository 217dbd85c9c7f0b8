/** One request the local GitHub answered, for assertions. */
export interface RecordedRequest {
  method: string;
  /** The path as requested (still URL-encoded), without the query. */
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body (a GraphQL request's `{ query, variables }`), or undefined. */
  body: unknown;
  status: number;
  /** What was answered: the JSON body, or the text of a raw answer. */
  response: unknown;
  /**
   * The operation, as GitHub's OpenAPI description names it (`GET /repos/{owner}/{repo}/issues`),
   * or `graphql <OperationName>`; null when nothing matched.
   */
  operation: string | null;
  /** Who called: a login (the app's bot for an installation token), `app` for a JWT, or null. */
  caller: string | null;
  /** When the request arrived (ISO 8601, real time). */
  at: string;
  /**
   * The fault that fired on it (see `LocalGitHub.fault`): failed `before` it was applied, or
   * `after` (applied, answer lost). `status` is then the fault's, 0 for a closed connection.
   */
  fault?: { kind: string; when: "before" | "after" };
}

/** What an interceptor is shown before the request is handled. */
export type InterceptedRequest = Omit<RecordedRequest, "status" | "response" | "fault">;

/** An answer an interceptor gives in place of the local GitHub's (a 500, a 403 rate limit …). */
export interface InterceptReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Sees each request before it is handled. Returning a promise delays the answer (a slow GitHub);
 * returning (or resolving to) a reply answers with it instead.
 */
export type Interceptor = (
  request: InterceptedRequest,
) => InterceptReply | undefined | Promise<InterceptReply | undefined>;

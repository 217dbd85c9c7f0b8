import { GraphQLError } from "graphql";

/** GitHub's error types beside data (`type` at the top of each error). */
export type GitHubErrorType =
  | "NOT_FOUND"
  | "MISSING_PAGINATION_BOUNDARIES"
  | "EXCESSIVE_PAGINATION"
  | "NOT_MODELED";

/** An error a resolver throws, carrying GitHub's `type`. */
export function typedError(type: GitHubErrorType, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } });
}

/**
 * An error as GitHub writes it in a response: `type` (for resolver errors), `path`, `locations`,
 * `message`; validation errors keep graphql-js's `extensions`.
 */
export function formatError(error: GraphQLError): Record<string, unknown> {
  const { type, ...extensions } = (error.extensions ?? {}) as { type?: unknown };
  return {
    ...(typeof type === "string" ? { type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message,
  };
}

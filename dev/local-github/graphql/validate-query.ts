import { type DocumentNode, type GraphQLError, type GraphQLSchema, validate } from "graphql";

/**
 * How strictly queries are validated. `spec`: every rule of the GraphQL specification, as
 * graphql-js applies them. `github`: the same, less what GitHub's server (graphql-ruby) still
 * lets through for old clients: fields of one name and different return types in fragments on
 * different types (`... on Issue { state } ... on PullRequest { state }`), which the specification
 * forbids ("OverlappingFieldsCanBeMerged") and graphql-ruby tolerates unless a schema opts out.
 */
export type GraphqlValidation = "github" | "spec";

const RETURN_TYPE_CONFLICT = /conflict because they return conflicting types/;

/** The validation errors of a query under the chosen rules. */
export function validateQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  mode: GraphqlValidation,
): readonly GraphQLError[] {
  const errors = validate(schema, document);
  return mode === "spec"
    ? errors
    : errors.filter((error) => !RETURN_TYPE_CONFLICT.test(error.message));
}

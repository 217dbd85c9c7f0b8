import { type DocumentNode, type GraphQLError, type GraphQLSchema, validate } from "graphql";

/**
 * The validation errors of a query against GitHub's schema, under every rule of the GraphQL
 * specification as graphql-js applies them: stricter than GitHub's server (graphql-ruby tolerates
 * fields of one name and different return types in fragments on different types), so a query the
 * local GitHub takes is one GitHub takes.
 */
export function validateQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
): readonly GraphQLError[] {
  return validate(schema, document);
}

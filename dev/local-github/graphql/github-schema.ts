import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

let loading: Promise<GraphQLSchema> | undefined;

/**
 * GitHub's public GraphQL schema, as `@octokit/graphql-schema` ships it, built once (about a
 * quarter of a second) on first use. Built from the package's introspection JSON, as the package's
 * own `validate` does: its SDL text repeats some fields and does not pass `buildSchema`.
 */
export function githubSchema(): Promise<GraphQLSchema> {
  loading ??= (async () => {
    const { schema } = await import("@octokit/graphql-schema");
    return buildClientSchema(schema.json as unknown as IntrospectionQuery);
  })();
  return loading;
}

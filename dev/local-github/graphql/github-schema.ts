import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

let loading: Promise<GraphQLSchema> | undefined;

type IntrospectionType = {
  name: string;
  fields?: { name: string; args: unknown[] }[] | null;
  enumValues?: { name: string }[] | null;
};
type IntrospectionJson = { __schema: { types: IntrospectionType[] } };

/**
 * GitHub's public GraphQL schema, as `@octokit/graphql-schema` ships it, built once (about a
 * quarter of a second) on first use. Built from the package's introspection JSON, as the package's
 * own `validate` does: its SDL text repeats some fields and does not pass `buildSchema`.
 */
export function githubSchema(): Promise<GraphQLSchema> {
  loading ??= (async () => {
    const { schema } = await import("@octokit/graphql-schema");
    return buildClientSchema(withDuplicateReason(schema.json as unknown as IntrospectionJson));
  })();
  return loading;
}

/**
 * The package's introspection JSON lacks `Issue.stateReason(enableDuplicate: Boolean = false)` and
 * the `DUPLICATE` value of `IssueStateReason`, which its own SDL (`schema.graphql`) and GitHub
 * declare: without the argument GitHub answers NOT_PLANNED for an issue closed as a duplicate.
 * Adds both to copies of the two types.
 */
function withDuplicateReason(json: IntrospectionJson): IntrospectionQuery {
  const enableDuplicate = {
    name: "enableDuplicate",
    description: "Whether or not to return state reason for duplicates",
    type: { kind: "SCALAR", name: "Boolean", ofType: null },
    defaultValue: "false",
    isDeprecated: false,
    deprecationReason: null,
  };
  const duplicate = {
    name: "DUPLICATE",
    description: "An issue that has been closed as a duplicate",
    isDeprecated: false,
    deprecationReason: null,
  };
  const types = json.__schema.types.map((type) =>
    type.name === "IssueStateReason" && type.enumValues
      ? type.enumValues.some((value) => value.name === "DUPLICATE")
        ? type
        : { ...type, enumValues: [...type.enumValues, duplicate] }
      : type.name !== "Issue" || !type.fields
        ? type
        : {
            ...type,
            fields: type.fields.map((field) =>
              field.name === "stateReason" && field.args.length === 0
                ? { ...field, args: [enableDuplicate] }
                : field,
            ),
          },
  );
  return { ...json, __schema: { ...json.__schema, types } } as unknown as IntrospectionQuery;
}

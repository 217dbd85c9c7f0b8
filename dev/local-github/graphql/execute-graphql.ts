import {
  execute,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type OperationDefinitionNode,
  parse,
} from "graphql";
import type { Caller } from "../auth/authenticate.js";
import type { Urls } from "../representations/urls.js";
import type { LocalStore } from "../store/local-store.js";
import { formatError, typedError } from "./graphql-errors.js";
import { rootValue } from "./root-value.js";
import { validateQuery } from "./validate-query.js";

/** The HTTP answer to a GraphQL request. */
export interface GraphqlAnswer {
  status: number;
  body: Record<string, unknown>;
  /** The operation's name (`ReportIssues`), for the request log. */
  operationName: string | null;
}

/**
 * Reads a field from the object the parent resolved to (calling it with the arguments when it is a
 * function); a field the local GitHub has no value for is an error, never a silent null.
 */
const strictResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (typeof source === "object" && source !== null && info.fieldName in source) {
    const value = (source as Record<string, unknown>)[info.fieldName];
    return typeof value === "function" ? value(args, context, info) : value;
  }
  throw typedError(
    "NOT_MODELED",
    `The local GitHub does not model ${info.parentType.name}.${info.fieldName}`,
  );
};

/**
 * Answers a `POST /graphql` body as GitHub does: a query that does not parse or validate against
 * GitHub's schema gets its errors and no data; otherwise the data, with errors (NOT_FOUND …)
 * beside it where a part could not be resolved.
 */
export async function executeGraphql(
  schema: GraphQLSchema,
  body: unknown,
  scope: { store: LocalStore; caller: Caller; urls: Urls },
): Promise<GraphqlAnswer> {
  const request = (typeof body === "object" && body !== null ? body : {}) as {
    query?: unknown;
    variables?: unknown;
    operationName?: unknown;
  };
  if (typeof request.query !== "string") {
    return {
      status: 400,
      body: { message: "A query attribute must be specified and must be a string." },
      operationName: null,
    };
  }
  let document: ReturnType<typeof parse>;
  try {
    document = parse(request.query);
  } catch (error) {
    return {
      status: 200,
      body: { errors: [formatError(error as Parameters<typeof formatError>[0])] },
      operationName: null,
    };
  }
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === "OperationDefinition",
  );
  const operationName =
    typeof request.operationName === "string"
      ? request.operationName
      : (operation?.name?.value ?? null);
  const problems = validateQuery(schema, document);
  if (problems.length > 0)
    return { status: 200, body: { errors: problems.map(formatError) }, operationName };
  const result = await execute({
    schema,
    document,
    rootValue: rootValue(scope),
    variableValues: (request.variables ?? {}) as Record<string, unknown>,
    operationName: typeof request.operationName === "string" ? request.operationName : null,
    fieldResolver: strictResolver,
  });
  return {
    status: 200,
    body: {
      data: result.data ?? null,
      ...(result.errors ? { errors: result.errors.map(formatError) } : {}),
    },
    operationName,
  };
}

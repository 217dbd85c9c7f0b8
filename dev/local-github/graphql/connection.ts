import { typedError } from "./graphql-errors.js";

/** The forward-pagination arguments of a connection field. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** An opaque cursor for an item key (GitHub's are base64 too). */
function encodeCursor(key: number): string {
  return Buffer.from(`cursor:v2:${key}`).toString("base64");
}

function decodeCursor(cursor: string): number | null {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  return match ? Number(match[1]) : null;
}

/**
 * One page of a connection as GitHub serves it (`nodes`, `edges`, `pageInfo`, `totalCount`),
 * `first` (at most 100) after a cursor. Like GitHub, it refuses a page without `first` or `last`
 * and one over 100; `last`/`before` are not modeled. `toNode` turns the page's items (only
 * those: a repository of 10,000 issues is paged through 100 at a time) into what it serves.
 */
export function connection<T, N = T>(
  name: string,
  items: readonly T[],
  keyOf: (item: T) => number,
  args: ConnectionArgs,
  toNode: (item: T) => N = (item) => item as unknown as N,
): Record<string, unknown> {
  if (args.last != null || args.before != null)
    throw typedError(
      "NOT_MODELED",
      `The local GitHub does not model \`last\`/\`before\` on \`${name}\``,
    );
  if (args.first == null)
    throw typedError(
      "MISSING_PAGINATION_BOUNDARIES",
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
    );
  if (args.first > 100 || args.first < 0)
    throw typedError(
      "EXCESSIVE_PAGINATION",
      `Requesting ${args.first} records on the \`${name}\` connection exceeds the \`first\` limit of 100 records.`,
    );
  let start = 0;
  if (args.after != null) {
    const key = decodeCursor(args.after);
    const index = key === null ? -1 : items.findIndex((item) => keyOf(item) === key);
    if (index < 0)
      throw typedError("NOT_FOUND", `\`${args.after}\` does not appear to be a valid cursor.`);
    start = index + 1;
  }
  const page = items.slice(start, start + args.first);
  const edges = page.map((item) => ({ node: toNode(item), cursor: encodeCursor(keyOf(item)) }));
  return {
    totalCount: items.length,
    nodes: edges.map((edge) => edge.node),
    edges,
    pageInfo: {
      hasNextPage: start + page.length < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

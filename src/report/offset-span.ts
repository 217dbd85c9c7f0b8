import type { Node } from "mdast";

type Position = NonNullable<Node["position"]>;

/**
 * A position with offsets only, for nodes built without the parser (the readers of plain tables
 * and task lists): everything here reads offsets, never line and column.
 */
export function offsetSpan(start: number, end: number): Position {
  return { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } };
}

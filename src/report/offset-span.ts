import type { Node } from "mdast";

type Position = NonNullable<Node["position"]>;
type Point = Position["start"];

/**
 * A position with offsets only, for nodes built without the parser (the readers of plain tables
 * and task lists): everything here reads offsets, never line and column.
 */
export function offsetSpan(start: number, end: number): Position {
  return { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } };
}

/**
 * `offsetSpan` as one object whose points are built when read, for the nodes of a parse that
 * live only through one read of the body: a body of thousands of blocks held three objects a
 * node, and copying them was most of the garbage collector's time (README, "No input stalls the
 * app"). Not for nodes a parsed report keeps (its Overview table).
 */
export function lazySpan(start: number, end: number): Position {
  return new LazySpan(start, end);
}

class LazySpan implements Position {
  constructor(
    private readonly from: number,
    private readonly to: number,
  ) {}

  private builtStart: Point | undefined;
  private builtEnd: Point | undefined;

  // Built once, on the first read: a reader sees one object however often it looks.
  get start(): Point {
    this.builtStart ??= { line: 0, column: 0, offset: this.from };
    return this.builtStart;
  }

  get end(): Point {
    this.builtEnd ??= { line: 0, column: 0, offset: this.to };
    return this.builtEnd;
  }
}

import type { Heading, PhrasingContent } from "mdast";
import { offsetSpan } from "./offset-span.js";

type Position = NonNullable<Heading["position"]>;

/**
 * A heading as `parseBlocks` gives it: an mdast heading (one text node holding its title, offsets
 * into the body) that also keeps its title and where the line after it starts. The text node and
 * the position are built when read: a body of 32,768 headings held six objects a heading through
 * the whole read, and copying them was most of the garbage collector's time, which was most of
 * the read's (README, "No input stalls the app"). Each is built once, on its first read, so that
 * a reader sees one object however often it looks (as with a plain node).
 */
export class HeadingNode implements Heading {
  readonly type = "heading";

  constructor(
    readonly depth: Heading["depth"],
    /** The heading's text without markup, trimmed. */
    readonly title: string,
    /** Offset of the heading's first character. */
    readonly start: number,
    /** Offset after its last character (trailing blanks left out). */
    readonly end: number,
    /** Offset of the line after the heading (after its line ending), or the body's end. */
    readonly next: number,
  ) {}

  private builtChildren: PhrasingContent[] | undefined;
  private builtPosition: Position | undefined;

  get children(): PhrasingContent[] {
    this.builtChildren ??= [{ type: "text", value: this.title }];
    return this.builtChildren;
  }

  get position(): Position {
    this.builtPosition ??= offsetSpan(this.start, this.end);
    return this.builtPosition;
  }
}

import type { Node as CmNode } from "commonmark";
import type { BlockContent, Heading, List, ListItem, RootContent } from "mdast";
import { HeadingNode } from "./heading-node.js";
import { headingTitle } from "./heading-title.js";
import { lazySpan } from "./offset-span.js";
import type { Lines } from "./parser-lines.js";

/**
 * Converts the parser's nodes to mdast, with offsets into the body. A class rather than closures:
 * it runs once per node of the body, and builds each node as one object literal of its type.
 */
export class Converter {
  constructor(
    private readonly body: string,
    private readonly lines: Lines,
    private readonly base: number,
  ) {}

  /** The offset in the body of a line and column (1-based) of the parser's input. */
  private at(line: number, column: number): number {
    const start = this.lines.starts[line - 1];
    if (start === undefined) return this.body.length;
    const index = column > 1 ? column - 1 : 0;
    const cut = this.lines.cuts.size === 0 ? undefined : this.lines.cuts.get(line - 1);
    return start + (cut && index >= cut.kept ? index + cut.cut : index);
  }

  convert(node: CmNode): RootContent | null {
    const { body, base } = this;
    // Indexed, not destructured: this runs once per node of the body.
    const sourcepos = node.sourcepos;
    const from = sourcepos[0];
    const to = sourcepos[1];
    const startLine = from[0];
    const endLine = to[0];
    const type = node.type;
    const start = this.at(startLine, from[1]);
    let end = Math.max(start, this.at(endLine, to[1] + 1));
    if (type === "heading" && startLine === endLine)
      end = this.lines.ends[startLine - 1] ?? body.length;
    if (type === "paragraph" || type === "heading") end = trimEnd(body, start, end);
    if (type === "heading") {
      const title = headingTitle(body.slice(start, end), node.level);
      const depth = Math.min(Math.max(node.level, 1), 6) as Heading["depth"];
      const next = this.lines.starts[endLine] ?? body.length;
      return new HeadingNode(depth, title, base + start, base + end, base + next);
    }
    const position = lazySpan(base + start, base + end);
    switch (type) {
      case "paragraph":
        return { type: "paragraph", children: [], position };
      case "block_quote":
        return { type: "blockquote", children: this.kids(node) as BlockContent[], position };
      case "list": {
        const ordered = node.listType === "ordered";
        const list: List = {
          type: "list",
          ordered,
          start: ordered ? node.listStart : null,
          spread: !node.listTight,
          children: this.kids(node) as ListItem[],
          position,
        };
        return list;
      }
      case "item": {
        const children = this.kids(node) as BlockContent[];
        const first = children[0];
        const from = first?.type === "paragraph" ? first.position?.start.offset : undefined;
        const to = first?.position?.end.offset ?? 0;
        const checked = from === undefined ? null : taskMarker(body, from - base, to - base);
        return { type: "listItem", spread: false, checked, children, position };
      }
      case "code_block":
        return { type: "code", value: node.literal ?? "", lang: node.info || null, position };
      case "html_block":
        return { type: "html", value: body.slice(start, end), position };
      case "thematic_break":
        return { type: "thematicBreak", position };
      default:
        return null;
    }
  }

  /** The converted children of a container node (a quote, a list, a list item). */
  private kids(node: CmNode): RootContent[] {
    const out: RootContent[] = [];
    for (let child = node.firstChild; child; child = child.next) {
      const converted = this.convert(child);
      if (converted) out.push(converted);
    }
    return out;
  }
}

/**
 * The GFM task marker at the start of an item's first paragraph (offsets into the body): `[ ]` or
 * `[x]`, then a line ending or spaces and more text (the rule of GFM's task-list extension).
 */
function taskMarker(body: string, start: number, end: number): boolean | null {
  if (end - start < 4) return null;
  if (body.charCodeAt(start) !== 0x5b || body.charCodeAt(start + 2) !== 0x5d) return null;
  const mark = body.charCodeAt(start + 1);
  const checked = mark === 0x78 || mark === 0x58;
  if (!checked && mark !== 0x20 && mark !== 0x09) return null;
  const next = body.charCodeAt(start + 3);
  if (next !== 10 && next !== 13 && next !== 32 && next !== 9) return null;
  return checked;
}

/** The offset after the last character of the text that is not whitespace (`/\s/`), or `start`. */
export function trimEnd(body: string, start: number, end: number): number {
  let last = end;
  while (last > start && isWhitespace(body.charCodeAt(last - 1))) last -= 1;
  return last;
}

/** `/\s/` for one character, without a string per character. */
function isWhitespace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code > 0x7f && /\s/.test(String.fromCharCode(code));
}

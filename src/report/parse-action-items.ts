import type { List, ListItem, Nodes, Paragraph, RootContent } from "mdast";
import { codeSpan } from "../markdown/neutralise.js";
import { endOffset, normalizeNewlines, sourceOf, startOffset } from "./markdown.js";
import { opensStruckThrough } from "./opens-struck-through.js";
import type { BodyStructure } from "./read-structure.js";
import type { ActionItem, ActionItemSource, Problem } from "./types.js";

const OWNER = /(?<![\w@/.`])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))(?:\/([A-Za-z0-9][\w.-]*))?/g;
const DUE = /\bdue\b\s*(?:[:=]\s*)?(?:on\s+|by\s+)?(\d{4}-\d{2}-\d{2})\b/i;
const ISSUE_URL = /https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+)/g;
const CROSS_REF = /(?<![\w/.-])([\w.-]+)\/([\w.-]+)#(\d+)\b/g;
const LOCAL_REF = /(?<![\w/#&])#(\d+)\b/g;
/** The field of the one problem the action items raise (items that are not task items). */
export const ACTION_ITEMS_FIELD = "action items";

/** How many of the items that are not task items the problem names; the rest are counted. */
const NAMED_ITEMS = 20;

/** The checkbox at the start of a task item's first paragraph. */
const CHECKBOX = /^\[[ xX]\]/;

/**
 * The action items of a body: the task items under an action-items heading (`Action items`,
 * `Follow-ups`, …, any level), nested items included. A body with no such heading has every task
 * item counted, except a form-shaped body, where checkboxes are answers. Task items inside code
 * are not tasks (the GFM parser sees to it).
 */
export function parseActionItems(
  body: string,
  structure: BodyStructure,
): { items: ActionItem[]; problems: Problem[]; source: ActionItemSource } {
  const { blocks, shape } = structure;
  const actionNodes = blocks
    .filter((block) => block.kind === "section" && block.name === "Action items")
    .map((block) => structure.nodesOf(block));
  const listItems = actionNodes.flatMap((nodes) => collectListItems(nodes));
  const tasks = listItems.filter((item) => typeof item.checked === "boolean");
  const problems: Problem[] = [];

  const plain = actionNodes
    .flatMap((nodes) => nodes.filter((node): node is List => node.type === "list"))
    .flatMap((list) => list.children.filter((item) => typeof item.checked !== "boolean"));
  if (plain.length > 0) {
    const named = plain.slice(0, NAMED_ITEMS).map((item) => codeSpan(clip(itemText(body, item))));
    if (plain.length > NAMED_ITEMS) named.push(`and ${plain.length - NAMED_ITEMS} more`);
    const names = named.join(", ");
    problems.push({
      field: ACTION_ITEMS_FIELD,
      message: `${plain.length === 1 ? "This item is" : `These ${plain.length} items are`} under Action items but not task items: ${names}. Make each a task item (\`- [ ] @owner what (due YYYY-MM-DD)\`) so it can be tracked.`,
    });
  }

  if (actionNodes.length > 0 || shape === "form") {
    return { items: tasks.map((item) => toActionItem(body, item)), problems, source: "heading" };
  }
  const everywhere = taskItemsAnywhere(body, structure).filter(
    (item) => typeof item.checked === "boolean",
  );
  return {
    items: everywhere.map((item) => toActionItem(body, item)),
    problems,
    source: "anywhere",
  };
}

/** An action item and where its checkbox and text are in the body. */
export interface LocatedActionItem {
  item: ActionItem;
  /** Offset of the checkbox's `[`. */
  checkbox: number;
  /** Offset of the item's text, after the checkbox and its space. */
  textStart: number;
  /** Offset just after the last character of the item's first paragraph (its line end). */
  end: number;
}

/**
 * The action items of a body (as {@link parseActionItems} finds them) with the offsets of their
 * checkbox and text, for writes that touch one item's checkbox or line end and nothing else.
 */
export function locateActionItems(body: string, structure: BodyStructure): LocatedActionItem[] {
  const { blocks, shape } = structure;
  const actionNodes = blocks
    .filter((block) => block.kind === "section" && block.name === "Action items")
    .map((block) => structure.nodesOf(block));
  const nodes =
    actionNodes.length > 0 || shape === "form"
      ? actionNodes.flatMap((found) => collectListItems(found))
      : taskItemsAnywhere(body, structure);
  return nodes
    .filter((node) => typeof node.checked === "boolean")
    .flatMap((node) => {
      const paragraph = node.children.find(
        (child): child is Paragraph => child.type === "paragraph",
      );
      if (!paragraph) return [];
      const from = startOffset(node);
      const end = endOffset(paragraph);
      // The GFM parser starts the paragraph after the checkbox, the plain reader at it.
      const box = /\[[ xX]\][ \t]*/.exec(body.slice(from, end));
      if (!box) return [];
      const checkbox = from + box.index;
      return [
        { item: toActionItem(body, node), checkbox, textStart: checkbox + box[0].length, end },
      ];
    });
}

/**
 * The list items of every block of the body, in document order, from the nodes the structure read
 * for each block: a block whose text holds no checkbox (`[ ]`, `[x]`) holds no task item and is
 * not read at all, so a body of headings or prose costs no parse. The blocks come in order, so the
 * search for the next checkbox only moves on (linear in the body, however many blocks).
 */
function taskItemsAnywhere(body: string, structure: BodyStructure): ListItem[] {
  const items: ListItem[] = [];
  let box = -2;
  for (const block of structure.blocks) {
    if (box !== -1 && box < block.contentStart) box = nextCheckbox(body, block.contentStart);
    if (box === -1) break;
    if (box < block.contentEnd) {
      for (const item of collectListItems(structure.nodesOf(block))) items.push(item);
    }
  }
  return items;
}

/** The offset of the first GFM checkbox (`[`, a space, tab, `x` or `X`, `]`) at or after `from`, or -1. */
function nextCheckbox(body: string, from: number): number {
  for (let at = body.indexOf("[", from); at !== -1; at = body.indexOf("[", at + 1)) {
    const mark = body.charCodeAt(at + 1);
    const isMark = mark === 0x20 || mark === 0x09 || mark === 0x78 || mark === 0x58;
    if (isMark && body.charCodeAt(at + 2) === 0x5d) return at;
  }
  return -1;
}

/** Every list item in the nodes, depth first, in document order (nested lists and quotes included). */
function collectListItems(nodes: readonly Nodes[]): ListItem[] {
  const found: ListItem[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === "listItem") found.push(node);
    if (node.type === "list" || node.type === "listItem" || node.type === "blockquote") {
      for (const child of node.children) walk(child);
    }
  };
  for (const node of nodes) walk(node);
  return found;
}

function toActionItem(body: string, item: ListItem): ActionItem {
  const text = itemText(body, item);
  return {
    text,
    checked: item.checked === true,
    dropped: text.startsWith("~") && isStruckThrough(body, item),
    owners: findOwners(text),
    due: DUE.exec(text)?.[1] ?? null,
    references: findReferences(text),
  };
}

/** The item's own text (its first paragraph), without the checkbox and without nested items. */
function itemText(body: string, item: ListItem): string {
  const paragraph = item.children.find((child): child is Paragraph => child.type === "paragraph");
  if (!paragraph) return "";
  const source = body.slice(startOffset(paragraph), endOffset(paragraph));
  // Most items are one line: the same text without splitting and joining.
  if (!source.includes("\n") && !source.includes("\r")) return source.replace(CHECKBOX, "").trim();
  return (
    sourceOf(body, [paragraph as RootContent])
      .replace(CHECKBOX, "")
      .split("\n")
      // A backslash at the end of a line is a hard line break, not text.
      .map((line, index, all) => (index < all.length - 1 ? line.replace(/\\$/, "") : line).trim())
      .filter((line) => line !== "")
      .join(" ")
  );
}

/**
 * An item whose text opens with struck-through words was dropped (a reason may follow). The
 * document pass leaves strikethrough out, so the few items that open with `~` are read again with
 * GFM strikethrough (`toActionItem` asks only for those: a text that does not open with `~` has
 * no source that does).
 */
function isStruckThrough(body: string, item: ListItem): boolean {
  const paragraph = item.children.find((child): child is Paragraph => child.type === "paragraph");
  if (!paragraph) return false;
  const text = body
    .slice(startOffset(paragraph), endOffset(paragraph))
    .replace(/^\[[ xX]\]\s*/, "");
  if (!text.startsWith("~")) return false;
  // The opening words are what counts: the first 1,000 characters bound the parser's cost.
  return opensStruckThrough(text.slice(0, 1_000));
}

function findOwners(text: string): string[] {
  if (!text.includes("@")) return [];
  const owners = new Set<string>();
  const withoutCode = text.replace(/`[^`]*`/g, "");
  for (const match of withoutCode.matchAll(OWNER)) {
    owners.add(match[2] ? `@${match[1]}/${match[2]}` : `@${match[1]}`);
  }
  return [...owners];
}

/** `#12`, `owner/repo#12` and issue URLs, normalised to `#12` / `owner/repo#12`, in order, once each. */
function findReferences(text: string): string[] {
  // Every reference has a `#` but an issue URL, which has `/issues/`.
  if (!text.includes("#") && !text.includes("/issues/")) return [];
  const refs: { at: number; ref: string }[] = [];
  let rest = normalizeNewlines(text).replace(/`[^`]*`/g, (code) => " ".repeat(code.length));
  for (const match of rest.matchAll(ISSUE_URL)) {
    refs.push({ at: match.index, ref: `${match[1]}/${match[2]}#${match[3]}` });
  }
  rest = rest.replace(ISSUE_URL, (url) => " ".repeat(url.length));
  for (const match of rest.matchAll(CROSS_REF)) {
    refs.push({ at: match.index, ref: `${match[1]}/${match[2]}#${match[3]}` });
  }
  rest = rest.replace(CROSS_REF, (ref) => " ".repeat(ref.length));
  for (const match of rest.matchAll(LOCAL_REF)) {
    refs.push({ at: match.index, ref: `#${match[1]}` });
  }
  return [...new Set(refs.sort((a, b) => a.at - b.at).map((entry) => entry.ref))];
}

function clip(text: string): string {
  return text.length > 50 ? `${text.slice(0, 47)}…` : text;
}

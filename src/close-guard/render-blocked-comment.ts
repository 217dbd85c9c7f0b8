import { codeSpan, inlineMarkdown, plainText, quoteBlock } from "../markdown/neutralise.js";
import type { ActionItem } from "../report/types.js";
import type { CloseBlocker } from "./decide-close.js";

/** The one close-guard comment of a report: blocked closes and the override both edit it. */
export const BLOCKED_COMMENT_MARKER = "<!-- disruption-reports:close-guard -->";

/**
 * The close-guard comment once a maintainer closed the report anyway with `/disruption close`:
 * who, and their reason (quoted, so nothing in it notifies anyone or renders as HTML). It takes
 * the place of the "Reopened" text, so every order of close and command ends with one comment.
 */
export function renderOverrideComment(login: string, reason: string): string {
  return [
    BLOCKED_COMMENT_MARKER,
    `**Closed by @${login} with the close guard overridden.**`,
    "",
    quoteBlock(reason),
  ].join("\n");
}

/**
 * The comment posted when a close is undone: exactly what blocks it, and the three ways forward.
 */
export function renderBlockedComment(blockers: readonly CloseBlocker[]): string {
  const lines = blockers.map(describeBlocker);
  return [
    BLOCKED_COMMENT_MARKER,
    "**Reopened: this report cannot be closed while its follow-up is unfinished.**",
    "",
    ...lines,
    "",
    "Ways forward:",
    "1. Finish each item and check it off (an item that links issues is done when they are closed as completed).",
    "2. Strike through an item that will not be done, with the reason: `- [ ] ~~add a cache~~ not needed after the fix`.",
    '3. If this was a false alarm or a duplicate, close the report as "not planned" or "duplicate" instead.',
    "",
    "A maintainer can also close it anyway with a comment: `/disruption close <reason>`.",
  ].join("\n");
}

function describeBlocker(blocker: CloseBlocker): string {
  switch (blocker.kind) {
    case "open-item":
      return `- ${describeItem(blocker.item)}`;
    case "checked-but-open-reference":
      return `- ${describeItem(blocker.item)} is checked off, but ${list(blocker.references)} ${blocker.references.length === 1 ? "is" : "are"} still open.`;
    case "unreadable-reference":
      return `- ${describeItem(blocker.item)}: ${list(blocker.references)} could not be read (deleted, or in a repository this app cannot see), so the item counts as not done.`;
    case "open-sub-issues":
      return `- ${blocker.open} of ${blocker.total} sub-issues ${blocker.open === 1 ? "is" : "are"} still open.`;
    case "no-action-items":
      return `- This is a ${blocker.severity} report without any action item: write at least one under \`## Action items\` (\`- [ ] @owner what (due YYYY-MM-DD)\`).`;
  }
}

/**
 * `“add an alert” (owner `@alice`, due 2026-12-01)`: the item's text with its owners and due date
 * spelled out. Mentions are put in code so the comment does not notify every owner and team again.
 */
function describeItem(item: ActionItem): string {
  const facts = [
    item.owners.length > 0
      ? `owner ${item.owners.map((owner) => codeSpan(owner)).join(", ")}`
      : "no owner",
    item.due ? `due ${plainText(item.due)}` : "no due date",
  ];
  return `“${inlineMarkdown(item.text)}” (${facts.join(", ")})`;
}

function list(references: readonly string[]): string {
  return references.map((reference) => plainText(reference)).join(", ");
}

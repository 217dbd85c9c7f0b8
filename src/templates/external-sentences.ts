import { withoutComments } from "../report/markdown.js";
import { replaceLinks, withoutTags } from "./linear-text.js";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The sentences of a section's markdown, as plain text: headings, tables (a timeline's rows),
 * code blocks, HTML comments and task items (the action items are read on their own) left out;
 * links read as their text; emphasis and code marks removed.
 *
 * @example proseSentences("The pool ran dry. See [the graph](https://x.example).") // ["The pool ran dry.", "See the graph."]
 */
export function proseSentences(markdown: string): string[] {
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of withoutComments(markdown).split("\n")) {
    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      fence = open[1] ?? "```";
      continue;
    }
    if (/^\s*(?:#{1,6}\s|\||[-*+]\s+\[[ xX]\])/.test(line) || line.trim().startsWith("|")) continue;
    kept.push(line.replace(/^\s*(?:>\s*)*(?:[-*+]|\d+[.)])?\s*/, ""));
  }
  const text = plainInline(kept.join("\n"));
  return text
    .split(/\n\s*\n|(?<=[.!?])\s+(?=[\p{Lu}\p{N}"'(@])|\n(?=\S)/u)
    .map((sentence) => sentence.replace(/\s+/g, " ").trim())
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

/** Inline markdown as the text it shows: `[text](url)` → `text`, images dropped, marks removed. */
export function plainInline(text: string): string {
  const images = replaceLinks(text, { open: "(", close: ")", image: true });
  const links = replaceLinks(images, { open: "(", close: ")", image: false });
  const references = replaceLinks(links, { open: "[", close: "]", image: false });
  return withoutTags(references)
    .replace(/\*\*|__|`+|~~/g, "")
    .replace(/(?<![\p{L}\p{N}])[*_](?=\S)|(?<=\S)[*_](?![\p{L}\p{N}])/gu, "");
}

import fc from "fast-check";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { describe, expect, it } from "vitest";
import {
  renderBlockedComment,
  renderOverrideComment,
} from "../../src/close-guard/render-blocked-comment.js";
import { renderRefusal } from "../../src/commands/render-refusal.js";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import { parseConfigText } from "../../src/config/parse-config-text.js";
import { renderConfigComment } from "../../src/config/render-config-comment.js";
import { renderProblemsComment } from "../../src/intake/render-problems-comment.js";
import { codeSpan, inlineMarkdown, plainText, quoteBlock } from "../../src/markdown/neutralise.js";
import { parseReport } from "../../src/report/parse-report.js";

/**
 * The mentions GitHub would make live in this markdown, and any raw HTML (other than the app's
 * hidden markers): text outside code, after entities and escapes are decoded, where `@` follows
 * no letter or digit and precedes one. Conservative: the start of every text node counts as a
 * boundary.
 */
function liveMentionsAndHtml(markdown: string): { mentions: string[]; html: string[] } {
  const tree = fromMarkdown(markdown, {
    extensions: [gfmTable()],
    mdastExtensions: [gfmTableFromMarkdown()],
  });
  const mentions: string[] = [];
  const html: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === "text") {
      for (const match of node.value.matchAll(/(?<![A-Za-z0-9])@([A-Za-z0-9][\w-]*)/g))
        mentions.push(match[1] ?? "");
    }
    if (node.type === "html" && !/^<!-- disruption-reports:[^>]*-->$/.test(node.value.trim()))
      html.push(node.value);
    if ("children" in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return { mentions, html };
}

/** Strings made of what breaks quoting: backticks, mentions, HTML, entities, escapes, markup. */
const hostile = fc
  .array(
    fc.constantFrom(
      "`",
      "``",
      "@",
      "@acme/everyone",
      "@alice",
      " ",
      "<img src=x>",
      "<b>",
      "&#64;",
      "&commat;",
      "\\",
      "*",
      "_",
      "~",
      "[",
      "](x)",
      "x",
      "1",
      "-",
      ">",
      "<!--",
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(""));

const quiet = (markdown: string, intended: string[] = []) => {
  const { mentions, html } = liveMentionsAndHtml(markdown);
  expect(mentions.filter((name) => !intended.includes(name))).toEqual([]);
  expect(html).toEqual([]);
};

describe("nothing the app writes notifies anyone it did not mean to", () => {
  it("the checker sees what GitHub would notify", () => {
    expect(liveMentionsAndHtml("cc @alice, `@bob`, a@b.c, &#64;carol").mentions).toEqual([
      "alice",
      "carol",
    ]);
    expect(liveMentionsAndHtml("`` Other ` @acme/everyone ` ``").mentions).toEqual([]);
    expect(liveMentionsAndHtml("`Other ` @acme/everyone ` `").mentions).toEqual(["acme"]);
  });

  it("quotes any value as code, plain text, markdown or a block quote, quietly", () => {
    fc.assert(
      fc.property(hostile, (value) => {
        quiet(`- Type ${codeSpan(value)} is not known`);
        quiet(`- ${plainText(value)}`);
        quiet(`| a | ${inlineMarkdown(value)} |\n| --- | --- |\n| ${plainText(value)} | b |`);
        quiet(`Closed.\n\n${quoteBlock(value)}`);
      }),
      { numRuns: 500 },
    );
  });

  it("the problems comment quotes what the author typed without notifying anyone", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (type, severity, started) => {
        const cell = (text: string) => text.replace(/\|/g, "/");
        const body = [
          "## Overview",
          "",
          "| Field | Value |",
          "| --- | --- |",
          "| Services | api |",
          `| Type | ${cell(type)} |`,
          `| Severity | ${cell(severity)} |`,
          `| Started | ${cell(started)} |`,
          `| Customer impact | ${cell(type)} |`,
          "",
          "## Action items",
          "",
          `- ${cell(started)}`,
        ].join("\n");
        const parsed = parseReport(body, { timeZone: "UTC", types: DEFAULT_CONFIG.types });
        quiet(renderProblemsComment(parsed.problems));
      }),
      { numRuns: 300 },
    );
  });

  it("the blocked-close and override comments quote items and reasons without notifying anyone but the closer", () => {
    fc.assert(
      fc.property(hostile, hostile, (text, reason) => {
        const item = {
          text,
          checked: false,
          dropped: false,
          owners: ["@alice", text.slice(0, 10)],
          due: text.slice(0, 8) || null,
          references: [],
        };
        const blocked = renderBlockedComment([{ kind: "open-item", item } as never]);
        quiet(blocked);
        quiet(renderOverrideComment("maya", reason), ["maya"]);
      }),
      { numRuns: 300 },
    );
  });

  it("command refusals and the config comment quote what people typed without notifying anyone but the commenter", () => {
    fc.assert(
      fc.property(hostile, hostile, (line, text) => {
        const refusal = renderRefusal("sam", [
          {
            line: `/disruption type ${line}`,
            message: `${codeSpan(text, 60)} is not one of this repository's types: write one of ${text}`,
          },
          { line, message: text },
        ]);
        quiet(refusal, ["sam"]);
        // Keys and YAML errors come back from the file as people wrote it.
        const parsed = parseConfigText(
          `${JSON.stringify(text)}: 1\ntimeZone: ${JSON.stringify(line)}\n`,
        );
        if (!parsed.ok) quiet(renderConfigComment(`acme/${line}:.github/x.yml`, parsed.issues));
        quiet(
          renderConfigComment("acme/ops:.github/disruption-reports.yml", [
            { key: text, message: line },
          ]),
        );
      }),
      { numRuns: 300 },
    );
  });
});

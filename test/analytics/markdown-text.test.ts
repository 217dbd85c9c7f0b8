import { describe, expect, it } from "vitest";
import { inlineMarkdown, inlineText, link } from "../../src/analytics/markdown-text.js";

describe("text from issues in the monthly report", () => {
  it("keeps a title in its table cell, with no markup, no HTML and no notification", () => {
    expect(inlineText("DB | cache [down]\ncc @alice <!-- x")).toBe(
      "DB \\| cache \\[down\\] cc @&#8203;alice &lt;!-- x",
    );
    expect(inlineText("x".repeat(300))).toHaveLength(200);
  });

  it("keeps an action item's markdown, leaving code spans as written", () => {
    expect(inlineMarkdown("@org/sre fix `a | b` for @bob, mail ops@example.com")).toBe(
      "@&#8203;org/sre fix `a \\| b` for @&#8203;bob, mail ops@example.com",
    );
  });

  it("links with escaped text", () => {
    expect(link("#3 [urgent] api", "https://github.com/acme/ops/issues/3")).toBe(
      "[#3 \\[urgent\\] api](https://github.com/acme/ops/issues/3)",
    );
  });
});

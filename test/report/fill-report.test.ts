import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import { planIntake } from "../../src/intake/plan-intake.js";
import { fillReport, fillWithinLimit } from "../../src/report/fill-report.js";
import { parseReport } from "../../src/report/parse-report.js";

describe("fillReport keeps what the author wrote", () => {
  it("keeps text under an Overview heading below the Overview table", () => {
    const body =
      "## Overview\n\nThe API returned 500s for an hour after the 14:05 deploy.\n\n## Timeline\n\n14:05 deploy";
    const filled = fillReport(body);
    expect(filled).toMatch(
      /^## Overview\n\n\| Field \| Value \|[\s\S]*\| Action items \| none yet \|\n\nThe API returned 500s for an hour after the 14:05 deploy\.\n\n## Timeline\n\n14:05 deploy\n\n## Summary\n/,
    );
    expect(fillReport(filled)).toBe(filled);
  });

  it("gives text before any heading one Summary heading, and appends no second, empty Summary", () => {
    const filled = fillReport("Card payments time out; the payments API answers 504.");
    expect(filled.match(/^## Summary$/gm)).toEqual(["## Summary"]);
    expect(filled).toContain(
      "## Summary\n\nCard payments time out; the payments API answers 504.\n\n## Timeline",
    );
    expect(fillReport(filled)).toBe(filled);
  });

  it("keeps a three-column table under Overview, which is not the Overview table", () => {
    const body =
      "## Overview\n\n| Field | Value | Notes |\n| --- | --- | --- |\n| Started | 2026-11-20 14:05 | approx |";
    expect(fillReport(body)).toContain("| Started | 2026-11-20 14:05 | approx |");
  });

  it("does not take a pasted alert's `| Field | Value |` table for the Overview table", () => {
    const body =
      "Copied from the PagerDuty alert:\n\n| Field | Value |\n| --- | --- |\n| Service | api |\n| Urgency | high |\n\nCheckout was down for ten minutes.";
    const parsed = parseReport(body);
    expect(parsed.shape).toBe("freeform");
    expect(parsed.report.summary).toContain("| Urgency | high |");
    const plan = planIntake({
      mode: "fill",
      body,
      previousBody: null,
      labels: ["disruption"],
      config: DEFAULT_CONFIG,
    });
    expect(plan.body).toMatch(
      /^## Overview\n\n\| Field \| Value \|\n\| --- \| --- \|\n\| Services \| {2}\|/,
    );
    expect(plan.body).toContain(
      "## Summary\n\nCopied from the PagerDuty alert:\n\n| Field | Value |\n| --- | --- |\n| Service | api |",
    );
  });

  it("keeps a postmortem written without the form as written, adding the Overview and what is missing", () => {
    const body = [
      "# Postmortem: checkout outage",
      "",
      "## Affected services",
      "",
      "- api",
      "- checkout",
      "",
      "## What went wrong",
      "",
      "<!-- DRAFT: check the numbers -->",
      "The pool ran dry.",
      "",
      "## Follow-up improvements",
      "",
      "- [ ] @alice add an alert (due 2026-12-01)",
    ].join("\n");
    const parsed = parseReport(body);
    expect(parsed.report.services).toEqual(["api", "checkout"]);
    expect(parsed.sections.find((s) => s.name === "What went poorly")?.content).toContain(
      "The pool ran dry.",
    );
    const filled = fillReport(body);
    // The title first, the Overview under it, then every line of the author in its place.
    expect(
      filled.startsWith("# Postmortem: checkout outage\n\n## Overview\n\n| Field | Value |"),
    ).toBe(true);
    expect(filled).toContain("| Services | - api<br>- checkout |");
    expect(filled).toContain(body.split("\n").slice(1).join("\n"));
    expect(filled).not.toContain("### What went poorly");
    expect(filled.indexOf("## Follow-up improvements")).toBeLessThan(filled.indexOf("## Summary"));
    expect(parseReport(filled).report).toEqual(parsed.report);
    expect(parseReport(filled).problems.map((p) => p.field)).not.toContain("services");
  });

  it("appends nothing when the config says so", () => {
    const body = "## Timeline\n\n14:05 deploy";
    const filled = fillReport(body, { appendMissingSections: false });
    expect(filled).toMatch(/\| Action items \| none yet \|\n\n## Timeline\n\n14:05 deploy$/);
  });

  it("drops its hints, then its empty sections, and never cuts the author near the limit", () => {
    const form = (size: number) =>
      `### Affected services\n\napi\n\n### Summary\n\n${"x".repeat(size)}`;
    const plain = fillReport(form(100));
    const room = 65_536 - plain.length + 100;
    const withoutHints = fillWithinLimit(parseReport(form(room + 50)));
    expect(withoutHints.problem).toBeNull();
    expect(withoutHints.body).not.toContain("<!--");
    expect(withoutHints.body).toContain("## Lessons");
    const withoutEmpty = fillWithinLimit(parseReport(form(room + 600)));
    expect(withoutEmpty.problem).toBeNull();
    expect(withoutEmpty.body).not.toContain("## Lessons");
    expect(withoutEmpty.body).toContain("x".repeat(room + 600));
    const tooLong = form(65_400);
    const kept = fillWithinLimit(parseReport(tooLong));
    expect(kept.body).toBe(tooLong);
    expect(kept.problem?.message).toMatch(/left as written/);
  });
});

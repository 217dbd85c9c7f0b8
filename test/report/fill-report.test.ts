import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import { planIntake } from "../../src/intake/plan-intake.js";
import { fillReport } from "../../src/report/fill-report.js";
import { parseReport } from "../../src/report/parse-report.js";

describe("fillReport keeps what the author wrote", () => {
  it("keeps text under an Overview heading below the Overview table", () => {
    const body =
      "## Overview\n\nThe API returned 500s for an hour after the 14:05 deploy.\n\n## Timeline\n\n14:05 deploy";
    const filled = fillReport(body);
    expect(filled).toContain(
      "| Action items | none yet |\n\nThe API returned 500s for an hour after the 14:05 deploy.\n\n## Summary",
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
});

import { describe, expect, it } from "vitest";
import {
  renderSummaryRefusal,
  type SummaryRefusal,
} from "../../src/summary/render-summary-refusal.js";

describe("renderSummaryRefusal: what a refused /disruption summary answers", () => {
  it.each<[SummaryRefusal, string]>([
    [
      { kind: "role", login: "tom", role: "read" },
      "@tom posting the external summary needs triage or write permission on this repository (your role: read).",
    ],
    [
      {
        kind: "config",
        problem: {
          source: "acme/ops:.github/disruption-reports.yml",
          issues: [{ key: "timeZone", message: "is not an IANA time zone name" }],
        },
      },
      "No summary was written: `acme/ops:.github/disruption-reports.yml` is not valid: timeZone is not an IANA time zone name.",
    ],
    [
      { kind: "not-a-report", reportLabel: "incident" },
      "`/disruption summary` works on disruption reports (issues labelled `incident`) only.",
    ],
  ])("%o", (refusal, text) => {
    expect(renderSummaryRefusal(refusal)).toBe(text);
  });
});
